package org.baraza.server.httapi;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.baraza.server.internal.FormEncoding;

import io.javalin.http.BadRequestResponse;

/**
 * The fields of one mod_httapi request, from its query string and its body, bounded as they are added: at most
 * {@link #MAX_FIELDS} fields, names of at most {@link #MAX_NAME} characters, values of at most
 * {@link #MAX_VALUE}, and no control characters. A field given twice keeps its last value (mod_httapi's params
 * are unique; a later one-time value is the newer). Anything else is refused with a 400 that names the
 * problem. One per request; not thread-safe.
 */
final class RequestFields {

    /** A recorded request has about 35 fields; Baraza's own params add a handful. */
    static final int MAX_FIELDS = 200;
    static final int MAX_NAME = 100;
    static final int MAX_VALUE = 2000;
    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0A-\\x1F\\x7F]");

    private final Map<String, String> fields = new LinkedHashMap<>();

    /** The fields of {@code name=value&...} text, as mod_httapi writes them (switch_event_build_param_string). */
    void addEncoded(String text, String where) {
        FormEncoding.forEachPair(text, where, this::add);
    }

    void add(String name, String value) {
        if (name.isEmpty()) {
            throw new BadRequestResponse("a field without a name");
        }
        if (name.length() > MAX_NAME || hasControl(name)) {
            throw new BadRequestResponse("a field name that is too long or not text: " + printable(name));
        }
        if (value.length() > MAX_VALUE) {
            throw new BadRequestResponse("field " + name + " is longer than " + MAX_VALUE + " characters");
        }
        if (hasControl(value)) {
            throw new BadRequestResponse("field " + name + " has control characters");
        }
        if (!fields.containsKey(name) && fields.size() >= MAX_FIELDS) {
            throw new BadRequestResponse("more than " + MAX_FIELDS + " fields");
        }
        fields.put(name, value);
    }

    String get(String name) {
        return fields.get(name);
    }

    Map<String, String> asMap() {
        return fields;
    }

    /** Whether the text holds a control character other than a tab (what {@link #CONTROL} matches), without a matcher per field. */
    private static boolean hasControl(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7F) {
                return true;
            }
        }
        return false;
    }

    private static String printable(String text) {
        String cut = text.length() > 40 ? text.substring(0, 40) + "..." : text;
        return CONTROL.matcher(cut).replaceAll("?");
    }
}

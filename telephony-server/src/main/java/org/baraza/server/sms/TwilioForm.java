package org.baraza.server.sms;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.baraza.server.internal.FormEncoding;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.ContentTooLargeResponse;
import io.javalin.http.Context;
import io.javalin.http.UnsupportedMediaTypeResponse;

/**
 * The fields of one Twilio webhook request: a URL-encoded UTF-8 form of at most {@link #MAX_BYTES} bytes, at most
 * {@link #MAX_FIELDS} fields, no field twice, no control characters but tab and line ends (a text may have
 * lines). Anything else is refused with a 4xx that names the problem. Immutable.
 */
record TwilioForm(Map<String, String> fields) {

    /** A 1,600-character text of 4-byte characters, every byte escaped, is under 20 KB; Twilio adds about 1 KB. */
    static final int MAX_BYTES = 64 * 1024;
    static final int MAX_FIELDS = 100;
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]");

    TwilioForm {
        fields = Map.copyOf(fields);
    }

    /** Reads the request's body, no further than {@link #MAX_BYTES}. */
    static TwilioForm read(Context ctx) {
        String type = Optional.ofNullable(ctx.contentType()).orElse("");
        int semicolon = type.indexOf(';');
        if (!(semicolon < 0 ? type : type.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT).equals(FORM)) {
            throw new UnsupportedMediaTypeResponse("a Twilio webhook is a " + FORM + " form");
        }
        if (ctx.contentLength() > MAX_BYTES) {
            throw new ContentTooLargeResponse("a Twilio webhook is at most " + MAX_BYTES + " bytes");
        }
        byte[] bytes;
        try (InputStream body = ctx.bodyInputStream()) {
            bytes = body.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the webhook's body", e);
        }
        if (bytes.length > MAX_BYTES) {
            throw new ContentTooLargeResponse("a Twilio webhook is at most " + MAX_BYTES + " bytes");
        }
        // Anything but printable ASCII is refused by FormEncoding: ISO-8859-1 keeps each byte as one character.
        return parse(new String(bytes, StandardCharsets.ISO_8859_1));
    }

    static TwilioForm parse(String encoded) {
        Map<String, String> fields = new LinkedHashMap<>();
        FormEncoding.forEachPair(encoded, "form", (name, value) -> {
            if (name.isEmpty() || CONTROL.matcher(name).find() || CONTROL.matcher(value).find()) {
                throw new BadRequestResponse("field " + (CONTROL.matcher(name).find() ? "?" : name) + " has control characters");
            }
            if (fields.putIfAbsent(name, value) != null) {
                throw new BadRequestResponse("field " + name + " is given twice");
            }
            if (fields.size() > MAX_FIELDS) {
                throw new BadRequestResponse("more than " + MAX_FIELDS + " fields");
            }
        });
        return new TwilioForm(fields);
    }

    /** The field's value; refused with a 400 when it is missing or empty. */
    String required(String name) {
        String value = fields.get(name);
        if (value == null || value.isEmpty()) {
            throw new BadRequestResponse(name + " is missing");
        }
        return value;
    }

    Optional<String> optional(String name) {
        return Optional.ofNullable(fields.get(name)).filter(value -> !value.isEmpty());
    }
}

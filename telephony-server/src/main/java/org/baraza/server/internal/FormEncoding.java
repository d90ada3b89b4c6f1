package org.baraza.server.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.function.BiConsumer;

import io.javalin.http.BadRequestResponse;

/**
 * Strict reading of {@code application/x-www-form-urlencoded} text (a query string or a form body), shared by the
 * server's webhooks: printable ASCII only, {@code +} is a space, every {@code %}-escape complete, and the bytes
 * they make valid UTF-8. Anything else is refused with a 400 that names the problem. Not API: the server's own.
 * Stateless; any thread.
 */
public final class FormEncoding {

    private FormEncoding() {
    }

    /**
     * Gives each {@code name=value} pair of {@code text}, decoded, in order; empty pairs are skipped.
     *
     * @param where what the text is, for the refusal ("form", "query string")
     * @throws BadRequestResponse when the text is not URL-encoded UTF-8
     */
    public static void forEachPair(String text, String where, BiConsumer<String, String> pair) {
        if (text == null || text.isEmpty()) {
            return;
        }
        if (!printableAscii(text)) {
            throw new BadRequestResponse("the " + where + " is not URL-encoded");
        }
        for (String encoded : text.split("&", -1)) {
            if (encoded.isEmpty()) {
                continue;
            }
            int equals = encoded.indexOf('=');
            String name = decode(equals < 0 ? encoded : encoded.substring(0, equals), where);
            String value = equals < 0 ? "" : decode(encoded.substring(equals + 1), where);
            pair.accept(name, value);
        }
    }

    /** Whether the text holds only what URL-encoded text may before decoding: printable ASCII, no space. */
    private static boolean printableAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x21 || c > 0x7E) {
                return false;
            }
        }
        return true;
    }

    /** Percent-decoding as forms are ({@code +} is a space), strictly: a broken escape or bad UTF-8 is refused. */
    static String decode(String encoded, String where) {
        if (encoded.indexOf('%') < 0) {
            return encoded.replace('+', ' ');
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%') {
                int high = i + 2 < encoded.length() ? Character.digit(encoded.charAt(i + 1), 16) : -1;
                int low = high >= 0 ? Character.digit(encoded.charAt(i + 2), 16) : -1;
                if (low < 0) {
                    throw new BadRequestResponse("the " + where + " has a broken %-escape");
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else {
                bytes.write(c == '+' ? ' ' : c);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw new BadRequestResponse("the " + where + " is not UTF-8");
        }
    }
}

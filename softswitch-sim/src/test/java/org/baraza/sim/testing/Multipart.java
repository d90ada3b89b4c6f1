package org.baraza.sim.testing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A multipart/form-data body taken apart, for checking what mod_httapi uploads. */
public final class Multipart {
    /** One part: its headers (names as sent) and its content. */
    public record Part(Map<String, String> headers, byte[] content) {
        public String disposition() {
            return headers.get("Content-Disposition");
        }

        public String text() {
            return new String(content, StandardCharsets.UTF_8);
        }
    }

    private Multipart() {
    }

    /** The parts of a body sent with {@code Content-Type: multipart/form-data; boundary=<boundary>}. */
    public static List<Part> parse(String contentType, byte[] body) {
        String boundary = "--" + contentType.substring(contentType.indexOf("boundary=") + "boundary=".length());
        String text = new String(body, StandardCharsets.ISO_8859_1);
        List<Part> parts = new ArrayList<>();
        int at = text.indexOf(boundary);
        while (at >= 0 && !text.startsWith(boundary + "--", at)) {
            int start = at + boundary.length() + 2;
            int next = text.indexOf("\r\n" + boundary, start);
            String part = text.substring(start, next);
            int blank = part.indexOf("\r\n\r\n");
            Map<String, String> headers = new LinkedHashMap<>();
            for (String line : part.substring(0, blank).split("\r\n")) {
                int colon = line.indexOf(": ");
                headers.put(line.substring(0, colon), line.substring(colon + 2));
            }
            byte[] content = Arrays.copyOfRange(body, start + blank + 4, next);
            parts.add(new Part(headers, content));
            at = next + 2;
        }
        return parts;
    }
}

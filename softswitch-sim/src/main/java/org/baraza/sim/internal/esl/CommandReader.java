package org.baraza.sim.internal.esl;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads client commands the way mod_event_socket's read_packet does: leading blank lines are skipped, a
 * command ends at an empty line ({@code \r} ignored), the first line is the command, later {@code Name: value}
 * lines are headers, and a {@code Content-Length} header is followed by that many bytes of body. A header
 * block longer than the limit is cut there and treated as a command, as FreeSWITCH does, so garbage without
 * line breaks cannot grow memory without bound. One reader per connection, used by its reader thread only.
 */
final class CommandReader {
    static final int MAX_HEADER_BYTES = 64 * 1024;
    static final int MAX_BODY_BYTES = 10 * 1024 * 1024;

    private final InputStream in;
    private final byte[] block = new byte[MAX_HEADER_BYTES];

    CommandReader(InputStream in) {
        this.in = in;
    }

    /** The next command, or null at a clean end of stream between commands. */
    CommandFrame next() throws IOException {
        int length = 0;
        int newlines = 0;
        while (true) {
            int b = in.read();
            if (b < 0) {
                if (length == 0) {
                    return null;
                }
                throw new EOFException("the client went away in the middle of a command");
            }
            if (length == 0 && (b == '\r' || b == '\n')) {
                continue;
            }
            if (b == '\n') {
                newlines++;
            } else if (b != '\r') {
                newlines = 0;
            }
            block[length++] = (byte) b;
            if (newlines == 2 || length == block.length) {
                return parse(new String(block, 0, length, StandardCharsets.UTF_8));
            }
        }
    }

    private CommandFrame parse(String text) throws IOException {
        String[] lines = text.split("\r?\n|\r");
        String command = lines.length == 0 ? "" : lines[0];
        Map<String, String> headers = new LinkedHashMap<>();
        String body = null;
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = lines[i].substring(0, colon);
            String value = lines[i].substring(colon + 1).stripLeading();
            headers.put(name, value);
            if (name.equalsIgnoreCase("Content-Length")) {
                body = readBody(value);
            }
        }
        return new CommandFrame(command, headers, body);
    }

    private String readBody(String lengthText) throws IOException {
        int length;
        try {
            length = Integer.parseInt(lengthText.trim());
        } catch (NumberFormatException e) {
            return null;
        }
        if (length <= 0) {
            return null;
        }
        if (length > MAX_BODY_BYTES) {
            throw new IOException("a command body of " + length + " bytes is more than the simulator accepts");
        }
        byte[] body = in.readNBytes(length);
        if (body.length < length) {
            throw new EOFException("the client went away in the middle of a command body");
        }
        return new String(body, StandardCharsets.UTF_8);
    }
}

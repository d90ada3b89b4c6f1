package org.baraza.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The yardstick for the ESL gateway's command path: an inbound event socket on a plain blocking socket that
 * authenticates and sends {@code api} commands one at a time, reading each reply's headers and body, and nothing
 * else (no events, no library, no threads). Lives from {@link #connect} to {@link #close}; one thread.
 */
final class PlainEsl implements AutoCloseable {

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;

    private PlainEsl(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
    }

    /** Connects to an event socket and authenticates with {@code password}. */
    static PlainEsl connect(InetSocketAddress address, String password) throws IOException {
        Socket socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(10_000);
        socket.connect(address, 5_000);
        PlainEsl esl = new PlainEsl(socket);
        esl.frame();
        esl.send("auth " + password);
        String reply = esl.frame();
        if (!reply.contains("+OK")) {
            esl.close();
            throw new IOException("the event socket refused the password: " + reply.strip());
        }
        return esl;
    }

    /** {@code api <command>}: the reply's body. */
    String api(String command) throws IOException {
        send("api " + command);
        return frame();
    }

    private void send(String command) throws IOException {
        out.write((command + "\n\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** One frame: its headers up to the blank line, then its body if it has one; returns the body, or the headers. */
    private String frame() throws IOException {
        StringBuilder headers = new StringBuilder();
        int length = 0;
        for (String line = line(); !line.isEmpty(); line = line()) {
            headers.append(line).append('\n');
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).strip());
            }
        }
        return length > 0 ? new String(in.readNBytes(length), StandardCharsets.UTF_8) : headers.toString();
    }

    private String line() throws IOException {
        StringBuilder text = new StringBuilder(64);
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("the event socket closed the connection");
            }
            text.append((char) b);
        }
        return text.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}

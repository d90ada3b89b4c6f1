package org.baraza.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A lean HTTP/1.1 client for the benchmark: keep-alive connections on plain sockets, GET only, so that the
 * client's own work weighs as little as possible on the figures (the JDK's HttpClient costs about as much CPU
 * per request as a bare Javalin endpoint, on the same two cores). Sends what mod_httapi sends: curl's
 * User-Agent and Accept, and basic auth. Connections are pooled; {@link #get} is safe from any thread.
 */
final class LeanHttp implements AutoCloseable {

    /** A response that was not a 200, or a connection that failed. */
    static final class Failed extends Exception {
        Failed(String message) {
            super(message, null, false, false);
        }
    }

    private final InetSocketAddress server;
    private final byte[] headers;
    private final ConcurrentLinkedQueue<Connection> idle = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Connection> all = new ConcurrentLinkedQueue<>();

    LeanHttp(int port, String user, String password) {
        this.server = new InetSocketAddress("127.0.0.1", port);
        String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.headers = (" HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUser-Agent: mod_httapi/1.0\r\nAccept: */*\r\n"
                + "Authorization: Basic " + basic + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** GETs {@code target} ({@code /httapi?...}) and returns the body of its 200. */
    String get(String target) throws Failed {
        Connection connection = idle.poll();
        try {
            if (connection == null) {
                connection = new Connection(server);
                all.add(connection);
            }
            String body = connection.get(target, headers);
            if (connection.reusable) {
                idle.add(connection);
            } else {
                connection.close();
            }
            return body;
        } catch (IOException e) {
            if (connection != null) {
                connection.close();
            }
            throw new Failed(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    @Override
    public void close() {
        all.forEach(Connection::close);
    }

    private static final class Connection {
        private final Socket socket;
        private final OutputStream out;
        private final InputStream in;
        private boolean reusable = true;

        Connection(InetSocketAddress server) throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(30_000);
            socket.connect(server, 5_000);
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
        }

        String get(String target, byte[] headers) throws IOException, Failed {
            byte[] line = ("GET " + target).getBytes(StandardCharsets.US_ASCII);
            byte[] request = new byte[line.length + headers.length];
            System.arraycopy(line, 0, request, 0, line.length);
            System.arraycopy(headers, 0, request, line.length, headers.length);
            out.write(request);
            out.flush();
            String status = line();
            int length = -1;
            boolean chunked = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                String lower = header.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Integer.parseInt(lower.substring(15).strip());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    reusable = false;
                }
            }
            if (length < 0 && !chunked) {
                reusable = false;
            }
            byte[] bytes = chunked ? chunks() : length < 0 ? in.readAllBytes() : in.readNBytes(length);
            String body = new String(bytes, StandardCharsets.UTF_8);
            if (!status.startsWith("HTTP/1.1 200 ")) {
                throw new Failed(status + ": " + body.strip());
            }
            return body;
        }

        private byte[] chunks() throws IOException {
            ByteArrayOutputStream body = new ByteArrayOutputStream(512);
            for (int size = Integer.parseInt(line().split(";")[0].strip(), 16); size > 0;
                 size = Integer.parseInt(line().split(";")[0].strip(), 16)) {
                body.writeBytes(in.readNBytes(size));
                line();
            }
            while (!line().isEmpty()) {
                // trailers
            }
            return body.toByteArray();
        }

        private String line() throws IOException {
            StringBuilder text = new StringBuilder(64);
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    throw new IOException("the server closed the connection");
                }
                if (b != '\r') {
                    text.append((char) b);
                }
            }
            return text.toString();
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // Closing at the end, or after a failure: nothing more to do.
            }
        }
    }
}

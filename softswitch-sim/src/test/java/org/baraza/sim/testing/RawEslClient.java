package org.baraza.sim.testing;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Predicate;

/**
 * A plain socket ESL client for tests: writes exactly the bytes it is given and reads frames exactly as they
 * arrive, so framing can be checked byte for byte. Frames that are not what a call waits for (events while
 * waiting for a reply) are kept, in order, for later reads.
 */
public final class RawEslClient implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final List<EslFrame> held = new ArrayList<>();

    private RawEslClient(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    public static RawEslClient connect(InetSocketAddress address) throws IOException {
        return connect(address, 0);
    }

    /**
     * Connects with a receive buffer of about the given size (0 for the system's), for a client meant to fall
     * behind: the buffer must be set before connecting to shape the TCP window.
     */
    public static RawEslClient connect(InetSocketAddress address, int receiveBufferBytes) throws IOException {
        Socket s = new Socket();
        if (receiveBufferBytes > 0) {
            s.setReceiveBufferSize(receiveBufferBytes);
        }
        s.connect(address, 5000);
        s.setSoTimeout(10_000);
        return new RawEslClient(s);
    }

    /** Connects, reads auth/request and logs in. */
    public static RawEslClient login(InetSocketAddress address, String password) throws IOException {
        return login(connect(address), password);
    }

    /** Reads auth/request on a connected client and logs in. */
    public static RawEslClient login(RawEslClient c, String password) throws IOException {
        EslFrame greeting = c.next();
        if (!"auth/request".equals(greeting.contentType())) {
            throw new IOException("expected auth/request, got " + greeting);
        }
        EslFrame reply = c.command("auth " + password);
        if (!"+OK accepted".equals(reply.replyText())) {
            throw new IOException("login refused: " + reply);
        }
        return c;
    }

    public void sendRaw(String bytes) throws IOException {
        out.write(bytes.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** Sends a command line followed by the empty line that ends it, and returns the command/reply. */
    public EslFrame command(String line) throws IOException {
        sendRaw(line + "\n\n");
        return nextMatching(f -> "command/reply".equals(f.contentType()));
    }

    /** Sends {@code api <line>} and returns the api/response body. */
    public String api(String line) throws IOException {
        return apiFrame(line).body();
    }

    public EslFrame apiFrame(String line) throws IOException {
        sendRaw("api " + line + "\n\n");
        return nextMatching(f -> "api/response".equals(f.contentType()));
    }

    /** The next frame, held ones first. */
    public EslFrame next() throws IOException {
        if (!held.isEmpty()) {
            return held.removeFirst();
        }
        return read();
    }

    /** The next frame that matches; the others are held for later. */
    public EslFrame nextMatching(Predicate<EslFrame> wanted) throws IOException {
        for (int i = 0; i < held.size(); i++) {
            if (wanted.test(held.get(i))) {
                return held.remove(i);
            }
        }
        while (true) {
            EslFrame f = read();
            if (wanted.test(f)) {
                return f;
            }
            held.add(f);
        }
    }

    /** Events received until one matches (inclusive). */
    public List<WireEvent> eventsUntil(Predicate<WireEvent> last) throws IOException {
        List<WireEvent> events = new ArrayList<>();
        while (true) {
            EslFrame f = nextMatching(EslFrame::isEvent);
            WireEvent e = f.event();
            events.add(e);
            if (last.test(e)) {
                return events;
            }
        }
    }

    /** Reads and throws away whatever arrives until the server closes the connection; true if it did. */
    public boolean drainUntilClosed() throws IOException {
        byte[] sink = new byte[64 * 1024];
        try {
            while (in.read(sink) >= 0) {
                // Only the end matters.
            }
            return true;
        } catch (java.net.SocketException e) {
            return true;
        }
    }

    /** True when the server closed the connection (reads end). */
    public boolean closedByServer() throws IOException {
        try {
            return in.read() < 0;
        } catch (java.net.SocketException e) {
            return true;
        }
    }

    private EslFrame read() throws IOException {
        LinkedHashMap<String, String> headers = new LinkedHashMap<>();
        String line = line();
        if (line == null) {
            throw new IOException("connection closed");
        }
        if (line.isEmpty()) {
            throw new IOException("framing error: an empty line where a frame should start");
        }
        do {
            int colon = line.indexOf(": ");
            headers.put(line.substring(0, colon), line.substring(colon + 2));
        } while ((line = line()) != null && !line.isEmpty());
        String body = "";
        String length = headers.get("Content-Length");
        if (length != null) {
            byte[] bytes = in.readNBytes(Integer.parseInt(length));
            body = new String(bytes, StandardCharsets.UTF_8);
        }
        return EslFrame.of(headers, body);
    }

    private String line() throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            buf.write(b);
        }
        if (b < 0 && buf.size() == 0) {
            return null;
        }
        return buf.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}

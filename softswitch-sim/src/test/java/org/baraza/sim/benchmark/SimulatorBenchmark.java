package org.baraza.sim.benchmark;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.baraza.sim.PhoneScript;
import org.baraza.sim.Softswitch;
import org.baraza.sim.SoftswitchConfig;

/**
 * How much latency the simulator adds, with 2,000 channels up and 500 events a second going to a subscriber.
 * Not a test: run it with {@code bin/mvn -B -q -pl softswitch-sim -am -Pbenchmark -DskipTests verify} and
 * read the figures it prints.
 *
 * <p>Set-up: a simulator at time scale 1 on loopback; 2,000 parked calls to scripted phones; one ESL client
 * subscribed to {@code event plain ALL}; a second ESL client issuing {@code api uuid_exists} 50 times a second.
 * Load: a driver presses one key on a random channel every 2 ms (500 DTMF events a second, each a full
 * channel event of about 2 KB).
 *
 * <p>Measured, with HdrHistogram:
 * <ul>
 * <li>event latency: from the event's own {@code Event-Date-Timestamp} (taken on the simulator's clock when
 * the switch creates the event) to the subscriber having read the whole frame off its socket; that is the
 * switch thread's work, encoding, the connection's queue and writer thread, and loopback TCP;</li>
 * <li>api round trip: from when the command was due to be sent (so a stall is not hidden, no coordinated
 * omission; this includes the probe thread's own wake-up lateness) and from when it was sent, to the complete
 * {@code api/response} read.</li>
 * </ul>
 * Durations come from the system properties {@code warmup.seconds} (default 10) and {@code measure.seconds}
 * (default 30).
 */
public final class SimulatorBenchmark {
    private static final int CHANNELS = 2_000;
    private static final int EVENTS_PER_SECOND = 500;
    private static final int API_PER_SECOND = 50;

    private SimulatorBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Duration warmup = Duration.ofSeconds(Long.getLong("warmup.seconds", 10));
        Duration measure = Duration.ofSeconds(Long.getLong("measure.seconds", 30));
        try (Softswitch sim = Softswitch.start(SoftswitchConfig.builder().eslPort(0).heartbeat(Duration.ZERO)
                .conferenceSounds(false).build())) {
            sim.phone("*", PhoneScript.answersAtOnce());
            long setupStart = System.nanoTime();
            List<String> channels = parkCalls(sim);
            Duration setup = Duration.ofNanos(System.nanoTime() - setupStart);

            Subscriber subscriber = new Subscriber(sim);
            subscriber.start();
            ApiProbe probe = new ApiProbe(sim, channels.getFirst());
            probe.start();
            Driver driver = new Driver(sim, channels);
            driver.start();

            sleep(warmup);
            subscriber.events.getIntervalHistogram();
            probe.roundTrips.getIntervalHistogram();
            probe.serviceTimes.getIntervalHistogram();
            long dtmfBefore = subscriber.dtmf.get();
            long pressedBefore = driver.pressed.get();
            long measureStart = System.nanoTime();
            sleep(measure);
            Histogram events = subscriber.events.getIntervalHistogram();
            Histogram roundTrips = probe.roundTrips.getIntervalHistogram();
            Histogram serviceTimes = probe.serviceTimes.getIntervalHistogram();
            double seconds = (System.nanoTime() - measureStart) / 1e9;
            long pressed = driver.pressed.get() - pressedBefore;
            long received = subscriber.dtmf.get() - dtmfBefore;
            int live = sim.channels().size();

            driver.stop();
            probe.stop();
            subscriber.stop();

            System.out.printf("%nSimulator benchmark (%s cores, Java %s %s, %s %s)%n",
                    Runtime.getRuntime().availableProcessors(), Runtime.version(), System.getProperty("java.vm.name"),
                    System.getProperty("os.name"), System.getProperty("os.arch"));
            System.out.printf("  set-up: %d parked channels in %.1f s; %d live while measuring%n", channels.size(),
                    setup.toMillis() / 1000.0, live);
            System.out.printf("  load: %.0f DTMF events/s to a subscriber of ALL for %.0f s (warm-up %d s); "
                    + "%d sent, %d received%n", pressed / seconds, seconds, warmup.toSeconds(), pressed, received);
            print("event latency (created -> frame read by subscriber)", events);
            print("api uuid_exists at " + API_PER_SECOND + "/s, from when due", roundTrips);
            print("api uuid_exists at " + API_PER_SECOND + "/s, from when sent", serviceTimes);
        }
    }

    private static List<String> parkCalls(Softswitch sim) throws InterruptedException {
        List<String> uuids = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Thread> workers = new ArrayList<>();
        int perWorker = CHANNELS / 8;
        for (int w = 0; w < 8; w++) {
            int base = w * perWorker;
            workers.add(Thread.ofVirtual().name("bench-originate-" + w).start(() -> {
                for (int i = 0; i < perWorker; i++) {
                    String reply = sim.api("originate sofia/gateway/gsm/2567" + String.format("%08d", base + i) + " &park()");
                    if (!reply.startsWith("+OK ")) {
                        throw new IllegalStateException("originate failed: " + reply);
                    }
                    uuids.add(reply.substring(4).trim());
                }
            }));
        }
        for (Thread t : workers) {
            t.join();
        }
        if (uuids.size() != CHANNELS) {
            throw new IllegalStateException("only " + uuids.size() + " channels came up");
        }
        return List.copyOf(uuids);
    }

    private static void print(String what, Histogram h) {
        System.out.printf("  %s: n=%d  p50=%.3f ms  p90=%.3f ms  p99=%.3f ms  p99.9=%.3f ms  max=%.3f ms%n", what,
                h.getTotalCount(), ms(h.getValueAtPercentile(50)), ms(h.getValueAtPercentile(90)),
                ms(h.getValueAtPercentile(99)), ms(h.getValueAtPercentile(99.9)), ms(h.getMaxValue()));
    }

    private static double ms(long micros) {
        return micros / 1000.0;
    }

    private static void sleep(Duration d) throws InterruptedException {
        Thread.sleep(d.toMillis());
    }

    private static long nowMicros(Softswitch sim) {
        Instant now = sim.clock().now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }

    /** Presses one key on a random channel at a fixed rate, on its own schedule. */
    private static final class Driver {
        private final Softswitch sim;
        private final List<String> channels;
        private final AtomicLong pressed = new AtomicLong();
        private volatile boolean running = true;
        private Thread thread;

        Driver(Softswitch sim, List<String> channels) {
            this.sim = sim;
            this.channels = channels;
        }

        void start() {
            thread = Thread.ofPlatform().name("bench-driver").start(() -> {
                long interval = TimeUnit.SECONDS.toNanos(1) / EVENTS_PER_SECOND;
                long next = System.nanoTime();
                while (running) {
                    sim.pressKeys(channels.get(ThreadLocalRandom.current().nextInt(channels.size())), "5");
                    pressed.incrementAndGet();
                    next += interval;
                    long wait = next - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                    }
                }
            });
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join();
        }
    }

    /** An ESL client of {@code event plain ALL} that times every event it reads. */
    private static final class Subscriber {
        private final Softswitch sim;
        private final Recorder events = new Recorder(3);
        private final AtomicLong dtmf = new AtomicLong();
        private Socket socket;
        private Thread thread;

        Subscriber(Softswitch sim) {
            this.sim = sim;
        }

        void start() throws IOException {
            socket = login(sim.eslAddress());
            FrameReader in = new FrameReader(socket.getInputStream());
            send(socket, "event plain ALL");
            in.reply();
            thread = Thread.ofPlatform().name("bench-subscriber").start(() -> {
                try {
                    while (true) {
                        byte[] body = in.event();
                        long received = nowMicros(sim);
                        String text = new String(body, StandardCharsets.UTF_8);
                        long created = Long.parseLong(header(text, "Event-Date-Timestamp"));
                        events.recordValue(Math.max(0, received - created));
                        if (text.startsWith("Event-Name: DTMF\n")) {
                            dtmf.incrementAndGet();
                        }
                    }
                } catch (IOException e) {
                    // Closed at the end.
                }
            });
        }

        void stop() throws IOException, InterruptedException {
            socket.close();
            thread.join();
        }
    }

    /** A second ESL client running {@code api uuid_exists} at a fixed rate, timed from when each was due. */
    private static final class ApiProbe {
        private final Softswitch sim;
        private final String uuid;
        private final Recorder roundTrips = new Recorder(3);
        private final Recorder serviceTimes = new Recorder(3);
        private volatile boolean running = true;
        private Socket socket;
        private Thread thread;

        ApiProbe(Softswitch sim, String uuid) {
            this.sim = sim;
            this.uuid = uuid;
        }

        void start() throws IOException {
            socket = login(sim.eslAddress());
            FrameReader in = new FrameReader(socket.getInputStream());
            thread = Thread.ofPlatform().name("bench-api").start(() -> {
                long interval = TimeUnit.SECONDS.toNanos(1) / API_PER_SECOND;
                long due = System.nanoTime();
                try {
                    while (running) {
                        long sent = System.nanoTime();
                        send(socket, "api uuid_exists " + uuid);
                        String answer = in.apiResponse();
                        if (!answer.equals("true")) {
                            throw new IllegalStateException("uuid_exists answered " + answer);
                        }
                        long done = System.nanoTime();
                        roundTrips.recordValue(Math.max(0, (done - due) / 1_000));
                        serviceTimes.recordValue((done - sent) / 1_000);
                        due += interval;
                        long wait = due - System.nanoTime();
                        if (wait > 0) {
                            LockSupport.parkNanos(wait);
                        }
                    }
                } catch (IOException e) {
                    // Closed at the end.
                }
            });
        }

        void stop() throws IOException, InterruptedException {
            running = false;
            thread.join();
            socket.close();
        }
    }

    private static Socket login(InetSocketAddress address) throws IOException {
        Socket socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(address);
        FrameReader in = new FrameReader(socket.getInputStream());
        in.frame();
        send(socket, "auth " + SoftswitchConfig.DEFAULT_PASSWORD);
        if (!in.reply().startsWith("+OK")) {
            throw new IOException("login refused");
        }
        return socket;
    }

    private static void send(Socket socket, String command) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write((command + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static String header(String block, String name) {
        int at = block.indexOf(name + ": ");
        int end = block.indexOf('\n', at);
        return block.substring(at + name.length() + 2, end);
    }

    /**
     * A lean ESL frame reader for the benchmark, so the client's own parsing weighs as little as possible on
     * the figures. Not shared; one per socket.
     */
    private static final class FrameReader {
        private final InputStream in;
        private String headers;

        FrameReader(InputStream in) {
            this.in = new BufferedInputStream(in, 256 * 1024);
        }

        /** Reads one frame; returns its body (empty without Content-Length) and keeps its headers. */
        byte[] frame() throws IOException {
            StringBuilder block = new StringBuilder(96);
            int previous = -1;
            while (true) {
                int b = in.read();
                if (b < 0) {
                    throw new IOException("closed");
                }
                if (b == '\n' && previous == '\n') {
                    break;
                }
                block.append((char) b);
                previous = b;
            }
            headers = block.toString();
            int length = headers.indexOf("Content-Length: ");
            if (length < 0) {
                return new byte[0];
            }
            int end = headers.indexOf('\n', length);
            return in.readNBytes(Integer.parseInt(headers.substring(length + 16, end < 0 ? headers.length() : end)));
        }

        byte[] event() throws IOException {
            while (true) {
                byte[] body = frame();
                if (headers.contains("text/event-plain")) {
                    return body;
                }
            }
        }

        String reply() throws IOException {
            frame();
            return header(headers + "\n", "Reply-Text");
        }

        String apiResponse() throws IOException {
            byte[] body = frame();
            return new String(body, StandardCharsets.UTF_8).strip();
        }
    }
}

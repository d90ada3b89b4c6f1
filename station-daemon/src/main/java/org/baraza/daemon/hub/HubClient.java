package org.baraza.daemon.hub;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;
import java.util.function.Supplier;

import org.baraza.core.hub.CallDocument;
import org.baraza.core.hub.Envelope;
import org.baraza.core.hub.HubCodec;
import org.baraza.core.hub.HubMessage;
import org.baraza.core.hub.HubMessage.SwitchLink;
import org.baraza.core.hub.HubMessage.CallReply;
import org.baraza.core.hub.HubMessage.CallRequest;
import org.baraza.core.hub.HubProtocolException;
import org.baraza.core.hub.HubSockets;
import org.baraza.core.hub.StationStatus;
import org.baraza.core.hub.Wakeup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * A station daemon's end of the hub: a ZeroMQ DEALER connected to the telephony server's ROUTER. It says
 * which stations the daemon runs (at once, whenever they change, and every {@link #HEARTBEAT} as the
 * heartbeat the server counts on), answers the server's call requests with the stations' decisions, and reports
 * each station's status as it changes (the latest per station, at most every {@link #STATUS_EVERY}: a report
 * superseded before it was sent is not sent; all of them again when the server asks, having not known the daemon).
 * A request the server sends again (same id: its first copy or the answer was slow) is answered once: a
 * copy that arrives while the answer is being decided is dropped, one that arrives after gets the same
 * answer again.
 *
 * <p>The socket lives on its own thread ("zmq-daemon"); answers come back from station threads through a
 * queue. Lives from {@link #connect} to {@link #close}; thread-safe.
 */
public final class HubClient implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HubClient.class);
    /** How often the daemon says it is alive; the server gives a daemon up after three silent beats. */
    public static final Duration HEARTBEAT = Duration.ofSeconds(1);
    /**
     * The least time between two rounds of status reports. A station's status changes with every call to it (its
     * count of listeners), and a report costs both ends a frame to encode and decode: under a burst of calls each
     * station reports its latest at most this often, which the console's live board cannot tell from at once.
     */
    static final Duration STATUS_EVERY = Duration.ofMillis(200);
    /** How many answered requests are kept to answer a repeated one. */
    private static final int REMEMBERED = 2_000;

    private final ZContext context = new ZContext();
    private final String endpoint;
    private final String daemonId;
    private final Supplier<List<Long>> stations;
    private final Function<CallRequest, CompletableFuture<CallDocument>> answer;
    /** Answers decided on station threads, for the hub thread to send and remember: request id → reply. */
    private final Queue<Map.Entry<String, byte[]>> decided = new ConcurrentLinkedQueue<>();
    /** Request id → its encoded reply, or null while being decided. Hub thread only. */
    private final Map<String, byte[]> answered = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
            return size() > REMEMBERED;
        }
    };
    private final Supplier<List<SwitchLink>> switches;
    /** Each station's latest status, and the stations whose status is still to be sent. */
    private final Map<Long, StationStatus> statuses = new ConcurrentHashMap<>();
    private final Set<Long> unsent = ConcurrentHashMap.newKeySet();
    private volatile boolean resendAll;
    private final Wakeup wakeup;
    private final Thread thread;
    private volatile boolean running = true;

    private HubClient(String endpoint, String daemonId, Supplier<List<Long>> stations, Supplier<List<SwitchLink>> switches,
                      Function<CallRequest, CompletableFuture<CallDocument>> answer) {
        this.endpoint = endpoint;
        this.daemonId = daemonId;
        this.stations = stations;
        this.switches = switches;
        this.answer = answer;
        this.wakeup = new Wakeup(context, "daemon-wake");
        this.thread = Thread.ofPlatform().name("zmq-daemon").daemon(true).unstarted(this::run);
    }

    /**
     * Connects to the server's hub (it may not be up yet: ZeroMQ keeps trying) and starts answering.
     *
     * @param stations the stations the daemon runs now, asked at every heartbeat
     * @param answer   decides a call request; its future completes on the station's thread
     */
    public static HubClient connect(String endpoint, String daemonId, Supplier<List<Long>> stations,
                                    Function<CallRequest, CompletableFuture<CallDocument>> answer) {
        return connect(endpoint, daemonId, stations, List::of, answer);
    }

    /**
     * As {@link #connect(String, String, Supplier, Function)}, telling the server at every heartbeat how its
     * connections to FreeSWITCH are (for the server's /health).
     */
    public static HubClient connect(String endpoint, String daemonId, Supplier<List<Long>> stations,
                                    Supplier<List<SwitchLink>> switches, Function<CallRequest, CompletableFuture<CallDocument>> answer) {
        HubClient client = new HubClient(endpoint, daemonId, stations, switches, answer);
        client.thread.start();
        return client;
    }

    /** A station's status changed: sent to the server soon, superseding any not sent yet. Any thread. */
    public void report(StationStatus status) {
        statuses.put(status.station(), status);
        unsent.add(status.station());
        wakeup.ring();
    }

    /** A station the daemon gave up: nothing more of it is sent. Any thread. */
    public void forget(long station) {
        statuses.remove(station);
        unsent.remove(station);
    }

    private void run() {
        ZMQ.Socket dealer = context.createSocket(SocketType.DEALER);
        HubSockets.configure(dealer);
        dealer.connect(endpoint);
        List<Long> announced = null;
        long nextBeat = 0;
        long nextStatuses = 0;
        try (ZMQ.Poller poller = context.createPoller(2)) {
            poller.register(dealer, ZMQ.Poller.POLLIN);
            poller.register(wakeup.socket(), ZMQ.Poller.POLLIN);
            while (running) {
                long now = System.nanoTime();
                if (now - nextBeat >= 0) {
                    List<Long> current = List.copyOf(stations.get());
                    HubMessage beat = current.equals(announced) ? new HubMessage.Heartbeat(daemonId, current, switches.get())
                            : new HubMessage.Register(daemonId, current);
                    dealer.send(HubCodec.encode(Envelope.of(beat)), ZMQ.DONTWAIT);
                    if (beat instanceof HubMessage.Register) {
                        // The server drops a status of a station it does not know is ours: sent again after this.
                        resendAll = true;
                    }
                    announced = current;
                    nextBeat = now + HEARTBEAT.toNanos();
                }
                long wait = HEARTBEAT.toMillis() / 4;
                if (resendAll || !unsent.isEmpty()) {
                    wait = Math.min(wait, Math.max(0, (nextStatuses - System.nanoTime()) / 1_000_000));
                }
                poller.poll(wait);
                wakeup.drain();
                for (Map.Entry<String, byte[]> reply = decided.poll(); reply != null; reply = decided.poll()) {
                    answered.put(reply.getKey(), reply.getValue());
                    dealer.send(reply.getValue(), ZMQ.DONTWAIT);
                }
                for (byte[] frame = dealer.recv(ZMQ.DONTWAIT); frame != null; frame = dealer.recv(ZMQ.DONTWAIT)) {
                    received(dealer, frame);
                }
                long afterWork = System.nanoTime();
                if (afterWork - nextStatuses >= 0 && (resendAll || !unsent.isEmpty())) {
                    sendStatuses(dealer);
                    nextStatuses = afterWork + STATUS_EVERY.toNanos();
                }
            }
        } catch (RuntimeException e) {
            if (running) {
                LOG.error("the hub client stopped", e);
            }
        }
    }

    private void sendStatuses(ZMQ.Socket dealer) {
        if (resendAll) {
            resendAll = false;
            unsent.addAll(statuses.keySet());
        }
        for (Long station : List.copyOf(unsent)) {
            unsent.remove(station);
            StationStatus status = statuses.get(station);
            if (status != null) {
                dealer.send(HubCodec.encode(Envelope.of(new HubMessage.StatusReport(daemonId, status))), ZMQ.DONTWAIT);
            }
        }
    }

    private void received(ZMQ.Socket dealer, byte[] frame) {
        Envelope envelope;
        try {
            envelope = HubCodec.decode(frame);
        } catch (HubProtocolException e) {
            LOG.warn("dropped a frame from the server: {}", e.getMessage());
            return;
        }
        if (envelope.message() instanceof HubMessage.StatusWanted) {
            resendAll = true;
            return;
        }
        if (!(envelope.message() instanceof CallRequest request)) {
            LOG.warn("the server sent {}, which only daemons send", envelope.message().getClass().getSimpleName());
            return;
        }
        if (answered.containsKey(envelope.id())) {
            byte[] reply = answered.get(envelope.id());
            if (reply != null) {
                dealer.send(reply, ZMQ.DONTWAIT);
            }
            return;
        }
        answered.put(envelope.id(), null);
        CompletableFuture<CallDocument> decision;
        try {
            decision = answer.apply(request);
        } catch (RuntimeException e) {
            decision = CompletableFuture.failedFuture(e);
        }
        decision.whenComplete((document, failure) -> {
            if (failure != null) {
                LOG.warn("no answer for call {}: {}", request.call(), failure.getMessage());
                return;
            }
            decided.add(Map.entry(envelope.id(), HubCodec.encode(envelope.reply(new CallReply(request.call(), document)))));
            wakeup.ring();
        });
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        context.close();
    }
}

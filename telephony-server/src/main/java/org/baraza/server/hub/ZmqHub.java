package org.baraza.server.hub;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

import org.baraza.core.hub.CallDocument;
import org.baraza.core.hub.Envelope;
import org.baraza.core.hub.HubCodec;
import org.baraza.core.hub.HubMessage;
import org.baraza.core.hub.HubMessage.CallReply;
import org.baraza.core.hub.HubMessage.CallRequest;
import org.baraza.core.hub.HubMessage.Heartbeat;
import org.baraza.core.hub.HubMessage.SwitchLink;
import org.baraza.core.hub.HubMessage.Register;
import org.baraza.core.hub.HubMessage.StatusReport;
import org.baraza.core.hub.HubMessage.StatusWanted;
import org.baraza.core.hub.HubProtocolException;
import org.baraza.core.hub.HubSockets;
import org.baraza.core.hub.StationStatus;
import org.baraza.core.hub.Wakeup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;

/**
 * The server's end of the hub: a ZeroMQ ROUTER the station daemons connect to with DEALERs. Daemons
 * register the stations they run and heartbeat every second; a station whose daemon has not been heard
 * for {@link #SILENCE} has no daemon. {@link #ask} sends a caller's request to the station's daemon and
 * completes with its answer, or fails when no daemon runs the station or the deadline passes — the caller
 * then hears the fallback. A request not answered by half its deadline is sent again, with the same id. Daemons
 * report their stations' status as it changes; the hub hands each report of a station the daemon runs to its
 * {@code statuses} and asks a daemon it has not heard before (or not within {@link #SILENCE}) for all of them.
 *
 * <p>The socket lives on its own thread ("zmq-hub", STYLE 12); other threads hand it frames through a
 * queue and an inproc wake-up. Lives from {@link #bind} to {@link #close}; thread-safe.
 */
public final class ZmqHub implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ZmqHub.class);
    /** A daemon not heard for this long no longer runs its stations. */
    public static final Duration SILENCE = Duration.ofSeconds(3);

    private record Owner(byte[] identity, String daemonId, Instant lastHeard) {
    }

    private record Outgoing(byte[] identity, byte[] frame) {
    }

    /**
     * A daemon as the hub last heard it: the stations it runs and its connections to FreeSWITCH, as it reported
     * them (none from a daemon that does not report them).
     */
    public record Daemon(String id, List<Long> stations, List<SwitchLink> switches, Instant lastHeard) {
    }

    private final ZContext context = new ZContext();
    private final CompletableFuture<String> bound = new CompletableFuture<>();
    private String boundAt;
    private final Wakeup wakeup;
    private final Clock clock;
    private final Queue<Outgoing> outgoing = new ConcurrentLinkedQueue<>();
    private final Map<Long, Owner> owners = new ConcurrentHashMap<>();
    private final Map<String, Daemon> daemons = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<CallDocument>> pending = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean running = true;

    private final BiConsumer<String, StationStatus> statuses;

    private ZmqHub(String endpoint, Clock clock, BiConsumer<String, StationStatus> statuses) {
        this.clock = clock;
        this.statuses = statuses;
        this.wakeup = new Wakeup(context, "hub-wake");
        this.thread = Thread.ofPlatform().name("zmq-hub").daemon(true).unstarted(() -> run(endpoint));
    }

    /**
     * Binds the hub at {@code endpoint} ({@code tcp://host:port}; port 0 takes any free port) and starts its
     * thread.
     *
     * @throws IllegalStateException when the address is taken or not this host's
     */
    public static ZmqHub bind(String endpoint, Clock clock) {
        return bind(endpoint, clock, (daemon, status) -> { });
    }

    /**
     * As {@link #bind(String, Clock)}, handing the stations' status reports to {@code statuses} (the daemon's id
     * and the status; called on the hub's thread: must not block).
     */
    public static ZmqHub bind(String endpoint, Clock clock, BiConsumer<String, StationStatus> statuses) {
        ZmqHub hub = new ZmqHub(endpoint, clock, statuses);
        hub.thread.start();
        try {
            hub.boundAt = hub.bound.join();
        } catch (CompletionException e) {
            hub.context.close();
            throw (IllegalStateException) e.getCause();
        }
        return hub;
    }

    /**
     * Asks the station's daemon what a call does next.
     *
     * @return the daemon's answer; fails with {@link NoDaemonException} at once when no daemon runs the
     *         station, or with a {@link TimeoutException} when the answer does not come within {@code deadline}
     */
    public CompletableFuture<CallDocument> ask(CallRequest request, Duration deadline) {
        Optional<Owner> owner = ownerOf(request.station());
        if (owner.isEmpty()) {
            return CompletableFuture.failedFuture(new NoDaemonException(request.station()));
        }
        Envelope envelope = Envelope.of(request);
        CompletableFuture<CallDocument> answer = new CompletableFuture<>();
        pending.put(envelope.id(), answer);
        answer.whenComplete((document, failure) -> pending.remove(envelope.id()));
        byte[] frame = HubCodec.encode(envelope);
        send(owner.get().identity(), frame);
        // Halfway to the deadline, the same request again (the daemon answers a repeat once): a frame lost on
        // a reconnecting socket costs half the deadline, not the caller.
        CompletableFuture.delayedExecutor(deadline.toMillis() / 2, TimeUnit.MILLISECONDS).execute(() -> {
            if (!answer.isDone()) {
                ownerOf(request.station()).ifPresent(again -> send(again.identity(), frame));
            }
        });
        return answer.orTimeout(deadline.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Where the hub listens, as daemons connect to it ({@code tcp://127.0.0.1:5570}). */
    public String endpoint() {
        return boundAt;
    }

    /** The stations some daemon runs now. */
    public Set<Long> stations() {
        return owners.keySet().stream().filter(station -> ownerOf(station).isPresent()).collect(Collectors.toSet());
    }

    /** The daemons heard within {@link #SILENCE}, by id. */
    public List<Daemon> daemons() {
        Instant since = clock.instant().minus(SILENCE);
        return daemons.values().stream().filter(daemon -> !daemon.lastHeard().isBefore(since))
                .sorted(Comparator.comparing(Daemon::id)).toList();
    }

    /** The daemon that runs the station now, if one does. */
    public Optional<String> daemonOf(long station) {
        return ownerOf(station).map(Owner::daemonId);
    }

    private Optional<Owner> ownerOf(long station) {
        Owner owner = owners.get(station);
        if (owner == null || owner.lastHeard().plus(SILENCE).isBefore(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(owner);
    }

    private void send(byte[] identity, byte[] frame) {
        outgoing.add(new Outgoing(identity, frame));
        wakeup.ring();
    }

    /** The hub's thread: the ROUTER is made, bound and used here only, as ZeroMQ sockets require. */
    private void run(String endpoint) {
        ZMQ.Socket router = context.createSocket(SocketType.ROUTER);
        router.setRouterMandatory(false);
        HubSockets.configure(router);
        boolean ok;
        try {
            ok = router.bind(endpoint.endsWith(":0") ? endpoint.substring(0, endpoint.length() - 1) + "*" : endpoint);
        } catch (ZMQException e) {
            ok = false;
        }
        if (!ok) {
            bound.completeExceptionally(new IllegalStateException(
                    "cannot bind the hub at " + endpoint + ": the address is in use or not this host's"));
            return;
        }
        bound.complete(router.getLastEndpoint());
        try (ZMQ.Poller poller = context.createPoller(2)) {
            poller.register(router, ZMQ.Poller.POLLIN);
            poller.register(wakeup.socket(), ZMQ.Poller.POLLIN);
            while (running) {
                if (poller.poll(200) < 0) {
                    break;
                }
                if (poller.pollin(1)) {
                    wakeup.drain();
                }
                for (Outgoing out = outgoing.poll(); out != null; out = outgoing.poll()) {
                    router.sendMore(out.identity());
                    router.send(out.frame(), 0);
                }
                // Read whatever is there whether or not the poller said so: JeroMQ's poller can miss the first
                // message of a freshly connected peer, and nothing would wake it for that message again.
                receiveAll(router);
            }
        } catch (RuntimeException e) {
            if (running) {
                LOG.error("the hub stopped", e);
            }
        }
    }

    private void receiveAll(ZMQ.Socket router) {
        while (true) {
            byte[] identity = router.recv(ZMQ.DONTWAIT);
            if (identity == null) {
                return;
            }
            byte[] frame = router.hasReceiveMore() ? router.recv(0) : null;
            while (router.hasReceiveMore()) {
                router.recv(0);
            }
            if (frame != null) {
                handle(identity, frame);
            }
        }
    }

    private void handle(byte[] identity, byte[] frame) {
        Envelope envelope;
        try {
            envelope = HubCodec.decode(frame);
        } catch (HubProtocolException e) {
            LOG.warn("dropped a frame from a daemon: {}", e.getMessage());
            return;
        }
        switch (envelope.message()) {
            case Register register -> own(identity, register.daemonId(), register.stations(), null, true);
            case Heartbeat heartbeat -> own(identity, heartbeat.daemonId(), heartbeat.stations(), heartbeat.switches(), false);
            case CallReply reply -> {
                CompletableFuture<CallDocument> answer = envelope.correlation() == null ? null : pending.get(envelope.correlation());
                if (answer != null) {
                    answer.complete(reply.document());
                }
            }
            case StatusReport report -> {
                if (ownerOf(report.status().station()).filter(owner -> owner.daemonId().equals(report.daemonId())).isPresent()) {
                    try {
                        statuses.accept(report.daemonId(), report.status());
                    } catch (RuntimeException e) {
                        LOG.warn("a station's status was not taken", e);
                    }
                }
            }
            case CallRequest request -> LOG.warn("a daemon sent a call request; only the server asks");
            case StatusWanted wanted -> LOG.warn("a daemon asked for statuses; only the server asks");
        }
    }

    /** @param switches the daemon's FreeSWITCH connections, or null when the message does not say (a registration) */
    private void own(byte[] identity, String daemonId, List<Long> stations, List<SwitchLink> switches, boolean announce) {
        Instant now = clock.instant();
        Daemon before = daemons.get(daemonId);
        daemons.compute(daemonId, (id, previous) -> new Daemon(id, stations,
                switches != null ? switches : previous == null ? List.of() : previous.switches(), now));
        if (before == null || before.lastHeard().plus(SILENCE).isBefore(now)) {
            // New to this hub (it or the daemon started) or back from silence: what its stations do now, all of it.
            send(identity, HubCodec.encode(Envelope.of(new StatusWanted())));
        }
        for (Long station : stations) {
            Owner previous = owners.put(station, new Owner(identity, daemonId, now));
            if (announce && (previous == null || !previous.daemonId().equals(daemonId))) {
                LOG.info("station {} is run by daemon {}", station, daemonId);
            }
        }
        // Stations the daemon no longer lists are no longer its own.
        owners.entrySet().removeIf(e -> e.getValue().daemonId().equals(daemonId) && !stations.contains(e.getKey()));
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        pending.values().forEach(answer -> answer.completeExceptionally(new IllegalStateException("the hub closed")));
        context.close();
    }
}

package org.baraza.daemon.esl;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import link.thingscloud.freeswitch.esl.IEslEventListener;
import link.thingscloud.freeswitch.esl.InboundClient;
import link.thingscloud.freeswitch.esl.ServerConnectionListener;
import link.thingscloud.freeswitch.esl.inbound.NettyInboundClient;
import link.thingscloud.freeswitch.esl.inbound.option.ConnectState;
import link.thingscloud.freeswitch.esl.inbound.option.InboundClientOption;
import link.thingscloud.freeswitch.esl.inbound.option.ServerOption;
import link.thingscloud.freeswitch.esl.transport.event.EslEvent;

/**
 * One inbound Event Socket connection to one FreeSWITCH node, through the freeswitch-esl client: {@code api}
 * replies, {@code bgapi} results matched by Job-UUID, and the events Baraza acts on. It reconnects by itself;
 * once connected, authenticated and subscribed again it says {@link SwitchEvent.Connected}, so that the daemon
 * reconciles. Everything pending fails when the connection drops.
 *
 * <p>The client's callbacks only hand events on (the consumer must only enqueue): a command sent from a
 * callback would deadlock the client. Commands run on their own virtual threads. Lives from {@link #open}
 * to {@link #close}; thread-safe.
 */
public final class EslConnection implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EslConnection.class);
    private static final long COMMAND_TIMEOUT_SECONDS = 10;
    private static final long STATE_CHECK_MILLIS = 50;
    /** The client's own pause before connecting again, in whole seconds: after a failed connect, or a quick loss. */
    private static final int RETRY_SECONDS = 1;
    /** A lost connection is replaced at once at most this often; losses closer together wait the client's retry. */
    private static final Duration QUICK_RECONNECT_EVERY = Duration.ofSeconds(1);

    private final SwitchNode node;
    private final Clock clock;
    private final Consumer<SwitchEvent> events;
    private final InboundClientOption option;
    private final InboundClient client;
    private final int retrySeconds;
    /** The client's record of the one server it connects to: replaced by a fresh one to reconnect at once. */
    private volatile ServerOption server;
    private Instant lastQuickReconnect = Instant.MIN;
    private final ExecutorService commands = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("esl-command-", 0).factory());
    private final ScheduledExecutorService watcher;
    private final Map<String, CompletableFuture<String>> jobs = new ConcurrentHashMap<>();
    /**
     * {@code api} commands sent and not yet answered, and {@code bgapi} ones not yet given a job: failed at once when
     * the connection is lost.
     */
    private final Set<CompletableFuture<String>> apis = ConcurrentHashMap.newKeySet();
    /** Job results that arrived before their bgapi's reply was read. */
    private final Map<String, String> earlyResults = new ConcurrentHashMap<>();
    private volatile boolean ready;
    private volatile boolean closing;

    private EslConnection(SwitchNode node, Clock clock, Consumer<SwitchEvent> events, int retrySeconds) {
        this.node = node;
        this.clock = clock;
        this.events = events;
        this.retrySeconds = retrySeconds;
        this.server = serverOption();
        this.option = new InboundClientOption()
                .defaultPassword(node.password())
                .addServerOption(server)
                .addEvents(EventParser.SUBSCRIPTION.split(" "))
                .addListener(new Listener())
                .serverConnectionListener(new ServerConnectionListener() {
                    @Override
                    public void onOpened(ServerOption opened) {
                        // Not yet authenticated: the watcher says Connected once it is.
                    }

                    @Override
                    public void onClosed(ServerOption closed) {
                        boolean wasReady = ready;
                        lost();
                        reconnect(closed, wasReady);
                    }
                });
        // Not InboundClient.newInstance: that goes through a JVM-wide singleton factory, and a process may hold
        // one connection per FreeSWITCH node, or open a new one after closing the last.
        this.client = new NettyInboundClient(option);
        this.watcher = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("esl-watch-" + node.name()).factory());
    }

    /** Connects (and keeps reconnecting) to {@code node}; events go to {@code events}, which must only enqueue. */
    public static EslConnection open(SwitchNode node, Clock clock, Consumer<SwitchEvent> events) {
        return open(node, clock, events, RETRY_SECONDS);
    }

    /** A connection not yet started: for an owner that must finish building itself before events arrive. */
    public static EslConnection create(SwitchNode node, Clock clock, Consumer<SwitchEvent> events) {
        return new EslConnection(node, clock, events, RETRY_SECONDS);
    }

    /** As {@link #open}, with the client's own pause before retrying set: for tests of the quick reconnect. */
    static EslConnection open(SwitchNode node, Clock clock, Consumer<SwitchEvent> events, int retrySeconds) {
        EslConnection connection = new EslConnection(node, clock, events, retrySeconds);
        connection.start();
        return connection;
    }

    /** Starts connecting; events may arrive from now on. */
    public void start() {
        client.start();
        watcher.scheduleWithFixedDelay(this::checkState, 0, STATE_CHECK_MILLIS, TimeUnit.MILLISECONDS);
    }

    public SwitchNode node() {
        return node;
    }

    public boolean isReady() {
        return ready;
    }

    /**
     * {@code api <command> <arg>}: completes with the reply's body; fails when the connection is lost first or no
     * reply comes within {@value #COMMAND_TIMEOUT_SECONDS} s.
     *
     * <p>Sent and waited for on a virtual thread of ours, not through the client's timed call: that one waits on a
     * thread of the client's small public pool, and a command whose connection dies under it is never answered or
     * released (the client keeps no timeout of its own and does not fail pending commands when the channel closes).
     * A handful of commands in flight when the socket was cut then held every thread of the pool for good, and
     * after the reconnect every {@code api} timed out: no station could reconcile. Here such a wait strands only
     * its own virtual thread, and the caller hears at once that the connection was lost.
     */
    public CompletableFuture<String> api(String command, String arg) {
        CompletableFuture<String> reply = new CompletableFuture<>();
        apis.add(reply);
        reply.whenComplete((body, failure) -> apis.remove(reply));
        commands.execute(() -> {
            try {
                reply.complete(String.join("\n", client.sendSyncApiCommand(node.address(), command, arg).getBodyLines()));
            } catch (RuntimeException e) {
                reply.completeExceptionally(e);
            }
        });
        return reply.orTimeout(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS).exceptionallyCompose(failure -> {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            return CompletableFuture.failedFuture(cause instanceof TimeoutException
                    ? new SwitchException(node + " did not answer api " + command + " within " + COMMAND_TIMEOUT_SECONDS + " s", cause)
                    : cause);
        });
    }

    /** {@code bgapi <command> <arg>}: completes with the BACKGROUND_JOB's body ({@code +OK ...} or {@code -ERR ...}). */
    public CompletableFuture<String> bgapi(String command, String arg) {
        CompletableFuture<String> result = new CompletableFuture<>();
        // Until FreeSWITCH has said which job it is, a lost connection fails it as it fails an api command.
        apis.add(result);
        result.whenComplete((body, failure) -> apis.remove(result));
        commands.execute(() -> {
            try {
                String job = client.sendAsyncApiCommand(node.address(), command, arg);
                apis.remove(result);
                if (job == null || job.isBlank()) {
                    result.completeExceptionally(new SwitchException(node + " gave no Job-UUID for bgapi " + command));
                    return;
                }
                jobs.put(job, result);
                String early = earlyResults.remove(job);
                if (early != null) {
                    jobs.remove(job);
                    result.complete(early);
                }
            } catch (RuntimeException e) {
                result.completeExceptionally(new SwitchException(node + " did not take bgapi " + command + ": " + e.getMessage(), e));
            }
        });
        return result;
    }

    @Override
    public void close() {
        closing = true;
        watcher.shutdownNow();
        client.shutdown();
        commands.shutdownNow();
        failPending();
    }

    /** Reports the moment the connection is authenticated, after making sure of the subscription. */
    private void checkState() {
        boolean authed = server.state() == ConnectState.AUTHED;
        if (authed && !ready) {
            try {
                // The client subscribes on its own after authenticating; asking again (idempotent in FreeSWITCH)
                // makes sure the subscription is in place before the daemon reconciles.
                client.setEventSubscriptions(node.address(), "plain", EventParser.SUBSCRIPTION);
            } catch (RuntimeException notYet) {
                return;
            }
            ready = true;
            LOG.info("{}: connected", node);
            events.accept(new SwitchEvent.Connected(node.name(), clock.instant()));
        } else if (!authed && ready) {
            lost();
        }
    }

    private synchronized void lost() {
        if (!ready) {
            return;
        }
        ready = false;
        if (closing) {
            return;
        }
        LOG.warn("{}: connection lost; reconnecting", node);
        failPending();
        events.accept(new SwitchEvent.Disconnected(node.name(), clock.instant()));
    }

    private ServerOption serverOption() {
        return new ServerOption(node.host(), node.port()).password(node.password()).timeoutSeconds(retrySeconds);
    }

    /**
     * Called on the client's thread as it closes a connection, before it schedules its own reconnect (a whole
     * {@code timeoutSeconds} later, one second at the least, which alone would take half of the two seconds a
     * station may be off its reconciled state). A connection that had been up is replaced at once instead: the
     * closed record is marked shut down, so the client does not reconnect it, and a fresh one, added in its place,
     * connects now; should that fail, the client retries it every {@code retrySeconds}. A connection lost
     * before it was ever ready (refused credentials, an ACL) or again within {@link #QUICK_RECONNECT_EVERY} of the
     * last quick reconnect is left to the client's pause, so a switch that keeps closing on us is not hammered.
     */
    private void reconnect(ServerOption closed, boolean wasReady) {
        Instant now = clock.instant();
        synchronized (this) {
            if (closing || !wasReady || closed != server
                    || now.isBefore(lastQuickReconnect.plus(QUICK_RECONNECT_EVERY))) {
                return;
            }
            lastQuickReconnect = now;
            closed.state(ConnectState.SHUTDOWN);
            option.removeServerOption(closed);
            server = serverOption();
        }
        LOG.info("{}: connecting again at once", node);
        option.addServerOption(server);
    }

    private void failPending() {
        List.copyOf(apis).forEach(pending -> pending.completeExceptionally(
                new SwitchException(node + ": connection lost before the reply came")));
        List.copyOf(jobs.keySet()).forEach(job -> {
            CompletableFuture<String> pending = jobs.remove(job);
            if (pending != null) {
                pending.completeExceptionally(new SwitchException(node + ": connection lost before the job finished"));
            }
        });
        earlyResults.clear();
    }

    /** The client's callbacks: read, hand on, never block. */
    private final class Listener implements IEslEventListener {
        @Override
        public void eventReceived(String address, EslEvent event) {
            EventParser.parse(node.name(), event.getEventHeaders(), clock.instant()).ifPresent(events);
        }

        @Override
        public void backgroundJobResultReceived(String address, EslEvent event) {
            String job = event.getEventHeaders().get("Job-UUID");
            if (job == null) {
                return;
            }
            String body = String.join("\n", event.getEventBodyLines()).strip();
            CompletableFuture<String> pending = jobs.remove(job);
            if (pending != null) {
                pending.complete(body);
            } else {
                earlyResults.put(job, body);
            }
        }
    }
}

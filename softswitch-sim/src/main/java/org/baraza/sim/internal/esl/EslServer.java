package org.baraza.sim.internal.esl;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.baraza.sim.internal.event.EventBus;
import org.baraza.sim.internal.event.EventFactory;
import org.baraza.sim.internal.event.EventSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The inbound event socket (mod_event_socket): accepts clients on one address, each served by its own
 * {@link EslConnection}. Lives from {@link #start} to {@link #close}; closing disconnects every client.
 */
public final class EslServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EslServer.class);
    private static final Duration ACCEPT_LOOP_STOP = Duration.ofSeconds(5);

    private final ServerSocket serverSocket;
    private final String password;
    private final ApiGateway api;
    private final EventBus bus;
    private final EventFactory events;
    private final int eventQueueCapacity;
    private final Set<EslConnection> connections = ConcurrentHashMap.newKeySet();
    private final AtomicInteger counter = new AtomicInteger();
    private volatile boolean open = true;
    private volatile Thread acceptor;

    private EslServer(ServerSocket serverSocket, String password, ApiGateway api, EventBus bus, EventFactory events,
                      int eventQueueCapacity) {
        this.serverSocket = serverSocket;
        this.password = password;
        this.api = api;
        this.bus = bus;
        this.events = events;
        this.eventQueueCapacity = eventQueueCapacity;
    }

    /**
     * Listens on the address (port 0 picks a free one) and serves clients until closed.
     *
     * @param eventQueueCapacity events a client may have waiting to be written before further events for it
     *                           are dropped (FreeSWITCH's MAX_QUEUE_LEN is 100000)
     */
    public static EslServer start(InetSocketAddress address, String password, ApiGateway api, EventBus bus,
                                  EventFactory events, int eventQueueCapacity) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(address, 128);
        EslServer server = new EslServer(socket, password, api, bus, events, eventQueueCapacity);
        server.acceptor = Thread.ofVirtual().name("esl-accept").start(server::acceptLoop);
        return server;
    }

    public InetSocketAddress address() {
        return (InetSocketAddress) serverSocket.getLocalSocketAddress();
    }

    public int connectionCount() {
        return connections.size();
    }

    /**
     * Cuts every client connection, as a network failure between Baraza and FreeSWITCH would; the listener
     * stays open and the calls stay up, so clients can reconnect and find them.
     */
    public void dropConnections() {
        for (EslConnection c : List.copyOf(connections)) {
            c.close();
        }
    }

    /**
     * Stops listening and cuts every client. Returns once the listener is gone: a virtual thread blocked in
     * accept releases the socket only when it next runs, and until then the port would still take clients.
     */
    @Override
    public void close() {
        open = false;
        try {
            serverSocket.close();
        } catch (IOException e) {
            LOG.debug("closing the ESL listener failed", e);
        }
        Thread accepting = acceptor;
        if (accepting != null && accepting != Thread.currentThread() && !joinUninterruptibly(accepting)) {
            LOG.warn("the ESL listener's accept loop did not stop within {}", ACCEPT_LOOP_STOP);
        }
        for (EslConnection c : List.copyOf(connections)) {
            c.close();
        }
    }

    /** Waits for the thread even if this one is interrupted (a stopping command usually is), then re-flags it. */
    private static boolean joinUninterruptibly(Thread thread) {
        long deadline = System.nanoTime() + ACCEPT_LOOP_STOP.toNanos();
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return thread.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    String password() {
        return password;
    }

    ApiGateway api() {
        return api;
    }

    void forget(EslConnection connection) {
        connections.remove(connection);
        bus.remove(connection);
    }

    /**
     * Runs an API command as {@code bgapi} does: at once in the background, its answer later the body of a
     * BACKGROUND_JOB event with the job's uuid. Any thread.
     */
    public void runInBackground(String jobUuid, String command, String argument) {
        api.execute(command, argument, reply -> fireBackgroundJob(jobUuid, command, argument, reply));
    }

    /** Fires BACKGROUND_JOB with the command's answer as its body, as api_exec does. Switch thread. */
    private void fireBackgroundJob(String jobUuid, String command, String argument, String reply) {
        bus.fire(events.start(EventSource.BACKGROUND_JOB)
                .header("Job-UUID", jobUuid)
                .header("Job-Command", command)
                .header("Job-Command-Arg", argument)
                .body(reply == null ? "Command returned no output!" : reply)
                .build());
    }

    private void acceptLoop() {
        while (open) {
            try {
                Socket socket = serverSocket.accept();
                if (!open) {
                    socket.close();
                    return;
                }
                socket.setTcpNoDelay(true);
                EslConnection connection = new EslConnection(socket, "esl-" + counter.incrementAndGet(), this,
                        eventQueueCapacity);
                connections.add(connection);
                bus.add(connection);
                LOG.debug("{} connected from {}", connection.name(), socket.getRemoteSocketAddress());
                try {
                    connection.start();
                } catch (IOException e) {
                    // The client went away between accept and start: forget it, keep listening.
                    connection.close();
                    throw e;
                }
            } catch (SocketException e) {
                if (open) {
                    LOG.warn("ESL listener failed: {}", e.getMessage());
                }
            } catch (IOException e) {
                LOG.warn("accepting an ESL client failed: {}", e.getMessage());
            }
        }
    }
}

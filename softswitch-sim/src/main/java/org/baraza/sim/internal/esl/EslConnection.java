package org.baraza.sim.internal.esl;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

import org.baraza.sim.internal.event.EventSink;
import org.baraza.sim.internal.event.SwitchEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One inbound event socket client. A reader thread handles its commands one at a time, as FreeSWITCH's
 * listener thread does (an {@code api} command holds the next one back until it answers); a writer thread
 * drains one queue of frames, and every write holds one lock, so replies and events never interleave
 * mid-frame. When nothing is waiting to be written, the reader writes a reply itself rather than waking the
 * writer (one thread hand-off less per command); frames still reach the client in the order they were
 * queued. Events wait in that queue up
 * to a bound: a client that does not read is not allowed to stall the switch or other clients. Like
 * mod_event_socket (MAX_MISSED), after 500 events lost to a full queue the client is disconnected. Replies are
 * never dropped; instead a client that sends commands without reading the replies finds its own reader held
 * back once {@value #MAX_UNWRITTEN_REPLIES} replies wait (TCP back-pressure, as when FreeSWITCH's listener
 * blocks writing to it), so it cannot grow the queue without bound. Lives until the client leaves, misbehaves
 * past repair, or the server closes.
 */
final class EslConnection implements EventSink {
    private static final Logger LOG = LoggerFactory.getLogger(EslConnection.class);
    static final int MAX_LOST_EVENTS = 500;
    static final int MAX_UNWRITTEN_REPLIES = 256;

    private record QueuedEvent(SwitchEvent event, EventFormat format) {
    }

    private static final Object CLOSE = new Object();

    private final Socket socket;
    private final String name;
    private final EslServer server;
    private final int eventQueueCapacity;
    private final LinkedBlockingQueue<Object> outbound = new LinkedBlockingQueue<>();
    private final AtomicInteger queuedEvents = new AtomicInteger();
    private final Semaphore replySlots = new Semaphore(MAX_UNWRITTEN_REPLIES);
    /** Held while writing to the socket. */
    private final ReentrantLock writing = new ReentrantLock();
    /** Frames queued and not yet written (changed before a frame is queued and after it is written). */
    private final AtomicInteger unwritten = new AtomicInteger();
    private OutputStream out;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final EslCommands commands;
    private volatile Subscription subscription = Subscription.NONE;
    private int lostEvents;

    EslConnection(Socket socket, String name, EslServer server, int eventQueueCapacity) {
        this.socket = socket;
        this.name = name;
        this.server = server;
        this.eventQueueCapacity = eventQueueCapacity;
        this.commands = new EslCommands(this, server);
    }

    String name() {
        return name;
    }

    /**
     * Starts the connection's two threads. They are platform threads, not virtual ones: an ESL client is a
     * long-lived connection (a station daemon, fs_cli), there are few, and on the 2-core benchmark machine a
     * virtual thread's wake-up through the socket poller and a carrier thread doubled an idle {@code api}
     * round trip (about 0.4 ms against 0.18 ms at the median; see the README's Performance section).
     */
    void start() throws IOException {
        out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
        Thread.ofPlatform().daemon(true).name(name + "-writer").start(this::writeLoop);
        Thread.ofPlatform().daemon(true).name(name + "-reader").start(this::readLoop);
    }

    Subscription subscription() {
        return subscription;
    }

    void subscription(Subscription next) {
        subscription = next;
    }

    /** Called on the switch thread for every event; never blocks. */
    @Override
    public void accept(SwitchEvent event) {
        Subscription s = subscription;
        if (closed.get() || !s.wants(event)) {
            return;
        }
        if (queuedEvents.get() >= eventQueueCapacity) {
            if (++lostEvents > MAX_LOST_EVENTS) {
                LOG.warn("{}: the client stopped reading; {} events lost, disconnecting it as FreeSWITCH does",
                        name, lostEvents);
                close();
            }
            return;
        }
        if (lostEvents > 0) {
            LOG.warn("{}: lost {} events while its queue was full", name, lostEvents);
            lostEvents = 0;
        }
        queuedEvents.incrementAndGet();
        unwritten.incrementAndGet();
        outbound.add(new QueuedEvent(event, s.format()));
    }

    /**
     * Sends a reply: at once when nothing is waiting to be written and the socket is free, else queued.
     * Called by the reader thread only, which waits while too many replies are unwritten.
     */
    void send(byte[] frame) {
        if (closed.get() || writeNow(frame)) {
            return;
        }
        replySlots.acquireUninterruptibly();
        if (closed.get()) {
            replySlots.release();
        } else {
            unwritten.incrementAndGet();
            outbound.add(frame);
        }
    }

    /** Writes the frame if nothing queued is ahead of it and no write is under way; true when it did. */
    private boolean writeNow(byte[] frame) {
        if (!writing.tryLock()) {
            return false;
        }
        try {
            if (unwritten.get() != 0) {
                return false;
            }
            out.write(frame);
            out.flush();
            return true;
        } catch (IOException e) {
            LOG.debug("{}: write failed: {}", name, e.getMessage());
            close();
            return true;
        } finally {
            writing.unlock();
        }
    }

    /** Writes the goodbye notice after what is queued, then closes. */
    void sayGoodbyeAndClose() {
        send(EslFrames.GOODBYE);
        outbound.add(CLOSE);
    }

    /** Closes at once; queued frames are dropped. Idempotent; any thread. */
    void close() {
        if (closed.compareAndSet(false, true)) {
            server.forget(this);
            outbound.add(CLOSE);
            // Frees a reader waiting for the writer that will write no more.
            replySlots.release(MAX_UNWRITTEN_REPLIES);
            try {
                socket.close();
            } catch (IOException e) {
                LOG.debug("{}: closing the socket failed", name, e);
            }
        }
    }

    /** Runs an API command and waits for its answer, as the listener thread of FreeSWITCH does. */
    String awaitApi(String command, String argument) throws InterruptedException {
        CompletableFuture<String> reply = new CompletableFuture<>();
        server.api().execute(command, argument, reply::complete);
        try {
            return reply.get();
        } catch (ExecutionException e) {
            LOG.error("{}: api {} failed", name, command, e.getCause());
            return "-ERR " + command + " Command failed!\n";
        }
    }

    static String newJobUuid() {
        return UUID.randomUUID().toString();
    }

    private void readLoop() {
        try {
            send(EslFrames.AUTH_REQUEST);
            CommandReader reader = new CommandReader(new BufferedInputStream(socket.getInputStream()));
            CommandFrame frame;
            while (!closed.get() && (frame = reader.next()) != null) {
                if (!commands.handle(frame)) {
                    return;
                }
            }
        } catch (IOException e) {
            LOG.debug("{}: connection ended: {}", name, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            // The writer sends what is queued (a last reply, the goodbye), then closes the socket.
            outbound.add(CLOSE);
        }
    }

    private void writeLoop() {
        try {
            while (true) {
                Object next = outbound.take();
                writing.lock();
                try {
                    if (next == CLOSE) {
                        out.flush();
                        return;
                    }
                    if (next instanceof QueuedEvent queued) {
                        queuedEvents.decrementAndGet();
                        out.write(EslFrames.event(queued.format().encode(queued.event()), queued.format()));
                    } else {
                        out.write((byte[]) next);
                        replySlots.release();
                    }
                    if (outbound.isEmpty()) {
                        out.flush();
                    }
                } finally {
                    if (next != CLOSE) {
                        unwritten.decrementAndGet();
                    }
                    writing.unlock();
                }
            }
        } catch (IOException e) {
            LOG.debug("{}: write failed: {}", name, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            close();
        }
    }
}

package org.baraza.core.hub;

import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * How another thread wakes a hub socket's thread from its poll: an inproc PAIR, one end polled with the
 * hub's socket, the other end rung by {@link #ring} from any thread. What the other thread has to hand over
 * goes in a queue beside it; the ring only says to look. Lives as long as its context.
 */
public final class Wakeup {

    private final ZMQ.Socket receiver;
    private final ZMQ.Socket sender;

    /** A wake-up pair in {@code context}, named after {@code name} (unique per pair). */
    public Wakeup(ZContext context, String name) {
        String address = "inproc://" + name + "-" + System.identityHashCode(this);
        this.receiver = context.createSocket(SocketType.PAIR);
        receiver.bind(address);
        this.sender = context.createSocket(SocketType.PAIR);
        sender.connect(address);
    }

    /** The end to register with the polling thread's poller. */
    public ZMQ.Socket socket() {
        return receiver;
    }

    /** Wakes the polling thread; safe from any thread. */
    public void ring() {
        synchronized (sender) {
            sender.send(new byte[] {1}, ZMQ.DONTWAIT);
        }
    }

    /** On the polling thread: takes every ring so far, so the next poll waits again. */
    public void drain() {
        while (receiver.recv(ZMQ.DONTWAIT) != null) {
            // the queue beside the pair holds what the rings were about
        }
    }
}

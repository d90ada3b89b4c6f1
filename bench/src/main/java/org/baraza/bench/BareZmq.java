package org.baraza.bench;

import java.util.concurrent.CountDownLatch;

import org.baraza.core.hub.HubSockets;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * The yardstick for the hub's dispatch: a ROUTER on a thread of its own ("bench-router") that answers every frame
 * with one fixed reply, and a DEALER, in its own context as a daemon's is, that the measuring thread uses with
 * blocking send and receive. No codec, no queues, no wake-ups: only JeroMQ and loopback TCP, with the hub's socket
 * options. Lives from {@link #start} to {@link #close}; {@link #roundTrip} from one thread.
 */
final class BareZmq implements AutoCloseable {

    private final ZContext serverContext = new ZContext(1);
    private final ZContext clientContext = new ZContext(1);
    private final Thread router;
    private final ZMQ.Socket dealer;
    private final byte[] reply;
    private volatile boolean running = true;

    private BareZmq(byte[] reply) throws InterruptedException {
        this.reply = reply;
        CountDownLatch bound = new CountDownLatch(1);
        String[] endpoint = new String[1];
        this.router = Thread.ofPlatform().name("bench-router").daemon(true).start(() -> serve(bound, endpoint));
        bound.await();
        this.dealer = clientContext.createSocket(SocketType.DEALER);
        HubSockets.configure(dealer);
        dealer.setReceiveTimeOut(5_000);
        dealer.connect(endpoint[0]);
    }

    /** Binds on a free loopback port; every request is answered with {@code reply}. */
    static BareZmq start(byte[] reply) throws InterruptedException {
        return new BareZmq(reply);
    }

    /** Sends {@code request} and waits for the reply. */
    void roundTrip(byte[] request) {
        dealer.send(request, 0);
        if (dealer.recv(0) == null) {
            throw new IllegalStateException("no reply from the bare ROUTER within 5 s");
        }
    }

    private void serve(CountDownLatch bound, String[] endpoint) {
        ZMQ.Socket socket = serverContext.createSocket(SocketType.ROUTER);
        HubSockets.configure(socket);
        socket.setReceiveTimeOut(200);
        socket.bind("tcp://127.0.0.1:*");
        endpoint[0] = socket.getLastEndpoint();
        bound.countDown();
        while (running) {
            byte[] identity = socket.recv(0);
            if (identity == null) {
                continue;
            }
            socket.recv(0);
            socket.sendMore(identity);
            socket.send(reply, 0);
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        router.join();
        clientContext.close();
        serverContext.close();
    }
}

package org.baraza.core.hub;

import java.time.Duration;

import org.zeromq.ZMQ;

/**
 * How both ends of the hub set up their ZeroMQ sockets.
 *
 * <p>JeroMQ 0.6.0 sometimes stalls the ZMTP handshake of a fresh TCP connection between two contexts
 * (about one connection in thirty on a loaded machine, zeromq/jeromq#849): the peer shows as connected
 * and nothing flows either way until the handshake times out and the connection is made again. The
 * library's default handshake timeout is 30 s; ours is {@link #HANDSHAKE} so a stalled connection heals
 * within a heartbeat or two. Daemons heartbeat and the server retries its requests, so a message sent
 * into a stalled connection costs time, never a caller.
 */
public final class HubSockets {

    /** A handshake not finished within this is abandoned and the connection made again. */
    public static final Duration HANDSHAKE = Duration.ofMillis(500);

    private HubSockets() {
    }

    /** Sets the hub's options on a new socket, before it binds or connects. */
    public static void configure(ZMQ.Socket socket) {
        socket.setLinger(0);
        socket.setHandshakeIvl((int) HANDSHAKE.toMillis());
        socket.setReconnectIVL(100);
        socket.setReconnectIVLMax(2000);
    }
}

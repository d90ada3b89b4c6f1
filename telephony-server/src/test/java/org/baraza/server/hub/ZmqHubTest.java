package org.baraza.server.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.baraza.core.hub.CallDocument;
import org.baraza.core.hub.Envelope;
import org.baraza.core.hub.HubCodec;
import org.baraza.core.hub.HubMessage;
import org.baraza.core.hub.HubSockets;
import org.baraza.core.hub.StationStatus;
import org.baraza.core.hub.StationStatus.Air;
import org.baraza.core.testing.ManualClock;
import org.baraza.core.hub.HubMessage.CallReply;
import org.baraza.core.hub.HubMessage.CallRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/** The hub over real ZeroMQ sockets, a plain DEALER playing the daemon. */
class ZmqHubTest {

    private static final CallDocument HANG_UP = CallDocument.of(Map.of(), new CallDocument.Hangup("NORMAL_CLEARING"));

    private final ZContext context = new ZContext();
    private String endpoint;
    private ZmqHub hub;

    private final List<String> statuses = new CopyOnWriteArrayList<>();

    @BeforeEach
    void bind() {
        hub = ZmqHub.bind("tcp://127.0.0.1:0", Clock.systemUTC(), (daemon, status) -> statuses.add(daemon + " " + status.station()
                + " " + status.air()));
        endpoint = hub.endpoint();
    }

    @AfterEach
    void close() {
        hub.close();
        context.close();
    }

    @Test
    void aRequestReachesTheDaemonThatRegisteredTheStationAndItsReplyCompletesIt() throws Exception {
        ZMQ.Socket daemon = daemon("daemon-1", 7L);

        var answer = hub.ask(request(7), Duration.ofSeconds(5));
        Envelope asked = HubCodec.decode(daemon.recv(0));
        assertThat(asked.message()).isEqualTo(request(7));
        daemon.send(HubCodec.encode(asked.reply(new CallReply("call-1", HANG_UP))), 0);

        assertThat(answer.get(5, TimeUnit.SECONDS)).isEqualTo(HANG_UP);
        assertThat(hub.daemonOf(7)).contains("daemon-1");
        assertThat(hub.stations()).containsExactly(7L);
    }

    @Test
    void aStationNoDaemonRunsFailsAtOnce() {
        assertThatThrownBy(() -> hub.ask(request(99), Duration.ofSeconds(5)).get(1, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(NoDaemonException.class)
                .hasMessageContaining("no daemon runs station 99");
    }

    @Test
    void aDaemonThatDoesNotAnswerInTimeFailsTheRequestAtItsDeadline() {
        daemon("daemon-2", 8L);

        assertThatThrownBy(() -> hub.ask(request(8), Duration.ofMillis(200)).get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(TimeoutException.class);
    }

    @Test
    void garbageFromADaemonIsDroppedAndTheHubGoesOn() throws Exception {
        ZMQ.Socket daemon = daemon("daemon-3", 9L);
        daemon.send("not a frame of ours", 0);
        daemon.send(new byte[] {0, 1, 2}, 0);

        var answer = hub.ask(request(9), Duration.ofSeconds(5));
        Envelope asked = HubCodec.decode(daemon.recv(0));
        daemon.send(HubCodec.encode(asked.reply(new CallReply("call-1", HANG_UP))), 0);
        assertThat(answer.get(5, TimeUnit.SECONDS)).isEqualTo(HANG_UP);
    }

    @Test
    void anAddressInUseIsRefusedSayingSo() {
        assertThatThrownBy(() -> ZmqHub.bind(endpoint, Clock.systemUTC()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("cannot bind the hub at " + endpoint + ": the address is in use or not this host's");
    }

    @Test
    void aStationADaemonStopsListingIsNoLongerItsOwn() {
        ZMQ.Socket daemon = daemon("daemon-4", 10L, 11L);

        daemon.send(HubCodec.encode(Envelope.of(new HubMessage.Heartbeat("daemon-4", List.of(10L)))), 0);

        await().atMost(Duration.ofSeconds(5)).until(() -> hub.daemonOf(11).isEmpty());
        assertThat(hub.daemonOf(10)).contains("daemon-4");
    }

    @Test
    void aStationsStatusIsTakenFromTheDaemonThatRunsItOnly() {
        ZMQ.Socket daemon = daemon("daemon-5", 12L);
        ZMQ.Socket impostor = daemon("daemon-6", 13L);

        impostor.send(HubCodec.encode(Envelope.of(new HubMessage.StatusReport("daemon-6", status(12, Air.ON_AIR)))), 0);
        daemon.send(HubCodec.encode(Envelope.of(new HubMessage.StatusReport("daemon-5", status(12, Air.PREPARING)))), 0);
        daemon.send(HubCodec.encode(Envelope.of(new HubMessage.StatusReport("daemon-5", status(12, Air.ON_AIR)))), 0);

        await().atMost(Duration.ofSeconds(5)).until(() -> statuses.size() >= 2);
        assertThat(statuses).containsExactly("daemon-5 12 PREPARING", "daemon-5 12 ON_AIR");
    }

    @Test
    void aDaemonHeardAgainAfterFallingSilentIsAskedForItsStationsStatusAgain() {
        ManualClock clock = new ManualClock(Instant.parse("2026-12-04T10:00:00Z"));
        hub.close();
        hub = ZmqHub.bind("tcp://127.0.0.1:0", clock, (daemon, status) -> { });
        endpoint = hub.endpoint();
        ZMQ.Socket daemon = daemon("daemon-7", 14L);

        clock.advance(ZmqHub.SILENCE.plusSeconds(1));
        assertThat(hub.daemonOf(14)).isEmpty();
        daemon.send(HubCodec.encode(Envelope.of(new HubMessage.Heartbeat("daemon-7", List.of(14L)))), 0);

        assertThat(HubCodec.decode(daemon.recv(0)).message()).isEqualTo(new HubMessage.StatusWanted());
        assertThat(hub.daemonOf(14)).contains("daemon-7");
    }

    private static StationStatus status(long station, Air air) {
        return new StationStatus(station, Instant.parse("2026-12-04T10:00:00Z"), air, null, null, null, null, null, null,
                StationStatus.Transmitter.IDLE, null, false, 0, 0, 0, null, null);
    }

    /**
     * A DEALER that registers as a daemon would: it says so again until the hub has heard (a real daemon
     * heartbeats every second), since the first message on a new ZeroMQ connection can be lost.
     */
    private ZMQ.Socket daemon(String id, Long... stations) {
        ZMQ.Socket dealer = context.createSocket(SocketType.DEALER);
        HubSockets.configure(dealer);
        dealer.connect(endpoint);
        byte[] register = HubCodec.encode(Envelope.of(new HubMessage.Register(id, List.of(stations))));
        await().atMost(Duration.ofSeconds(5)).until(() -> {
            dealer.send(register, 0);
            return hub.daemonOf(stations[0]).isPresent();
        });
        assertThat(HubCodec.decode(dealer.recv(0)).message()).as("a daemon new to the hub is asked what its stations do")
                .isEqualTo(new HubMessage.StatusWanted());
        return dealer;
    }

    private static CallRequest request(long station) {
        return new CallRequest("call-1", station, "256700100200", "256700100007", Map.of(), false, false, HubMessage.CallerKind.ANYONE, null, null);
    }
}

package org.baraza.daemon.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.baraza.core.call.CallDirection;
import org.baraza.core.call.Callback;
import org.baraza.core.call.NewCall;
import org.baraza.core.hub.CallDocument;
import org.baraza.core.hub.Envelope;
import org.baraza.core.hub.HubCodec;
import org.baraza.core.hub.HubMessage.CallReply;
import org.baraza.core.hub.HubMessage.CallRequest;
import org.baraza.core.hub.HubMessage.CallerKind;
import org.baraza.core.hub.HubMessage.Register;
import org.baraza.core.hub.HubSockets;
import org.baraza.core.station.CallSettings;
import org.baraza.core.testing.Fixtures;
import org.baraza.daemon.StationDaemon;
import org.baraza.sim.PhoneScript;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * A listener who flashes the station is called back: the daemon answers the telephony server's requests over
 * a real ZeroMQ socket (a ROUTER standing in for the server's hub), calls the listener through the simulator,
 * and keeps the call-back's outcome in the database.
 */
class CallBackTest extends OnAirTest {

    private static final String LISTENER = "256770000001";

    private final ZContext zmq = new ZContext();
    private ZMQ.Socket hub;

    CallBackTest(Jdbi jdbi, DataSource dataSource) {
        super(jdbi, dataSource);
    }

    @BeforeEach
    void setUp() {
        stores.stations().setCallSettings(onAir.station.id(), new CallSettings(Duration.ofSeconds(3), true,
                Duration.ofMinutes(1), 3, null));
        hub = zmq.createSocket(SocketType.ROUTER);
        HubSockets.configure(hub);
        hub.setReceiveTimeOut(5_000);
        hub.bind("tcp://127.0.0.1:*");
    }

    @AfterEach
    void tearDown() {
        zmq.close();
    }

    @Test
    void aCallBackTheListenersPhoneRejectsIsLoggedFailedWithTheCause() {
        onAir.sim.phone(LISTENER, PhoneScript.rejects("CALL_REJECTED"));
        try (StationDaemon daemon = onAir.daemon(Fixtures.unique("daemon"), hub.getLastEndpoint())) {
            byte[] identity = registered();
            UUID call = UUID.randomUUID();
            stores.calls().start(new NewCall(call, onAir.station.id(), null, CallDirection.INBOUND, LISTENER, "256312400001",
                    Instant.now()));

            CallDocument ring = ask(identity, request(call, Map.of(), false));
            ask(identity, request(call, ring.params(), true));

            Callback callBack = await().atMost(Duration.ofSeconds(10)).until(
                    () -> stores.callbacks().recent(onAir.station.id(), 10),
                    list -> !list.isEmpty() && list.getFirst().status() != Callback.Status.DIALLING).getFirst();
            assertThat(callBack.missedCallId()).isEqualTo(call);
            assertThat(callBack.status()).isEqualTo(Callback.Status.FAILED);
            assertThat(callBack.reason()).isEqualTo("CALL_REJECTED");
        }
    }

    private CallRequest request(UUID call, Map<String, String> params, boolean exiting) {
        return new CallRequest(call.toString(), onAir.station.id().value(), LISTENER, "256312400001", params, exiting, false,
                CallerKind.ANYONE, null, null);
    }

    /** The daemon's identity on the ROUTER, once it says it runs the station. */
    private byte[] registered() {
        while (true) {
            byte[] identity = hub.recv(0);
            assertThat(identity).as("the daemon registers within 5 s").isNotNull();
            if (HubCodec.decode(hub.recv(0)).message() instanceof Register register
                    && register.stations().contains(onAir.station.id().value())) {
                return identity;
            }
        }
    }

    /** Sends the request to the daemon and returns the station's answer to it (skipping heartbeats). */
    private CallDocument ask(byte[] identity, CallRequest request) {
        Envelope asked = Envelope.of(request);
        hub.sendMore(identity);
        hub.send(HubCodec.encode(asked), 0);
        while (true) {
            assertThat(hub.recv(0)).as("the daemon answers within 5 s").isNotNull();
            Envelope answer = HubCodec.decode(hub.recv(0));
            if (answer.message() instanceof CallReply reply && asked.id().equals(answer.correlation())) {
                return reply.document();
            }
        }
    }
}

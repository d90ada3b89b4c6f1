package org.baraza.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.baraza.core.PhoneNumber;
import org.baraza.core.config.BarazaConfig;
import org.baraza.core.config.ServerConfig;
import org.baraza.core.db.Stores;
import org.baraza.core.hub.CallDocument;
import org.baraza.core.hub.Envelope;
import org.baraza.core.hub.HubCodec;
import org.baraza.core.hub.HubMessage;
import org.baraza.core.hub.HubMessage.CallReply;
import org.baraza.core.hub.HubMessage.CallRequest;
import org.baraza.core.hub.HubSockets;
import org.baraza.core.station.Station;
import org.baraza.core.testing.Fixtures;
import org.baraza.core.testing.PostgresExtension;
import org.baraza.server.testing.RecordedRequests;
import org.baraza.server.testing.ServerConfigs;
import org.baraza.server.testing.Webhook;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * The whole server from its configuration: real PostgreSQL, real HTTP, a real ZeroMQ DEALER playing the station
 * daemon. An httapi round trip, kept as a runnable example of how a caller's call goes (STYLE 20).
 */
@ExtendWith(PostgresExtension.class)
class TelephonyServerTest {

    private final Stores stores;
    private final Fixtures fixtures;
    private final ZContext zmq = new ZContext();

    @TempDir
    Path directory;

    private TelephonyServer server;
    private Webhook webhook;

    TelephonyServerTest(Jdbi jdbi) {
        this.stores = Stores.on(jdbi);
        this.fixtures = new Fixtures(stores);
    }

    @BeforeEach
    void start() {
        server = TelephonyServer.start(config(directory), stores, Clock.systemUTC());
        webhook = new Webhook(server.httpPort());
    }

    @AfterEach
    void stop() {
        server.close();
        zmq.close();
    }

    @Test
    void itListensOnThePortsItTookAndSaysItIsHealthy() {
        assertThat(server.httpPort()).isPositive();
        assertThat(server.hubEndpoint()).startsWith("tcp://127.0.0.1:").doesNotEndWith(":0");

        HttpResponse<String> health = webhook.send(webhook.anonymous("/health").GET());

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).isEqualTo("ok\nstations with a daemon: 0\n");
    }

    @Test
    void aListenersCallIsAnsweredByTheStationsDaemonThroughTheHub() throws Exception {
        Station station = fixtures.station(fixtures.network());
        stores.stations().addNumber(station.id(), new PhoneNumber("+256700400001"), true, true, "main");
        ZMQ.Socket daemon = daemon("daemon-1", station.id().value());
        UUID session = UUID.randomUUID();

        CompletableFuture<HttpResponse<String>> call = CompletableFuture.supplyAsync(
                () -> webhook.get("/httapi?" + RecordedRequests.listenerCalling(session, "256700400001")));
        Envelope asked = HubCodec.decode(daemon.recv(0));
        CallRequest request = (CallRequest) asked.message();
        CallDocument listen = new CallDocument(Map.of(), Map.of("baraza_station", Long.toString(station.id().value())),
                List.of(new CallDocument.Answer(), new CallDocument.Join("baraza-s" + station.id().value() + "-idle", "radio",
                        Set.of("mute"))));
        daemon.send(HubCodec.encode(asked.reply(new CallReply(request.call(), listen))), 0);
        HttpResponse<String> response = call.get(5, TimeUnit.SECONDS);

        assertThat(request.call()).isEqualTo(session.toString());
        assertThat(request.station()).isEqualTo(station.id().value());
        assertThat(request.from()).isEqualTo("sipp");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("<document type=\"text/freeswitch-httapi\">"
                + "<params><bzs_answered>1</bzs_answered><bzs_seq>1</bzs_seq></params>"
                + "<variables><baraza_station>" + station.id().value() + "</baraza_station></variables><work>"
                + "<execute application=\"answer\"/>"
                + "<execute application=\"conference\" data=\"baraza-s" + station.id().value() + "-idle@radio+flags{mute}\"/>"
                + "</work></document>");
        assertThat(webhook.send(webhook.anonymous("/health").GET()).body()).contains("stations with a daemon: 1");
    }

    /** The default configuration, on ports of its own and directories under {@code directory}. */
    private static BarazaConfig config(Path directory) {
        return ServerConfigs.onFreePorts(directory);
    }

    /** A DEALER registered as a daemon of {@code station}, saying so until the hub has heard. */
    private ZMQ.Socket daemon(String id, long station) {
        ZMQ.Socket dealer = zmq.createSocket(SocketType.DEALER);
        HubSockets.configure(dealer);
        dealer.setReceiveTimeOut(5000);
        dealer.connect(server.hubEndpoint());
        byte[] register = HubCodec.encode(Envelope.of(new HubMessage.Register(id, List.of(station))));
        await().atMost(Duration.ofSeconds(5)).until(() -> {
            dealer.send(register, 0);
            return webhook.send(webhook.anonymous("/health").GET()).body().contains("stations with a daemon: 1");
        });
        assertThat(HubCodec.decode(dealer.recv(0)).message()).as("a daemon new to the hub is asked for its stations' status")
                .isEqualTo(new HubMessage.StatusWanted());
        return dealer;
    }
}

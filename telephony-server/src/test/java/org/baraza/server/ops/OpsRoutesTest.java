package org.baraza.server.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.baraza.core.db.Stores;
import org.baraza.core.hub.Envelope;
import org.baraza.core.hub.HubCodec;
import org.baraza.core.hub.HubMessage;
import org.baraza.core.hub.HubSockets;
import org.baraza.core.testing.PostgresExtension;
import org.baraza.server.TelephonyServer;
import org.baraza.server.testing.ServerConfigs;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/** The health report and the metrics of a whole server, with a real DEALER playing a daemon. */
@ExtendWith(PostgresExtension.class)
class OpsRoutesTest {

    private final Stores stores;
    private final ZContext zmq = new ZContext();
    private final HttpClient http = HttpClient.newHttpClient();
    private TelephonyServer server;

    OpsRoutesTest(Jdbi jdbi) {
        this.stores = Stores.on(jdbi);
    }

    @BeforeEach
    void start(@TempDir Path directory) {
        server = TelephonyServer.start(ServerConfigs.onFreePorts(directory), stores, Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        server.close();
        zmq.close();
    }

    @Test
    void theReportShowsTheDatabaseTheDaemonsAndTheirFreeSwitchConnections() {
        assertThat(get("/health/details").body()).contains("\"status\":\"degraded\"").contains("\"database\":true")
                .contains("\"daemons\":[]");

        ZMQ.Socket dealer = zmq.createSocket(SocketType.DEALER);
        HubSockets.configure(dealer);
        dealer.connect(server.hubEndpoint());
        byte[] up = HubCodec.encode(Envelope.of(new HubMessage.Heartbeat("daemon-7", List.of(41L),
                List.of(new HubMessage.SwitchLink("fs1", true)))));
        await().atMost(Duration.ofSeconds(5)).until(() -> {
            dealer.send(up, 0);
            return get("/health/details").body().contains("\"status\":\"ok\"");
        });
        assertThat(get("/health/details").body()).contains("\"id\":\"daemon-7\"").contains("\"stations\":[41]")
                .contains("{\"node\":\"fs1\",\"connected\":true}").contains("\"stationsWithDaemon\":1");

        byte[] down = HubCodec.encode(Envelope.of(new HubMessage.Heartbeat("daemon-7", List.of(41L),
                List.of(new HubMessage.SwitchLink("fs1", false)))));
        await().atMost(Duration.ofSeconds(5)).until(() -> {
            dealer.send(down, 0);
            return get("/health/details").body().contains("\"status\":\"degraded\"");
        });
    }

    @Test
    void prometheusScrapesCallsAiringsTheOutboxAndTheWebhooksLatency() {
        assertThat(get("/httapi").statusCode()).as("no credentials").isEqualTo(401);

        HttpResponse<String> metrics = get("/metrics");

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("baraza_calls_logged_total").contains("baraza_calls_open")
                .contains("baraza_airings_aired_total").contains("baraza_airings_on_air").contains("baraza_sms_outbox_depth")
                .contains("baraza_hub_stations").contains("baraza_httapi_requests_seconds_count{status=\"401\"} 1");
    }

    private HttpResponse<String> get(String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.httpPort() + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package org.baraza.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import org.baraza.core.db.Stores;
import org.baraza.core.hub.Envelope;
import org.baraza.core.hub.HubCodec;
import org.baraza.core.hub.HubMessage;
import org.baraza.core.hub.HubSockets;
import org.baraza.core.hub.StationStatus;
import org.baraza.core.hub.StationStatus.Air;
import org.baraza.core.hub.StationStatus.Transmitter;
import org.baraza.core.testing.PostgresExtension;
import org.baraza.server.TelephonyServer;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * The live board's event stream over real HTTP, fed by a daemon over the real hub (a plain DEALER speaking the
 * daemons' protocol): what each user may see, all of it at once and then each change.
 */
@ExtendWith(PostgresExtension.class)
class LiveFeedTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Stores stores;
    private final ConsoleWorld world;
    private final ZContext zmq = new ZContext();
    private TelephonyServer server;
    private ZMQ.Socket daemon;
    private long stationA;
    private long stationB;

    LiveFeedTest(Jdbi jdbi) {
        this.stores = Stores.on(jdbi);
        this.world = new ConsoleWorld(stores, jdbi);
    }

    @BeforeEach
    void start(@TempDir Path directory) {
        server = ConsoleServer.start(stores, directory);
        stationA = world.a.station().id().value();
        stationB = world.b.station().id().value();
        daemon = zmq.createSocket(SocketType.DEALER);
        HubSockets.configure(daemon);
        daemon.connect(server.hubEndpoint());
        byte[] register = HubCodec.encode(Envelope.of(new HubMessage.Register("daemon-1", List.of(stationA, stationB))));
        await().atMost(Duration.ofSeconds(5)).until(() -> {
            daemon.send(register, 0);
            return healthSays("stations with a daemon: 2");
        });
        assertThat(HubCodec.decode(daemon.recv(0)).message()).isEqualTo(new HubMessage.StatusWanted());
    }

    @AfterEach
    void stop() {
        server.close();
        zmq.close();
    }

    @Test
    void aManagerSeesTheirStationAtOnceAndThenEachChangeAndNothingOfAnotherStation() throws IOException {
        report(status(stationA, Air.OFF_AIR, Transmitter.IDLE, false, 0));
        report(status(stationB, Air.ON_AIR, Transmitter.UP, true, 3));
        Events manager = Events.open(server.httpPort(), world.managerA.token());
        await().atMost(Duration.ofSeconds(5)).until(() -> !manager.events().isEmpty());

        report(status(stationB, Air.OFF_AIR, Transmitter.IDLE, false, 0));
        report(status(stationA, Air.ON_AIR, Transmitter.UP, true, 2));

        await().atMost(Duration.ofSeconds(5)).until(() -> manager.events().size() >= 2);
        assertThat(manager.events()).extracting(event -> event.get("station").asLong()).containsOnly(stationA);
        JsonNode onAir = manager.events().get(1);
        assertThat(onAir.get("daemon").asText()).isEqualTo("daemon-1");
        assertThat(onAir.at("/status/air").asText()).isEqualTo("ON_AIR");
        assertThat(onAir.at("/status/transmitter").asText()).isEqualTo("UP");
        assertThat(onAir.at("/status/host").asBoolean()).isTrue();
        assertThat(onAir.at("/status/waiting").asInt()).isEqualTo(2);
        assertThat(onAir.at("/status/plannedEnd").asText()).isEqualTo("2026-12-04T11:00:00Z");
        assertThat(manager.events().getFirst().at("/status/air").asText()).isEqualTo("OFF_AIR");
        JsonNode description = new YAMLMapper().readTree(DescriptionRoutes.read());
        assertThat(new SchemaCheck(description).problems(onAir, description.at("/components/schemas/LiveEntry")))
                .as("the event as the API description says").isEmpty();
        manager.close();
    }

    @Test
    void aStationWhoseDaemonFallsSilentIsShownWithoutItsDaemon() {
        report(status(stationA, Air.ON_AIR, Transmitter.UP, false, 0));
        Events admin = Events.open(server.httpPort(), world.adminOne.token());
        await().atMost(Duration.ofSeconds(5)).until(() -> admin.events().stream()
                .anyMatch(event -> event.get("station").asLong() == stationA));

        daemon.close();

        await().atMost(Duration.ofSeconds(10)).until(() -> admin.events().stream()
                .anyMatch(event -> event.get("station").asLong() == stationA && event.get("daemon").isNull()));
        admin.close();
    }

    @Test
    void theStreamIsRefusedToStrangersAndToAnythingButAnEventStream() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        URI live = URI.create("http://127.0.0.1:" + server.httpPort() + "/api/live");

        HttpResponse<String> stranger = http.send(HttpRequest.newBuilder(live).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> notAStream = http.send(HttpRequest.newBuilder(live)
                .header("Authorization", "Bearer " + world.managerA.token()).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(stranger.statusCode()).isEqualTo(401);
        assertThat(notAStream.statusCode()).isEqualTo(406);
        assertThat(notAStream.body()).contains("text/event-stream");
    }

    private void report(StationStatus status) {
        daemon.send(HubCodec.encode(Envelope.of(new HubMessage.StatusReport("daemon-1", status))), 0);
    }

    private static StationStatus status(long station, Air air, Transmitter transmitter, boolean host, int waiting) {
        Instant start = Instant.parse("2026-12-04T10:00:00Z");
        boolean airing = air == Air.ON_AIR;
        return new StationStatus(station, Instant.now(), air, airing ? 99L : null, airing ? "live_talk" : null,
                airing ? "ON_AIR" : null, airing ? start : null, airing ? start.plusSeconds(3600) : null, null, transmitter,
                transmitter == Transmitter.UP ? start : null, host, 0, waiting, 0, null, null);
    }

    private boolean healthSays(String text) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.httpPort()
                    + "/health")).build(), HttpResponse.BodyHandlers.ofString()).body().contains(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** An event stream read as a browser's EventSource would: the data of each {@code station} event, in order. */
    private static final class Events implements AutoCloseable {
        private final List<JsonNode> events = new CopyOnWriteArrayList<>();
        private final Thread reader;
        private volatile Stream<String> lines;

        private Events(HttpResponse<Stream<String>> response) {
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                    assertThat(type).startsWith("text/event-stream"));
            this.lines = response.body();
            this.reader = Thread.ofVirtual().start(this::read);
        }

        static Events open(int port, String token) {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/live"))
                    .header("Accept", "text/event-stream").header("Authorization", "Bearer " + token).build();
            try {
                return new Events(HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofLines()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        List<JsonNode> events() {
            return events;
        }

        private void read() {
            String event = null;
            try {
                for (String line : (Iterable<String>) lines::iterator) {
                    if (line.startsWith("event:")) {
                        event = line.substring("event:".length()).trim();
                    } else if (line.startsWith("data:") && "station".equals(event)) {
                        events.add(JSON.readTree(line.substring("data:".length()).trim()));
                    }
                }
            } catch (IOException | RuntimeException e) {
                // The stream closed.
            }
        }

        @Override
        public void close() {
            lines.close();
            reader.interrupt();
        }
    }
}

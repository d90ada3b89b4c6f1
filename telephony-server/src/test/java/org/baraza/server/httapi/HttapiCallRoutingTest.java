package org.baraza.server.httapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

import org.baraza.core.PhoneNumber;
import org.baraza.core.poll.PollOption;
import org.baraza.core.poll.Poll;
import org.baraza.core.call.CallDetail;
import org.baraza.core.call.CallDisposition;
import org.baraza.core.db.Stores;
import org.baraza.core.hub.CallDocument;
import org.baraza.core.hub.HubMessage.CallRequest;
import org.baraza.core.media.Prompts;
import org.baraza.core.station.Station;
import org.baraza.core.testing.Fixtures;
import org.baraza.core.testing.PostgresExtension;
import org.baraza.server.calls.CallRouter;
import org.baraza.server.calls.StationLink;
import org.baraza.server.testing.RecordedRequests;
import org.baraza.server.testing.Webhook;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The webhook with the real call router on a real PostgreSQL, a fake station link standing in for the hub:
 * requests shaped as real FreeSWITCH sends them, for a listener calling a station's number.
 */
@ExtendWith(PostgresExtension.class)
class HttapiCallRoutingTest {

    private static final AtomicLong NUMBERS = new AtomicLong(256_700_300_000L);
    private static final CallDocument WELCOME = CallDocument.of(Map.of("bz_step", "welcome"), new CallDocument.Answer(),
            new CallDocument.Play(List.of("/var/lib/baraza/media/hello.wav")));

    private final Jdbi jdbi;
    private final Stores stores;
    private final Fixtures fixtures;
    private final List<CallRequest> asked = new CopyOnWriteArrayList<>();
    private volatile StationLink link = (request, deadline) -> CompletableFuture.completedFuture(WELCOME);

    @TempDir
    Path directory;

    private Prompts prompts;
    private HttapiServer server;
    private Webhook webhook;

    HttapiCallRoutingTest(Jdbi jdbi) {
        this.jdbi = jdbi;
        this.stores = Stores.on(jdbi);
        this.fixtures = new Fixtures(stores);
    }

    @BeforeEach
    void start() {
        prompts = Prompts.at(directory.resolve("media"));
        StationLink recorded = (request, deadline) -> {
            asked.add(request);
            return link.ask(request, deadline);
        };
        CallRouter router = new CallRouter(stores, recorded, prompts, directory.resolve("recordings"), Duration.ofMillis(300),
                "fs1", 10, Clock.systemUTC());
        server = HttapiServer.start(new HttapiServer.Settings("127.0.0.1", 0, Webhook.USER, Webhook.PASSWORD, 1 << 20,
                Duration.ofSeconds(3), directory.resolve("uploads")), router::route, () -> "");
        webhook = new Webhook(server.port());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aNumberNoStationHasIsHungUpAsUnallocated() {
        UUID session = UUID.randomUUID();

        HttpResponse<String> response = webhook.get("/httapi?" + RecordedRequests.listenerCalling(session, "256799" + NUMBERS.incrementAndGet() % 1_000_000));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(work(response)).isEqualTo("<hangup cause=\"UNALLOCATED_NUMBER\"/>");
        assertThat(stores.calls().get(session).call().stationId()).isNull();
        assertThat(asked).isEmpty();
    }

    @Test
    void aReplayedRequestIsHungUpAndChangesNothing() {
        Station station = stationWithNumber();
        UUID session = UUID.randomUUID();
        String first = RecordedRequests.listenerCalling(session, number(station));
        HttpResponse<String> welcome = webhook.get("/httapi?" + first);
        assertThat(params(welcome)).containsEntry("bzs_seq", "1").containsEntry("bz_step", "welcome");
        String second = first + echo(params(welcome)) + "&choice=1&input_type=dtmf";
        assertThat(params(webhook.get("/httapi?" + second))).containsEntry("bzs_seq", "2");
        CallDetail before = stores.calls().get(session);
        long rowsBefore = rows();

        HttpResponse<String> replay = webhook.get("/httapi?" + second);

        assertThat(replay.statusCode()).isEqualTo(200);
        assertThat(work(replay)).isEqualTo("<hangup cause=\"NORMAL_CLEARING\"/>");
        assertThat(stores.calls().get(session)).isEqualTo(before);
        assertThat(stores.calls().httapiRequests(session)).hasValue(2);
        assertThat(rows()).isEqualTo(rowsBefore);
        assertThat(asked).hasSize(2);
    }

    @Test
    void aStationThatNeverAnswersGivesTheFallbackAndTheCallIsLoggedMissed() {
        link = (request, deadline) -> new CompletableFuture<>();
        Station station = stationWithNumber();
        UUID session = UUID.randomUUID();
        String first = RecordedRequests.listenerCalling(session, number(station));

        HttpResponse<String> fallback = webhook.get("/httapi?" + first);

        assertThat(fallback.statusCode()).isEqualTo(200);
        assertThat(work(fallback)).isEqualTo("<execute application=\"answer\"/><playback file=\""
                + prompts.path(station.id(), "en", "station-unavailable") + "\"/><hangup cause=\"NORMAL_CLEARING\"/>");
        assertThat(params(fallback)).containsEntry("bzs_end", "fallback").containsEntry("bzs_answered", "1");

        HttpResponse<String> exiting = webhook.get("/httapi?" + first + echo(params(fallback)) + "&exiting=true");

        assertThat(work(exiting)).isEqualTo("<hangup/>");
        CallDetail call = stores.calls().get(session);
        assertThat(call.call().disposition()).isEqualTo(CallDisposition.MISSED);
        assertThat(call.call().endedAt()).isNotNull();
        assertThat(call.legs()).singleElement().satisfies(leg -> assertThat(leg.endedAt()).isNotNull());
    }

    @Test
    void aListenersMessageUploadedWithTheLastRequestIsStoredForModeration() throws Exception {
        Station station = stationWithNumber();
        UUID session = UUID.randomUUID();
        String first = RecordedRequests.listenerCalling(session, number(station));
        Map<String, String> fields = fields(first + echo(params(webhook.get("/httapi?" + first))) + "&exiting=true");

        HttpResponse<String> response = webhook.postMultipart("/httapi", fields, "message", wav(Duration.ofSeconds(2)));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(stores.recordings().pending(station.id())).singleElement().satisfies(recording -> {
            assertThat(recording.legUuid()).isEqualTo(session);
            assertThat(recording.duration()).isEqualTo(Duration.ofSeconds(2));
            assertThat(directory.resolve("recordings").resolve(recording.filePath())).isRegularFile();
        });
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(directory.resolve("uploads")).isEmptyDirectory());
    }

    @Test
    void aCallToAnAnswerOfAnOpenPollIsAVoteTurnedAwayUnansweredAndTheStationIsNotAsked() {
        Station station = stationWithNumber();
        Instant now = Instant.now();
        Poll poll = fixtures.poll(station, null, now.minusSeconds(60), now.plusSeconds(600));
        PollOption yes = poll.options().getFirst();
        stores.stations().addNumber(station.id(), yes.missedCallNumber(), true, false, "poll: yes");
        UUID session = UUID.randomUUID();
        String first = RecordedRequests.listenerCalling(session, yes.missedCallNumber().value().substring(1))
                .replace("Caller-Caller-ID-Number=sipp", "Caller-Caller-ID-Number=256772" + NUMBERS.incrementAndGet() % 1_000_000);

        HttpResponse<String> vote = webhook.get("/httapi?" + first);
        HttpResponse<String> exiting = webhook.get("/httapi?" + first + echo(params(vote)) + "&exiting=true");

        assertThat(work(vote)).isEqualTo("<hangup cause=\"CALL_REJECTED\"/>");
        assertThat(params(vote)).doesNotContainKey("bzs_answered");
        assertThat(work(exiting)).isEqualTo("<hangup/>");
        assertThat(stores.polls().tally(poll.id()).total()).isEqualTo(1);
        assertThat(stores.polls().tally(poll.id()).options().getFirst().votes()).isEqualTo(1);
        assertThat(stores.calls().get(session).call().disposition()).isEqualTo(CallDisposition.REJECTED);
        assertThat(asked).isEmpty();
    }

    private Station stationWithNumber() {
        Station station = fixtures.station(fixtures.network());
        stores.stations().addNumber(station.id(), new PhoneNumber("+" + NUMBERS.incrementAndGet()), true, true, "main");
        return station;
    }

    private String number(Station station) {
        return stores.stations().numbers(station.id()).getFirst().number().value().substring(1);
    }

    /** The params a document set, as mod_httapi sends them back on the next request. */
    private static String echo(Map<String, String> params) {
        StringBuilder query = new StringBuilder();
        params.forEach((name, value) -> query.append('&').append(name).append('=').append(value));
        return query.toString();
    }

    private static Map<String, String> params(HttpResponse<String> response) {
        Map<String, String> params = new LinkedHashMap<>();
        try {
            var list = HttapiXmlTest.parse(response.body()).getDocumentElement().getElementsByTagName("params");
            if (list.getLength() > 0) {
                for (Node n = list.item(0).getFirstChild(); n != null; n = n.getNextSibling()) {
                    if (n instanceof Element element) {
                        params.put(element.getTagName(), element.getTextContent());
                    }
                }
            }
        } catch (Exception e) {
            throw new AssertionError("not a document: " + response.body(), e);
        }
        return params;
    }

    private static String work(HttpResponse<String> response) {
        String body = response.body();
        return body.substring(body.indexOf("<work>") + "<work>".length(), body.indexOf("</work>"));
    }

    /** A query string's fields, decoded, as a multipart POST carries them. */
    private static Map<String, String> fields(String query) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            fields.put(pair.substring(0, equals), URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return fields;
    }

    /** A WAV file of silence, as FreeSWITCH records one: 8 kHz, 16-bit, mono. */
    private static byte[] wav(Duration length) throws IOException {
        AudioFormat format = new AudioFormat(8000, 16, 1, true, false);
        int frames = (int) (length.toMillis() * 8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(new byte[frames * 2]), format, frames),
                AudioFileFormat.Type.WAVE, out);
        return out.toByteArray();
    }

    private long rows() {
        return jdbi.withHandle(h -> h.createQuery("select (select count(*) from calls) + (select count(*) from legs)"
                + " + (select count(*) from recordings) + (select count(*) from callers)").mapTo(Long.class).one());
    }
}

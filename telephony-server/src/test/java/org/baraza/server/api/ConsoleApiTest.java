package org.baraza.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.baraza.core.audit.AuditEntry;
import org.baraza.core.db.Stores;
import org.baraza.core.testing.Fixtures;
import org.baraza.core.testing.PostgresExtension;
import org.baraza.server.TelephonyServer;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** What the API does for a station manager, over real HTTP against PostgreSQL. */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleApiTest {

    private final Stores stores;
    private final ConsoleWorld world;
    private TelephonyServer server;
    private ConsoleClient manager;

    ConsoleApiTest(Jdbi jdbi) {
        this.stores = Stores.on(jdbi);
        this.world = new ConsoleWorld(stores, jdbi);
    }

    @BeforeAll
    void start(@TempDir Path directory) {
        server = ConsoleServer.start(stores, directory);
        manager = ConsoleClient.at(server.httpPort()).bearer(world.managerA.token());
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void aScheduleIsMadeInTheStationsZoneAndAnOverlapIsRefusedNamingTheClash() {
        String schedules = "/api/stations/" + world.a.station().id().value() + "/schedules";
        ConsoleClient.Response made = manager.post(schedules, Map.of("program", world.programOne.id().value(),
                "startsLocal", "2030-01-08T20:00:00", "duration", "PT30M", "rrule", "FREQ=WEEKLY;BYDAY=TU"));
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        assertThat(made.json().get("timeZone").asText()).isEqualTo("Africa/Kampala");
        assertThat(made.json().get("recurrence").asText()).isEqualTo("FREQ=WEEKLY;BYDAY=TU");

        ConsoleClient.Response clash = manager.post(schedules, Map.of("program", world.programOne.id().value(),
                "startsLocal", "2030-01-15T20:15:00", "duration", "PT30M"));
        assertThat(clash.status()).isEqualTo(409);
        assertThat(clash.json().get("error").asText()).contains("schedule " + made.json().get("id").asLong());

        List<AuditEntry> history = stores.audit().history("schedule", made.json().get("id").asText(), 10);
        assertThat(history).singleElement().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo("schedule.create");
            assertThat(entry.userId()).isEqualTo(world.managerA.user().id());
            assertThat(entry.stationId()).isEqualTo(world.a.station().id());
            assertThat(entry.before()).isNull();
            assertThat(entry.after()).contains("FREQ=WEEKLY;BYDAY=TU");
        });
    }

    @Test
    void badInputIsRefusedNamingTheProblem() {
        String schedules = "/api/stations/" + world.a.station().id().value() + "/schedules";
        assertThat(manager.post(schedules, "{not json").json().get("error").asText()).contains("not valid JSON");
        ConsoleClient.Response unknown = manager.post(schedules, Map.of("program", 1, "colour", "red"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("error").asText()).contains("colour");
        ConsoleClient.Response badRule = manager.post(schedules, Map.of("program", world.programOne.id().value(),
                "startsLocal", "2030-01-08T20:00:00", "duration", "PT30M", "rrule", "FREQ=SOMETIMES"));
        assertThat(badRule.status()).isEqualTo(400);
        assertThat(manager.get("/api/stations/" + world.a.station().id().value() + "/calls?from=yesterday").status()).isEqualTo(400);
    }

    @Test
    void listenersTextComesBackAsJsonStringsAndAsNeutralisedCsvCells() throws IOException {
        String body = "</script><script>alert(\"hi\")</script> \u2603";
        stores.sms().storeInbound(new Fixtures(stores).inboundSms(world.a.station(), "+256700123456", body, ConsoleWorld.NOW));
        ConsoleClient.Response inbox = manager.get("/api/stations/" + world.a.station().id().value() + "/sms");
        assertThat(inbox.json().findValuesAsText("body")).contains(body);

        ConsoleClient.Response csv = manager.get("/api/stations/" + world.a.station().id().value() + "/calls.csv");
        assertThat(csv.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().get().parse(new StringReader(csv.body())).getRecords();
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.get("from")).isEqualTo("'=HYPERLINK(\"http://evil\")");
            assertThat(row.get("to")).isEqualTo("'+256312000000");
        });
    }

    @Test
    void theAsAiredLogExportsAsCsv() throws IOException {
        ConsoleClient.Response csv = manager.get("/api/stations/" + world.a.station().id().value() + "/airings.csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Disposition")).hasValueSatisfying(d -> assertThat(d).contains("airings-"));
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().get().parse(new StringReader(csv.body())).getRecords();
        assertThat(rows).extracting(row -> row.get("airing")).containsExactly(String.valueOf(world.a.airing().value()));
        assertThat(rows).extracting(row -> row.get("status")).containsExactly("scheduled");
    }

    @Test
    void aMessageIsModeratedOnceAndACallerBlockedByNumber() {
        String approve = "/api/recordings/" + world.a.recording().id().value() + "/approve";
        assertThat(manager.post(approve, Map.of()).json().get("moderation").asText()).isEqualTo("APPROVED");
        assertThat(manager.post(approve, Map.of()).status()).isEqualTo(409);
        assertThat(manager.get("/api/stations/" + world.a.station().id().value() + "/recordings/pending").json()).isEmpty();

        ConsoleClient.Response blocked = manager.post("/api/stations/" + world.a.station().id().value() + "/blocks",
                Map.of("number", "+256 700 555 111", "reason", "abusive"));
        assertThat(blocked.status()).isEqualTo(201);
        assertThat(stores.callers().isBlocked(world.one.id(), world.a.station().id(), new org.baraza.core.PhoneNumber("+256700555111")))
                .isTrue();
        assertThat(manager.post("/api/stations/" + world.a.station().id().value() + "/blocks",
                Map.of("number", "+256700555111")).status()).isEqualTo(409);
    }
}

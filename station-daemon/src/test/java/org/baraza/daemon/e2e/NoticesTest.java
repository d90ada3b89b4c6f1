package org.baraza.daemon.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import javax.sql.DataSource;

import org.baraza.core.PhoneNumber;
import org.baraza.core.airing.Airing;
import org.baraza.core.airing.AiringStatus;
import org.baraza.core.people.Host;
import org.baraza.core.people.Password;
import org.baraza.core.people.Role;
import org.baraza.core.people.User;
import org.baraza.core.people.UserDetails;
import org.baraza.core.program.Program;
import org.baraza.core.testing.Fixtures;
import org.baraza.daemon.StationDaemon;
import org.baraza.daemon.notice.NoticeSettings;
import org.baraza.sim.PhoneScript;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Reminders and alerts end to end: a daemon on the simulator and PostgreSQL, Quartz on the wall clock, the SMS
 * outbox read back from the database. Leads and allowances are seconds long.
 */
class NoticesTest extends OnAirTest {

    private static final String TRANSMITTER = "0772100200";
    private static final String SIM_1 = "sofia/gateway/gsm1/" + TRANSMITTER;
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Duration LEAD = Duration.ofSeconds(3);

    /** One outbound message as stored. */
    record Queued(String idempotencyKey, String toAddress, String body, Instant createdAt) {
    }

    private final Jdbi jdbi;

    NoticesTest(Jdbi jdbi, DataSource dataSource) {
        super(jdbi, dataSource);
        this.jdbi = jdbi;
    }

    @BeforeEach
    void setUp() {
        stores.stations().addNumber(onAir.station.id(), Fixtures.uniquePhoneNumber(), true, true, null);
    }

    @Test
    void anUnreachableTransmitterAlertsTheManagersOnceHoweverManyRoundsFailThenTheSilenceAndTheFailedAiringOnceEach() {
        onAir.dialStrings(SIM_1);
        onAir.sim.phone(TRANSMITTER, PhoneScript.unreachable());
        PhoneNumber manager = manager();
        Program program = onAir.prerecorded(onAir.tone("news", 1, 440));

        try (StationDaemon daemon = onAir.daemonTexting(Fixtures.unique("daemon"), notices(Duration.ofSeconds(3)))) {
            Airing airing = onAir.airing(program, Instant.now().plusSeconds(2), Duration.ofSeconds(10));

            await().atMost(PATIENCE).until(() -> stores.airings().get(airing.id()).status() == AiringStatus.FAILED
                    && kinds().contains("airing_failed"));

            // Dialled at prepare, then after 2 s and 5 s more: three whole rounds failed, one alert.
            assertThat(transmitterLegs()).isGreaterThanOrEqualTo(3);
            assertThat(queued()).allSatisfy(sms -> assertThat(sms.toAddress()).isEqualTo(manager.value()));
            assertThat(kinds()).containsExactlyInAnyOrder("transmitter_unreachable", "silence", "airing_failed");
            assertThat(queued()).extracting(Queued::body).contains("Baraza alert: " + onAir.station.name()
                    + " cannot reach its transmitter phone through any of its numbers (NORMAL_TEMPORARY_FAILURE). Baraza keeps trying.");
        }
    }

    @Test
    void aShowsHostAndSubscribersAreRemindedItsLeadBeforeItsStartButNotWhoTextedStop() {
        onAir.dialStrings(SIM_1);
        onAir.sim.phone(TRANSMITTER, PhoneScript.answersAfter(Duration.ofMillis(200)));
        Program program = onAir.prerecorded(onAir.tone("talk", 1, 440));
        Host host = onAir.fixtures.host(onAir.network);
        stores.programs().setHosts(program.id(), List.of(host.id()));
        PhoneNumber listener = Fixtures.uniquePhoneNumber();
        PhoneNumber stopped = Fixtures.uniquePhoneNumber();
        Instant now = Instant.now();
        stores.subscriptions().subscribe(onAir.station.id(), program.id(), listener, now);
        stores.subscriptions().subscribe(onAir.station.id(), program.id(), stopped, now);
        stores.subscriptions().optOut(onAir.network.id(), stopped, null, now);

        try (StationDaemon daemon = onAir.daemonTexting(Fixtures.unique("daemon"), notices(Duration.ofMinutes(5)))) {
            Instant start = now.truncatedTo(ChronoUnit.SECONDS).plusSeconds(6);
            Airing airing = onAir.airing(program, start, Duration.ofSeconds(3));

            await().atMost(PATIENCE).until(() -> stores.airings().get(airing.id()).status().isFinal());

            List<Queued> reminders = queued();
            assertThat(reminders).extracting(Queued::toAddress)
                    .containsExactlyInAnyOrder(host.phoneNumber().value(), listener.value());
            assertThat(reminders).extracting(Queued::idempotencyKey).containsExactlyInAnyOrder(
                    "reminder:" + airing.id().value() + ":host:" + host.phoneNumber().value(),
                    "reminder:" + airing.id().value() + ":listener:" + listener.value());
            // Quartz fires the reminder at start − lead; the margin is for a loaded machine.
            assertThat(reminders).allSatisfy(sms -> assertThat(sms.createdAt())
                    .isBetween(start.minus(LEAD).minusMillis(50), start.minus(LEAD).plusSeconds(2)));
        }
    }

    private static NoticeSettings notices(Duration silenceAllowed) {
        return new NoticeSettings("twilio", LEAD, silenceAllowed, Duration.ofHours(1));
    }

    private PhoneNumber manager() {
        PhoneNumber phone = Fixtures.uniquePhoneNumber();
        User user = stores.users().create(onAir.network.id(), new UserDetails(Fixtures.unique("m") + "@example.org", "Manager",
                phone), new Password("correct horse battery"));
        stores.users().grant(user.id(), Role.stationManager(onAir.station.id()));
        return phone;
    }

    private List<Queued> queued() {
        return jdbi.withHandle(h -> h.createQuery("""
                        select idempotency_key, to_address, body, created_at from sms_messages
                         where station_id = :station and direction = 'outbound' order by id
                        """).bind("station", onAir.station.id().value())
                .map((rs, ctx) -> new Queued(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant()))
                .list());
    }

    /** The kinds of the alerts queued: {@code alert:<station>:<kind>:...}. */
    private List<String> kinds() {
        return queued().stream().map(sms -> sms.idempotencyKey().split(":")[2]).toList();
    }

    private long transmitterLegs() {
        return jdbi.withHandle(h -> h.createQuery("""
                        select count(*) from legs where station_id = :station and role = 'transmitter'
                        """).bind("station", onAir.station.id().value()).mapTo(Long.class).one());
    }
}

package org.baraza.daemon.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import javax.sql.DataSource;

import org.baraza.core.airing.Airing;
import org.baraza.core.airing.AiringGap;
import org.baraza.core.airing.AiringItem;
import org.baraza.core.airing.AiringItem.ItemKind;
import org.baraza.core.airing.AiringItem.ItemOutcome;
import org.baraza.core.airing.AiringNote;
import org.baraza.core.airing.AiringStatus;
import org.baraza.core.call.Leg;
import org.baraza.core.call.LegRole;
import org.baraza.core.media.MediaAsset;
import org.baraza.core.program.Program;
import org.baraza.core.schedule.ScheduleSettings;
import org.baraza.core.testing.Fixtures;
import org.baraza.daemon.StationDaemon;
import org.baraza.daemon.station.AiringSetup;
import org.baraza.sim.PhoneScript;
import org.baraza.sim.ConferenceView;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * The station daemon end to end: real PostgreSQL, the simulator over TCP, the real ESL client, Quartz on
 * the wall clock. Slots are seconds long; tones are real WAV files whose length the simulator reads.
 */
class StationDaemonTest extends OnAirTest {

    private static final ZoneId KAMPALA = ZoneId.of("Africa/Kampala");
    private static final String TRANSMITTER = "0772100200";
    private static final String SIM_1 = "sofia/gateway/gsm1/" + TRANSMITTER;
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final Jdbi jdbi;

    StationDaemonTest(Jdbi jdbi, DataSource dataSource) {
        super(jdbi, dataSource);
        this.jdbi = jdbi;
    }

    @Test
    void aScheduledProgramDialsTheTransmitterPlaysItsMediaInOrderEndsOnTimeAndHangsUp() {
        onAir.dialStrings(SIM_1);
        onAir.sim.phone(TRANSMITTER, PhoneScript.answersAfter(Duration.ofMillis(200)));
        MediaAsset news = onAir.tone("news", 1, 440);
        MediaAsset drama = onAir.tone("drama", 2, 660);
        Program program = onAir.prerecorded(news, drama);

        try (StationDaemon daemon = onAir.daemon(Fixtures.unique("daemon"))) {
            LocalDateTime start = LocalDateTime.now(KAMPALA).truncatedTo(ChronoUnit.SECONDS).plusSeconds(4);
            stores.schedules().create(onAir.network.id(), ScheduleSettings.of(onAir.station.id(), program.id(), start, KAMPALA,
                    Duration.ofSeconds(5), null).withPrepareLead(Duration.ofSeconds(2)));

            // The daemon hears of the new schedule at once (LISTEN/NOTIFY) and plans its airing.
            await().atMost(Duration.ofSeconds(1)).until(() -> onlyAiring() != null);
            Airing airing = await().atMost(PATIENCE).until(this::onlyAiring, found -> found != null
                    && found.status() == AiringStatus.AIRED);

            Instant plannedStart = start.atZone(KAMPALA).toInstant();
            assertThat(airing.plannedStart()).isEqualTo(plannedStart);
            // On time: Quartz fires at the planned instants; the margin is for a loaded CI machine.
            assertThat(Duration.between(plannedStart, airing.actualStart()).abs()).isLessThan(Duration.ofSeconds(2));
            assertThat(Duration.between(airing.plannedEnd(), airing.actualEnd()).abs()).isLessThan(Duration.ofSeconds(2));
            assertThat(stores.airings().gaps(airing.id())).isEmpty();

            List<AiringItem> items = stores.airings().items(airing.id());
            assertThat(items).extracting(AiringItem::label).startsWith("news", "drama");
            assertThat(items.subList(0, 2)).extracting(AiringItem::kind, AiringItem::outcome)
                    .containsOnly(tuple(ItemKind.MEDIA, ItemOutcome.PLAYED));
            assertThat(items.getLast().outcome()).isEqualTo(ItemOutcome.INTERRUPTED);
            assertThat(items.subList(2, items.size())).extracting(AiringItem::kind).containsOnly(ItemKind.FILLER);

            // The as-aired log and the switch agree on what was played into the airing's conference, in order.
            String conference = AiringSetup.conferenceOf(onAir.station.id(), airing.id());
            List<String> played = onAir.sim.events().stream()
                    .filter(e -> "play-file".equals(e.action()) && conference.equals(e.header("Conference-Name")))
                    .map(e -> e.header("File")).toList();
            assertThat(played).containsExactlyElementsOf(items.stream()
                    .map(item -> OnAir.MEDIA_ROOT.resolve(stores.media().get(item.mediaAssetId()).filePath()).toString())
                    .toList());

            // Nothing follows: every leg the station dialled is hung up and closed in the call log.
            await().atMost(PATIENCE).until(() -> stores.calls().openLegs(onAir.station.id()).isEmpty());
            assertThat(onAir.sim.channels()).isEmpty();
        }
    }

    @Test
    void anAiringCancelledAfterItsProgramWasLoadedAheadStaysOffAirAndTheNextGoesOn() {
        onAir.dialStrings(SIM_1);
        onAir.sim.phone(TRANSMITTER, PhoneScript.answersAfter(Duration.ofMillis(200)));
        Program program = onAir.prerecorded(onAir.tone("news", 1, 440));

        try (StationDaemon daemon = onAir.daemon(Fixtures.unique("daemon"))) {
            Instant now = Instant.now();
            Airing cancelled = onAir.airing(program, now.plusSeconds(8), Duration.ofSeconds(2));
            Airing next = onAir.airing(program, now.plusSeconds(11), Duration.ofSeconds(2));
            // Its moments are seconds away, so their early triggers fire at once: the station loads the airing's
            // program then and holds them. Quartz deletes a trigger once it has fired; the moment's own stays.
            await().atMost(PATIENCE).until(() -> earlyFired(cancelled, "start"));

            stores.airings().cancel(cancelled.id());

            Airing aired = await().atMost(PATIENCE).until(() -> stores.airings().get(next.id()), found -> found.status().isFinal());
            assertThat(aired.status()).isEqualTo(AiringStatus.AIRED);
            assertThat(stores.airings().get(cancelled.id()).status()).isEqualTo(AiringStatus.CANCELLED);
            assertThat(stores.airings().items(cancelled.id())).isEmpty();
            String conference = AiringSetup.conferenceOf(onAir.station.id(), cancelled.id());
            assertThat(onAir.sim.events()).noneMatch(e -> conference.equals(e.header("Conference-Name")));
            await().atMost(PATIENCE).until(() -> onAir.sim.channels().isEmpty());
        }
    }

    @Test
    void eachMomentAlsoFiresTheDaemonsEarlyLeadBeforeIt() {
        onAir.dialStrings(SIM_1);
        Program program = onAir.prerecorded(onAir.tone("news", 1, 440));

        try (StationDaemon daemon = onAir.daemonEarly(Fixtures.unique("daemon"), Duration.ofSeconds(7))) {
            Instant start = Instant.now().plusSeconds(120).truncatedTo(ChronoUnit.SECONDS);
            Airing airing = onAir.airing(program, start, Duration.ofMinutes(5));
            String trigger = "airing-" + airing.id().value() + "-start";
            Long early = await().atMost(PATIENCE).until(() -> nextFire(trigger + "-early"), Objects::nonNull);

            assertThat(early).isEqualTo(start.minusSeconds(7).toEpochMilli());
            assertThat(nextFire(trigger)).isEqualTo(start.toEpochMilli());
        }
        assertThatThrownBy(() -> onAir.daemonEarly(Fixtures.unique("daemon"), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("early lead");
    }

    /** When Quartz fires the trigger named so next (ms since the epoch), or null while it holds none. */
    private Long nextFire(String name) {
        return jdbi.withHandle(h -> h.createQuery("select next_fire_time from qrtz_triggers where trigger_name = :name")
                .bind("name", name).mapTo(Long.class).findOne().orElse(null));
    }

    /** Whether the airing's early trigger for {@code moment} has fired, and the trigger at the moment not yet. */
    private boolean earlyFired(Airing airing, String moment) {
        String trigger = "airing-" + airing.id().value() + "-" + moment;
        List<String> left = jdbi.withHandle(h -> h.createQuery("select trigger_name from qrtz_triggers where trigger_name in (<names>)")
                .bindList("names", trigger, trigger + "-early").mapTo(String.class).list());
        return left.equals(List.of(trigger));
    }

    @Test
    void aTransmitterThatDropsMidAiringIsRedialledTheProgramGoesOnAndTheGapIsLogged() {
        onAir.dialStrings(SIM_1);
        onAir.sim.phone(TRANSMITTER, PhoneScript.answersAfter(Duration.ofMillis(200)));
        Program program = onAir.prerecorded(onAir.tone("talk", 4, 500));

        try (StationDaemon daemon = onAir.daemon(Fixtures.unique("daemon"))) {
            Airing airing = onAir.airing(program, Instant.now().plusSeconds(2), Duration.ofSeconds(7));
            UUID first = transmitterOnAir(airing);

            onAir.sim.hangUp(first.toString());

            Airing aired = await().atMost(PATIENCE).until(() -> stores.airings().get(airing.id()),
                    found -> found.status().isFinal());
            assertThat(aired.status()).isEqualTo(AiringStatus.PARTIAL);
            List<AiringGap> gaps = stores.airings().gaps(airing.id());
            assertThat(gaps).singleElement().satisfies(gap -> {
                assertThat(gap.cause()).isEqualTo("NORMAL_CLEARING");
                // Redialled at once; the phone answers after 200 ms.
                assertThat(Duration.between(gap.startedAt(), gap.endedAt())).isLessThan(Duration.ofSeconds(5));
            });
            // The program went on: the recording played to its end, whatever happened to the transmitter.
            assertThat(stores.airings().items(airing.id()).getFirst())
                    .extracting(AiringItem::label, AiringItem::outcome).containsExactly("talk", ItemOutcome.PLAYED);
            List<Leg> transmitterLegs = legs(airing, LegRole.TRANSMITTER);
            assertThat(transmitterLegs).hasSize(2);
            assertThat(transmitterLegs.getFirst().hangupCause()).isEqualTo("NORMAL_CLEARING");
            assertThat(transmitterLegs.getLast().answeredAt()).isAfter(transmitterLegs.getFirst().endedAt());
            await().atMost(PATIENCE).until(() -> onAir.sim.channels().isEmpty());
        }
    }

    @Test
    void aBusyFirstDialStringMakesWayForTheNextOne() {
        onAir.dialStrings(SIM_1, "sofia/gateway/gsm2/0752100300");
        onAir.sim.phone(TRANSMITTER, PhoneScript.busy());
        onAir.sim.phone("0752100300", PhoneScript.answersAfter(Duration.ofMillis(200)));
        Program program = onAir.prerecorded(onAir.tone("jingle", 1, 880));

        try (StationDaemon daemon = onAir.daemon(Fixtures.unique("daemon"))) {
            Airing airing = onAir.airing(program, Instant.now().plusSeconds(3), Duration.ofSeconds(3));

            Airing aired = await().atMost(PATIENCE).until(() -> stores.airings().get(airing.id()),
                    found -> found.status().isFinal());

            // On air through the second SIM: from the start, or (the prepare lead here is 1 s, and a loaded machine
            // can take longer to get past the busy one) after a gap at the start.
            assertThat(aired.status()).isIn(AiringStatus.AIRED, AiringStatus.PARTIAL);
            // The transmitter is hung up once the airing has ended: its end reaches the log a moment later.
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(legs(airing, LegRole.TRANSMITTER))
                    .extracting(Leg::dialString, Leg::hangupCause).startsWith(
                            tuple(SIM_1, "USER_BUSY"), tuple("sofia/gateway/gsm2/0752100300", "NORMAL_CLEARING")));
        }
    }

    @Test
    void aCutEventSocketIsReconnectedAndReconciledAndTheAiringCompletes() {
        onAir.dialStrings(SIM_1);
        onAir.sim.phone(TRANSMITTER, PhoneScript.answersAfter(Duration.ofMillis(200)));
        Program program = onAir.prerecorded(onAir.tone("news", 2, 440));

        try (StationDaemon daemon = onAir.daemon(Fixtures.unique("daemon"))) {
            Airing airing = onAir.airing(program, Instant.now().plusSeconds(2), Duration.ofSeconds(8));
            UUID transmitter = transmitterOnAir(airing);

            // The connection is cut, and while it is, the transmitter phone hangs up: an event the daemon never sees.
            onAir.sim.dropEslConnections();
            onAir.sim.hangUp(transmitter.toString());

            Airing aired = await().atMost(PATIENCE).until(() -> stores.airings().get(airing.id()),
                    found -> found.status().isFinal());
            assertThat(aired.status()).isEqualTo(AiringStatus.PARTIAL);
            assertThat(stores.airings().gaps(airing.id())).singleElement()
                    .satisfies(gap -> assertThat(gap.endedAt()).isNotNull());
            assertThat(legs(airing, LegRole.TRANSMITTER)).hasSize(2);
            // Nothing is orphaned: when the airing is over every leg is gone from the switch and closed in the log.
            await().atMost(PATIENCE).until(() -> onAir.sim.channels().isEmpty()
                    && stores.calls().openLegs(onAir.station.id()).isEmpty());
        }
    }

    @Test
    void aDaemonRestartedMidAiringAdoptsTheLiveLegsAndFinishesTheAiring() {
        onAir.dialStrings(SIM_1);
        onAir.sim.phone(TRANSMITTER, PhoneScript.answersAfter(Duration.ofMillis(200)));
        Program program = onAir.prerecorded(onAir.tone("first", 2, 440), onAir.tone("second", 2, 550));
        String daemonId = Fixtures.unique("daemon");

        Airing airing;
        UUID transmitter;
        try (StationDaemon first = onAir.daemon(daemonId)) {
            airing = onAir.airing(program, Instant.now().plusSeconds(2), Duration.ofSeconds(9));
            transmitter = transmitterOnAir(airing);
            // Stopped while the second recording plays, so the new daemon must rejoin it seconds late.
            await().atMost(PATIENCE).until(() -> stores.airings().items(airing.id()).size() == 2);
        }
        assertThat(onAir.sim.channel(transmitter.toString())).as("the calls outlive the daemon").isPresent();

        try (StationDaemon second = onAir.daemon(daemonId)) {
            Airing aired = await().atMost(PATIENCE).until(() -> stores.airings().get(airing.id()),
                    found -> found.status().isFinal());

            assertThat(aired.status()).isEqualTo(AiringStatus.AIRED);
            assertThat(legs(airing, LegRole.TRANSMITTER)).extracting(Leg::uuid).containsExactly(transmitter);
            assertThat(stores.airings().notes(airing.id())).extracting(AiringNote::text)
                    .anyMatch(text -> text.matches("joined \\d+ s late: restarting second"));
            await().atMost(PATIENCE).until(() -> onAir.sim.channels().isEmpty()
                    && stores.calls().openLegs(onAir.station.id()).isEmpty());
        }
    }

    /** Waits until the airing is on air with its transmitter in its conference; the transmitter leg's uuid. */
    private UUID transmitterOnAir(Airing airing) {
        String conference = AiringSetup.conferenceOf(onAir.station.id(), airing.id());
        return await().atMost(PATIENCE).until(() -> {
            if (stores.airings().get(airing.id()).status() != AiringStatus.ON_AIR) {
                return null;
            }
            List<String> members = onAir.sim.conference(conference)
                    .map(c -> c.members().stream().map(ConferenceView.Member::uuid).toList()).orElse(List.of());
            return stores.calls().openLegs(onAir.station.id()).stream()
                    .filter(leg -> leg.role() == LegRole.TRANSMITTER && members.contains(leg.uuid().toString()))
                    .map(Leg::uuid).findFirst().orElse(null);
        }, found -> found != null);
    }

    /** The station's legs of a role since the airing was planned, oldest first. */
    private List<Leg> legs(Airing airing, LegRole role) {
        return stores.calls().list(onAir.station.id(), airing.createdAt().minusSeconds(5), Instant.now().plusSeconds(5), null)
                .stream()
                .flatMap(call -> stores.calls().get(call.id()).legs().stream())
                .filter(leg -> leg.role() == role)
                .sorted(java.util.Comparator.comparing(Leg::createdAt))
                .toList();
    }

    private Airing onlyAiring() {
        List<Airing> airings = stores.airings().list(onAir.station.id(), Instant.now().minus(Duration.ofHours(1)),
                Instant.now().plus(Duration.ofHours(1)));
        return airings.size() == 1 ? airings.getFirst() : null;
    }
}

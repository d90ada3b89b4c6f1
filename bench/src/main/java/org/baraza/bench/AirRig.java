package org.baraza.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;

import org.baraza.core.DialTemplate;
import org.baraza.core.Ids.StationId;
import org.baraza.core.airing.AiringPlan;
import org.baraza.core.db.Database;
import org.baraza.core.db.Stores;
import org.baraza.core.media.MediaKind;
import org.baraza.core.program.Program;
import org.baraza.core.program.ProgramConfig;
import org.baraza.core.program.ProgramDetails;
import org.baraza.core.program.ProgramType;
import org.baraza.core.station.DialString;
import org.baraza.core.station.Network;
import org.baraza.core.station.Station;
import org.baraza.core.station.StationSettings;
import org.baraza.daemon.StationDaemon;
import org.baraza.daemon.esl.SwitchNode;
import org.baraza.daemon.schedule.AiringScheduler;
import org.baraza.sim.PhoneScript;
import org.baraza.sim.Softswitch;
import org.baraza.sim.SoftswitchConfig;

import static org.awaitility.Awaitility.await;

/**
 * Stations on air, for the scenarios that measure airings: a network of its own on the run's {@link SharedDatabase}
 * with {@code stations} stations, each with its own transmitter phone (answering at once) and one prerecorded
 * program of one recording (silence, as a real WAV under the simulator's file root); the simulator; and a station
 * daemon (no telephony server: airings need none) with a pool of its own. {@link #airAllAt} plans one one-off
 * airing per station, all at the same start. Everything under a temporary directory, removed on {@link #close},
 * which stops what it started in reverse order.
 */
final class AirRig implements AutoCloseable {

    private static final long FIRST_TRANSMITTER = 772_000_000L;
    /**
     * How long before its moment each airing's trigger fires early, per airing on air at once: Quartz fires some 85
     * triggers a second, a prepare and a start per airing, and the early triggers must all be in before the moments.
     * 1,000 stations get production's lead ({@link AiringScheduler#EARLY}, 30 s); fewer, a shorter one, so that a small
     * run does not wait out a lead sized for a thousand.
     */
    private static final Duration EARLY_BASE = Duration.ofSeconds(2);
    private static final Duration EARLY_PER_STATION = Duration.ofMillis(28);

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final Path home;
    private final Stores stores;
    private final Network network;
    private final Program program;
    private final String daemonId;
    private final Database daemonDatabase;
    /** The stations, and each one's transmitter number, in the same order. */
    final List<StationId> stations;
    final List<String> transmitters;
    final Softswitch sim;
    StationDaemon daemon;

    private AirRig(SharedDatabase database, Path home, int count, Duration recording) throws IOException {
        this.home = home;
        Database setup = keep(database.open(4));
        this.stores = Stores.on(setup.jdbi());
        int tag = database.nextNetwork();
        this.daemonId = "bench-air-" + tag;
        this.network = stores.networks().create("bench-air-" + tag, "Benchmark airings " + tag);
        this.sim = keep(Softswitch.start(SoftswitchConfig.builder().eslPort(0).heartbeat(Duration.ZERO).fileRoot(home)
                .extension("baraza-anchor", List.of("answer", "park"))
                .conferenceSounds(false).eventLogCapacity(1_000_000).build()));
        List<StationId> ids = new ArrayList<>();
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Station station = stores.stations().create(network.id(), StationSettings.of("bench-air-" + tag + "-" + i,
                    "Air " + tag + "-" + i, ZoneId.of("Africa/Kampala"), "en"));
            String number = "0" + (FIRST_TRANSMITTER + tag * 10_000L + i);
            stores.stations().replaceDialStrings(station.id(), List.of(new DialString(1, "sofia/gateway/gsm/" + number, null)));
            sim.phone(number, PhoneScript.answersAtOnce());
            ids.add(station.id());
            numbers.add(number);
        }
        this.stations = List.copyOf(ids);
        this.transmitters = List.copyOf(numbers);
        long media = Silence.register(stores, network.id(), Silence.mediaUnder(home), recording, MediaKind.MUSIC).id().value();
        this.program = stores.programs().create(network.id(), new ProgramDetails("Bench " + tag, ProgramType.PRERECORDED,
                new ProgramConfig("{\"media\": [" + media + "]}"), "en", null));
        this.daemonDatabase = keep(database.open(10));
    }

    /** The daemon's early lead for {@code stations} airings at once (see {@link #EARLY_PER_STATION}). */
    static Duration earlyLead(int stations) {
        Duration lead = EARLY_BASE.plus(EARLY_PER_STATION.multipliedBy(stations));
        return lead.compareTo(AiringScheduler.EARLY) < 0 ? lead : AiringScheduler.EARLY;
    }

    /** This rig's daemon's early lead. */
    Duration earlyLead() {
        return earlyLead(stations.size());
    }

    /** Sets up {@code count} stations whose program plays a recording of {@code recording}; no daemon yet. */
    static AirRig create(SharedDatabase database, int count, Duration recording) throws IOException {
        Path home = Files.createTempDirectory("baraza-bench-air-");
        try {
            return new AirRig(database, home, count, recording);
        } catch (IOException | RuntimeException e) {
            Rig.deleteTree(home);
            throw e;
        }
    }

    /** One one-off airing on every station, from {@code start} for {@code length}. */
    void airAllAt(Instant start, Duration length) {
        for (StationId station : stations) {
            stores.airings().plan(AiringPlan.oneOff(network.id(), station, program.id(), start, start.plus(length)));
        }
    }

    /**
     * Starts the daemon, which prepares one-off airings {@code prepareLead} before their start, and waits until it
     * runs every station and Quartz holds a job for each airing (what was planned before now).
     */
    StationDaemon startDaemon(Duration prepareLead, Duration patience) {
        SwitchNode node = new SwitchNode("fs1", "127.0.0.1", sim.eslAddress().getPort(), SoftswitchConfig.DEFAULT_PASSWORD);
        daemon = keep(StationDaemon.start(new StationDaemon.Settings(daemonId, node, Silence.MEDIA_ROOT, "radio",
                "loopback/baraza-anchor", Duration.ofHours(1), Duration.ofMinutes(5), prepareLead, Set.of(network.slug()),
                new DialTemplate("sofia/gateway/gsm/{number}"), null).withEarlyLead(earlyLead()), daemonDatabase.dataSource(),
                Stores.on(daemonDatabase.jdbi()), Clock.systemUTC()));
        await().atMost(patience).pollInterval(Duration.ofMillis(100)).until(() -> daemon.stations().size() == stations.size());
        return daemon;
    }

    /** How many airings Quartz holds a job for, for this rig's daemon. */
    int scheduledAirings() {
        return daemonDatabase.jdbi().withHandle(h -> h.createQuery(
                        "select count(distinct job_name) from qrtz_triggers where sched_name = :name")
                .bind("name", "baraza-" + daemonId).mapTo(Integer.class).one());
    }

    private <T extends AutoCloseable> T keep(T part) {
        started.push(part);
        return part;
    }

    @Override
    public void close() {
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                System.err.println("bench: stopping a part failed: " + e);
            }
        }
        Rig.deleteTree(home);
    }

    /** For a caller that must read the as-aired log or legs: the setup connection's stores. */
    Stores stores() {
        return stores;
    }
}

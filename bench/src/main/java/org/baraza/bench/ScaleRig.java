package org.baraza.bench;

import java.io.IOException;
import java.net.URI;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.baraza.core.DialTemplate;
import org.baraza.core.PhoneNumber;
import org.baraza.core.Ids.MediaAssetId;
import org.baraza.core.Ids.StationId;
import org.baraza.core.airing.AiringPlan;
import org.baraza.core.db.Database;
import org.baraza.core.db.Stores;
import org.baraza.core.media.MediaKind;
import org.baraza.core.media.Playlist;
import org.baraza.core.media.PlaylistKind;
import org.baraza.core.people.Host;
import org.baraza.core.people.HostDetails;
import org.baraza.core.people.Pin;
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
import org.baraza.server.TelephonyServer;
import org.baraza.sim.HttapiProfile;
import org.baraza.sim.PhoneScript;
import org.baraza.sim.Softswitch;
import org.baraza.sim.SoftswitchConfig;

import static org.awaitility.Awaitility.await;

/**
 * Stations with a live talk show each, for the station-scale scenario, as production runs them: the run's
 * {@link SharedDatabase}; a network of its own whose every station has a number listeners call, a transmitter phone
 * (answering at once), a host (answering Baraza's call and pressing 1 when asked) and a live show of its own whose
 * jingle is a long recording of silence (a real WAV); the telephony server; the simulator, routing each station's
 * number to the server's {@code /httapi} with Baraza's httapi profile; and one station daemon on the simulator's event
 * socket and the server's hub. Listeners' calls go through it all ({@link #callIn}). Stations without a show may be
 * added beside them, for listeners to flash ({@link #flashNumbers}); every phone but the transmitters' and hosts'
 * turns Baraza's call down. Everything under a temporary
 * directory, removed on {@link #close}, which stops what it started in reverse order.
 */
final class ScaleRig implements AutoCloseable {

    private static final long FIRST_STATION = 256_313_000_000L;
    private static final long FIRST_HOST = 256_714_000_000L;
    private static final long FIRST_TRANSMITTER = 775_000_000L;
    private static final long FIRST_LISTENER = 256_751_000_000L;
    private static final int SETUP_THREADS = 8;

    /** One station: its id, the number listeners dial (digits, as phones dial it), its host's number. */
    record Line(StationId station, String number, PhoneNumber host) {
    }

    private final Deque<AutoCloseable> started;
    private final Path home;
    private final int tag;
    private final String daemonId;
    private final Network network;
    final Database serverDatabase;
    final Database daemonDatabase;
    private final Stores stores;
    private final List<Program> programs;
    private int listeners;
    final List<Line> lines;
    /**
     * The numbers (as the network delivers them) of the stations without a show, which let a call ring
     * {@link Rig#RING} and call back whoever hangs up first: the stations listeners flash.
     */
    final List<String> flashNumbers;
    final Softswitch sim;
    final TelephonyServer server;
    StationDaemon daemon;

    private ScaleRig(SharedDatabase database, Path home, Deque<AutoCloseable> started, int count, Duration jingle,
                     int flashes) throws Exception {
        this.home = home;
        this.started = started;
        Database setup = keep(database.open(SETUP_THREADS));
        this.stores = Stores.on(setup.jdbi());
        this.tag = database.nextNetwork();
        this.daemonId = "bench-scale-" + tag;
        this.network = stores.networks().create("bench-scale-" + tag, "Benchmark scale " + tag);
        Path media = home.resolve("media");
        MediaAssetId silence = Silence.register(stores, network.id(), media, jingle, MediaKind.JINGLE).id();
        Playlist jingles = stores.playlists().create(network.id(), null, "Bench jingles " + tag, PlaylistKind.JINGLES);
        stores.playlists().replaceItems(jingles.id(), List.of(silence));
        Line[] made = new Line[count];
        Program[] shows = new Program[count];
        // Stations are independent: several at a time (PostgreSQL commits them together), a connection each.
        try (ExecutorService pool = Executors.newFixedThreadPool(SETUP_THREADS)) {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                futures.add(pool.submit(() -> station(n, jingles, shows, made)));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        }
        this.lines = List.of(made);
        this.programs = List.of(shows);
        List<String> flashed = new ArrayList<>();
        for (int i = count; i < count + flashes; i++) {
            String number = Long.toString(FIRST_STATION + tag * 100_000L + i);
            Rig.flashedStation(stores, network, "bench-scale-" + tag + "-" + i, "Flashed " + tag + "-" + i, number);
            flashed.add(number);
        }
        this.flashNumbers = List.copyOf(flashed);
        this.serverDatabase = keep(database.open(10));
        this.server = keep(TelephonyServer.start(Rig.config(home), Stores.on(serverDatabase.jdbi()), Clock.systemUTC()));
        URI webhook = URI.create("http://127.0.0.1:" + server.httpPort() + "/httapi");
        SoftswitchConfig.Builder config = SoftswitchConfig.builder().eslPort(0).heartbeat(Duration.ZERO)
                .conferenceSounds(false).eventLogCapacity(eventLogCapacity(count)).webhookUrl(webhook)
                .httapiProfile(HttapiProfile.baraza(webhook, Rig.HTTAPI_USER, Rig.HTTAPI_PASSWORD))
                .extension("baraza-anchor", List.of("answer", "park"));
        for (Line line : lines) {
            config.publicNumber(line.number(), List.of("httapi {httapi_profile=baraza}"));
        }
        this.sim = keep(Softswitch.start(config.build()));
        for (int i = 0; i < count; i++) {
            sim.phone(transmitter(i), PhoneScript.answersAtOnce());
        }
        // Every other phone (the listeners called back) turns the call down, so that each call-back ends at once.
        sim.phone("*", PhoneScript.rejects("CALL_REJECTED"));
        // The host answers and presses 1 while "press 1 when you are ready" plays.
        lines.forEach(line -> sim.phone(line.host().value(),
                PhoneScript.answersAfter(Duration.ofMillis(300)).withKeyPress(Duration.ofSeconds(2), "1")));
        this.daemonDatabase = keep(database.open(10));
    }

    /**
     * The simulator's event log: enough for the watch (which reads it as it goes) to fall a few seconds behind, and no
     * more, as the log is heap the figures count.
     */
    static int eventLogCapacity(int stations) {
        return Math.max(20_000, stations * 20);
    }

    /** Station {@code i}, with its number, transmitter, host and show, into {@code made[i]} and {@code shows[i]}. */
    private void station(int i, Playlist jingles, Program[] shows, Line[] made) {
        Station station = stores.stations().create(network.id(), StationSettings.of("bench-scale-" + tag + "-" + i,
                "Scale " + tag + "-" + i, ZoneId.of("Africa/Kampala"), "en", "sw"));
        String number = Long.toString(FIRST_STATION + tag * 100_000L + i);
        stores.stations().addNumber(station.id(), new PhoneNumber("+" + number), true, false, "main");
        stores.stations().replaceDialStrings(station.id(), List.of(new DialString(1, "sofia/gateway/gsm/" + transmitter(i),
                null)));
        PhoneNumber phone = new PhoneNumber("+" + (FIRST_HOST + tag * 100_000L + i));
        Host host = stores.hosts().create(network.id(), new HostDetails("Host " + tag + "-" + i, phone), new Pin("4321"));
        stores.hosts().assign(host.id(), station.id());
        Program show = stores.programs().create(network.id(), new ProgramDetails("Talk " + tag + "-" + i,
                ProgramType.LIVE_TALK, new ProgramConfig("{\"jingles\": " + jingles.id().value() + "}"), "en", null));
        stores.programs().setHosts(show.id(), List.of(host.id()));
        made[i] = new Line(station.id(), number, phone);
        shows[i] = show;
    }

    private String transmitter(int i) {
        return "0" + (FIRST_TRANSMITTER + tag * 100_000L + i);
    }

    /** Sets up {@code count} stations whose jingle lasts {@code jingle}, the server and the simulator; no daemon yet. */
    static ScaleRig create(SharedDatabase database, int count, Duration jingle) throws Exception {
        return create(database, count, jingle, 0);
    }

    /** The same, with {@code flashes} more stations, without a show, that listeners flash ({@link #flashNumbers}). */
    static ScaleRig create(SharedDatabase database, int count, Duration jingle, int flashes) throws Exception {
        Path home = Files.createTempDirectory("baraza-bench-scale-");
        Deque<AutoCloseable> started = new ArrayDeque<>();
        try {
            return new ScaleRig(database, home, started, count, jingle, flashes);
        } catch (Exception | Error e) {
            Rig.stopAll(started);
            Rig.deleteTree(home);
            throw e;
        }
    }

    /**
     * Starts the daemon (one-off airings prepared {@code prepareLead} before their start) and waits until it runs
     * every station and the server's hub knows them.
     */
    void startDaemon(Duration prepareLead, Duration patience) {
        SwitchNode node = new SwitchNode("fs1", "127.0.0.1", sim.eslAddress().getPort(), SoftswitchConfig.DEFAULT_PASSWORD);
        daemon = keep(StationDaemon.start(new StationDaemon.Settings(daemonId, node, home.resolve("media"), "radio",
                "loopback/baraza-anchor", Duration.ofHours(1), Duration.ofMinutes(5), prepareLead, Set.of(network.slug()),
                new DialTemplate("sofia/gateway/gsm/{number}"), server.hubEndpoint()), daemonDatabase.dataSource(),
                Stores.on(daemonDatabase.jdbi()), Clock.systemUTC()));
        try (LeanHttp http = new LeanHttp(server.httpPort(), Rig.HTTAPI_USER, Rig.HTTAPI_PASSWORD)) {
            await().atMost(patience).pollInterval(Duration.ofMillis(200))
                    .until(() -> http.get("/health").contains("stations with a daemon: " + (lines.size() + flashNumbers.size())));
        }
    }

    /** Station {@code i}'s show airs from {@code start} to {@code end}. */
    void air(int i, Instant start, Instant end) {
        stores.airings().plan(AiringPlan.oneOff(network.id(), lines.get(i).station(), programs.get(i).id(), start, end));
    }

    /** How many airings Quartz holds a job for, for this rig's daemon. */
    int scheduledAirings() {
        return daemonDatabase.jdbi().withHandle(h -> h.createQuery(
                        "select count(distinct job_name) from qrtz_triggers where sched_name = :name")
                .bind("name", "baraza-" + daemonId).mapTo(Integer.class).one());
    }

    /** How many of the network's airings are on air. */
    int airingsOnAir() {
        return daemonDatabase.jdbi().withHandle(h -> h.createQuery(
                        "select count(*) from airings where network_id = :network and status = 'on_air'")
                .bind("network", network.id().value()).mapTo(Integer.class).one());
    }

    /**
     * A listener calls station {@code i}, chooses the first language (1) and asks to speak (3), as the station's menu
     * offers; returns the new channel's uuid.
     */
    String callIn(int i) {
        String from = Long.toString(FIRST_LISTENER + tag * 100_000L + listeners++);
        return sim.placeCall(from, lines.get(i).number(), PhoneScript.answersAtOnce()
                .withKeyPress(Duration.ofSeconds(1), "1").withKeyPress(Duration.ofMillis(2500), "3"));
    }

    private <T extends AutoCloseable> T keep(T part) {
        started.push(part);
        return part;
    }

    @Override
    public void close() {
        Rig.stopAll(started);
        Rig.deleteTree(home);
    }
}

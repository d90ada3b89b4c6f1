package org.baraza.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.baraza.core.DialTemplate;
import org.baraza.core.PhoneNumber;
import org.baraza.core.config.BarazaConfig;
import org.baraza.core.config.ConfigLoader;
import org.baraza.core.config.FreeSwitchConfig;
import org.baraza.core.config.ServerConfig;
import org.baraza.core.db.Database;
import org.baraza.core.db.Stores;
import org.baraza.core.station.CallSettings;
import org.baraza.core.station.Network;
import org.baraza.core.station.Station;
import org.baraza.core.station.StationSettings;
import org.baraza.daemon.StationDaemon;
import org.baraza.daemon.esl.SwitchNode;
import org.baraza.server.TelephonyServer;
import org.baraza.sim.PhoneScript;
import org.baraza.sim.Softswitch;
import org.baraza.sim.SoftswitchConfig;

import static org.awaitility.Awaitility.await;

/**
 * Everything the benchmark runs against, in one JVM, as production runs it in two processes: the run's
 * {@link SharedDatabase}; a network of stations of its own, each with a voice number, whose
 * calls ring 3 s before the answer and whose missed calls are called back; the FreeSWITCH simulator, where
 * every phone rejects the call (so each call-back ends at once); the telephony server and a station daemon,
 * each with a pool of its own (database.pool-size's default, 10), the daemon connected to the simulator over
 * ESL and to the server's hub over ZeroMQ. All under a temporary directory, removed on {@link #close}, which
 * stops everything it started, in reverse order. Ports are all 0: nothing is left listening.
 */
final class Rig implements AutoCloseable {

    /** The first station's number, as the mobile network delivers it; the others follow it. */
    private static final long FIRST_STATION_NUMBER = 256_312_400_001L;
    static final String HTTAPI_USER = "freeswitch";
    static final String HTTAPI_PASSWORD = "benchmark-httapi";
    /** How long the station lets a call ring before it answers: the window in which a listener flashes it. */
    static final Duration RING = Duration.ofSeconds(3);

    private final Deque<AutoCloseable> started;
    private final Path home;
    final Database serverDatabase;
    final Database daemonDatabase;
    final Stores stores;
    /** The stations' numbers, as the mobile network delivers them. */
    final List<String> stationNumbers;
    final Softswitch sim;
    final TelephonyServer server;

    private Rig(SharedDatabase database, Path home, Deque<AutoCloseable> started, int stations) {
        this.home = home;
        this.started = started;
        this.serverDatabase = keep(database.open(10));
        this.daemonDatabase = keep(database.open(10));
        this.stores = Stores.on(serverDatabase.jdbi());
        int tag = database.nextNetwork();
        Network network = stores.networks().create("bench-" + tag, "Benchmark network " + tag);
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < stations; i++) {
            String number = Long.toString(FIRST_STATION_NUMBER + tag * 10_000L + i);
            flashedStation(stores, network, "bench-" + tag + "-fm-" + i, "Bench FM " + tag + "-" + i, number);
            numbers.add(number);
        }
        this.stationNumbers = List.copyOf(numbers);
        try {
            this.sim = keep(Softswitch.start(SoftswitchConfig.builder().eslPort(0).heartbeat(Duration.ZERO)
                    .conferenceSounds(false).eventLogCapacity(100_000).build()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        sim.phone("*", PhoneScript.rejects("CALL_REJECTED"));
        this.server = keep(TelephonyServer.start(config(home), stores, Clock.systemUTC()));
        SwitchNode node = new SwitchNode("fs1", "127.0.0.1", sim.eslAddress().getPort(), SoftswitchConfig.DEFAULT_PASSWORD);
        keep(StationDaemon.start(new StationDaemon.Settings("bench-daemon-" + tag, node, home.resolve("media"), "radio",
                "loopback/baraza-anchor", Duration.ofHours(1), Duration.ofSeconds(30), Duration.ofSeconds(5),
                Set.of(network.slug()), new DialTemplate("sofia/gateway/gsm/{number}"), server.hubEndpoint()),
                daemonDatabase.dataSource(), Stores.on(daemonDatabase.jdbi()), Clock.systemUTC()));
    }

    /**
     * A station listeners flash, in {@code network}: its one number ({@code number}, digits as the network delivers
     * them) lets a call ring {@link #RING} and calls back whoever hangs up first (once a minute, 100 a day).
     */
    static void flashedStation(Stores stores, Network network, String slug, String name, String number) {
        Station station = stores.stations().create(network.id(), StationSettings.of(slug, name, ZoneId.of("Africa/Kampala"), "en"));
        stores.stations().addNumber(station.id(), new PhoneNumber("+" + number), true, false, "main");
        stores.stations().setCallSettings(station.id(), new CallSettings(RING, true, Duration.ofMinutes(1), 100, null));
    }

    /** Starts it all, with {@code stations} stations, and waits until the server's hub knows their daemon. */
    static Rig start(SharedDatabase database, int stations) throws IOException {
        Path home = Files.createTempDirectory("baraza-bench-");
        Deque<AutoCloseable> started = new ArrayDeque<>();
        Rig rig;
        try {
            rig = new Rig(database, home, started, stations);
        } catch (RuntimeException e) {
            stopAll(started);
            deleteTree(home);
            throw e;
        }
        try (LeanHttp http = new LeanHttp(rig.server.httpPort(), HTTAPI_USER, HTTAPI_PASSWORD)) {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                    .until(() -> http.get("/health").contains("stations with a daemon: " + stations));
        } catch (RuntimeException e) {
            rig.close();
            throw new IllegalStateException("the stations' daemon did not reach the server's hub within 30 s: " + e.getMessage(), e);
        }
        return rig;
    }

    private <T extends AutoCloseable> T keep(T part) {
        started.push(part);
        return part;
    }

    /** The defaults, with free ports, the benchmark's own password, and directories under {@code home}. */
    static BarazaConfig config(Path home) {
        BarazaConfig defaults = ConfigLoader.defaults();
        ServerConfig s = defaults.server();
        FreeSwitchConfig f = defaults.freeSwitch();
        return new BarazaConfig(defaults.database(),
                new ServerConfig("127.0.0.1", 0, s.publicUrl(), HTTAPI_USER, HTTAPI_PASSWORD, "tcp://127.0.0.1:0",
                        s.requestTimeout(), s.maxRequestBytes()),
                new FreeSwitchConfig(f.nodeName(), f.eslHost(), f.eslPort(), f.eslPassword(), f.conferenceProfile(),
                        f.anchorDialString(), home.resolve("media"), home.resolve("recordings"), f.outboundDialTemplate()),
                defaults.daemon(), defaults.sms(), defaults.log(), defaults.console());
    }

    @Override
    public void close() {
        stopAll(started);
        deleteTree(home);
    }

    static void stopAll(Deque<AutoCloseable> started) {
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                System.err.println("benchmark: stopping a part failed: " + e);
            }
        }
    }

    static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.err.println("benchmark: cannot remove " + root + ": " + e.getMessage());
        }
    }
}

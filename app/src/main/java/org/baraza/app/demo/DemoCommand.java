package org.baraza.app.demo;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.baraza.app.Baraza;
import org.baraza.core.DialTemplate;
import org.baraza.core.airing.Airing;
import org.baraza.core.airing.AiringGap;
import org.baraza.core.airing.AiringItem;
import org.baraza.core.config.DatabaseConfig;
import org.baraza.core.db.Database;
import org.baraza.core.db.Stores;
import org.baraza.core.station.Station;
import org.baraza.daemon.StationDaemon;
import org.baraza.daemon.esl.SwitchNode;
import org.baraza.sim.ChannelView;
import org.baraza.sim.PhoneScript;
import org.baraza.sim.Softswitch;
import org.baraza.sim.SoftswitchConfig;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code baraza demo}: the whole platform on this machine, nothing to install. A private PostgreSQL, the
 * FreeSWITCH simulator with three stations' transmitter phones, a station daemon, and a network seeded
 * with recordings and programs that start within seconds; a live timeline of what goes on air, then the
 * as-aired log. Everything lives in a temporary directory removed at the end.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"The whole platform on this machine: an embedded PostgreSQL, the FreeSWITCH simulator, a station"
                + " daemon and three stations whose programs start within seconds. Prints a live timeline of what goes"
                + " on air and what happens to the transmitter calls, then the as-aired log.",
                "Nothing is kept: it runs in a temporary directory."})
public final class DemoCommand implements Callable<Integer> {

    private static final Path MEDIA_DIR = Path.of("/var/lib/baraza/media");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    @ParentCommand
    Baraza baraza;

    @Spec
    CommandSpec spec;

    @Option(names = "--duration", paramLabel = "SECONDS", defaultValue = "45",
            description = "How long the demo runs (default ${DEFAULT-VALUE}; the last program ends after about 36).")
    int durationSeconds;

    @Override
    public Integer call() throws IOException, InterruptedException {
        baraza.quietUnlessDebugging(List.of());
        PrintWriter out = spec.commandLine().getOut();
        Clock clock = Clock.systemDefaultZone();
        Path home = Files.createTempDirectory("baraza-demo-");
        try {
            run(out, clock, home);
        } finally {
            deleteTree(home);
        }
        return 0;
    }

    private void run(PrintWriter out, Clock clock, Path home) throws IOException, InterruptedException {
        out.println("Baraza demo: starting PostgreSQL, the FreeSWITCH simulator and a station daemon in " + home);
        DatabaseConfig embedded = new DatabaseConfig(DatabaseConfig.EMBEDDED, "baraza", "", 5, Duration.ofSeconds(30),
                home.resolve("postgres"), 0);
        try (Database database = Database.open(embedded)) {
            database.migrate();
            Stores stores = Stores.on(database.jdbi());
            Path switchFiles = home.resolve("switch");
            DemoWorld world = DemoWorld.seed(stores, switchFiles.resolve(MEDIA_DIR.toString().substring(1)), clock.instant());
            try (Softswitch sim = Softswitch.start(simulator(switchFiles))) {
                sim.phone(DemoWorld.PACIS_PHONE, PhoneScript.answersAfter(Duration.ofMillis(1500)));
                sim.phone(DemoWorld.MEGA_BUSY_SIM, PhoneScript.busy());
                sim.phone(DemoWorld.MEGA_SECOND_SIM, PhoneScript.answersAfter(Duration.ofMillis(1200)));
                sim.phone(DemoWorld.NOSTALGIA_PHONE, PhoneScript.answersAfter(Duration.ofMillis(1000)));
                out.println("Three stations: Radio Pacis (two programs back to back), Mega FM (its first SIM is busy;"
                        + " its phone will lose the network mid-programme), Radio Nostalgia (keeps its call between"
                        + " programs, playing its music rotation). Programs start in a few seconds.");
                out.println();
                Timeline timeline = new Timeline(out, stores, clock);
                Instant started = clock.instant();
                try (StationDaemon daemon = StationDaemon.start(daemonSettings(sim), database.dataSource(), stores, clock,
                        timeline)) {
                    ScheduledExecutorService scenes = Executors.newSingleThreadScheduledExecutor(
                            Thread.ofPlatform().daemon().name("demo-scenes").factory());
                    scenes.schedule(() -> dropTransmitter(sim, world.mega, timeline),
                            Duration.between(clock.instant(), world.megaStart.plusSeconds(10)).toMillis(), TimeUnit.MILLISECONDS);
                    awaitEnd(Duration.ofSeconds(durationSeconds));
                    scenes.shutdownNow();
                }
                out.println();
                asAired(out, stores, world, started);
            }
        }
    }

    /** Waits for the demo's time to pass, or for Ctrl-C. */
    private static void awaitEnd(Duration duration) throws InterruptedException {
        CountDownLatch interrupted = new CountDownLatch(1);
        Thread hook = new Thread(interrupted::countDown, "demo-interrupted");
        Runtime.getRuntime().addShutdownHook(hook);
        if (!interrupted.await(duration.toMillis(), TimeUnit.MILLISECONDS)) {
            Runtime.getRuntime().removeShutdownHook(hook);
        }
    }

    private static void dropTransmitter(Softswitch sim, Station station, Timeline timeline) {
        sim.channels().stream()
                .filter(channel -> String.valueOf(station.id().value()).equals(channel.variable("baraza_station")))
                .filter(channel -> "transmitter".equals(channel.variable("baraza_role")) && channel.answered())
                .map(ChannelView::uuid)
                .findFirst()
                .ifPresent(uuid -> {
                    timeline.note("(the demo makes " + station.name() + "'s transmitter phone lose its network)");
                    sim.hangUp(uuid);
                });
    }

    private static void asAired(PrintWriter out, Stores stores, DemoWorld world, Instant since) {
        out.println("As-aired log (proof of broadcast):");
        for (Station station : world.stations()) {
            for (Airing airing : stores.airings().list(station.id(), since, since.plus(Duration.ofHours(1)))) {
                String program = stores.programs().get(airing.programId()).name();
                out.printf("  %-16s %-14s planned %s-%s, %s%n", station.name(), program,
                        at(airing.plannedStart(), station), at(airing.plannedEnd(), station),
                        airing.actualStart() == null
                                ? airing.status().name().toLowerCase()
                                : "on air " + at(airing.actualStart(), station) + "-"
                                + (airing.actualEnd() == null ? "?" : at(airing.actualEnd(), station)) + ": "
                                + airing.status().name().toLowerCase());
                String played = stores.airings().items(airing.id()).stream()
                        .sorted(Comparator.comparing(AiringItem::startedAt))
                        .map(item -> item.label() + (item.kind() == AiringItem.ItemKind.FILLER ? " [filler]" : "")
                                + (item.outcome() == null ? "" : " (" + item.outcome().name().toLowerCase() + ")"))
                        .collect(Collectors.joining(", "));
                out.println("      played: " + (played.isEmpty() ? "nothing" : played));
                for (AiringGap gap : stores.airings().gaps(airing.id())) {
                    out.printf("      silent %s-%s: %s%n", at(gap.startedAt(), station),
                            gap.endedAt() == null ? "?" : at(gap.endedAt(), station), gap.cause());
                }
            }
        }
        out.flush();
    }

    private static String at(Instant instant, Station station) {
        return TIME.format(instant.atZone(station.timeZone()));
    }

    private static SoftswitchConfig simulator(Path files) {
        return SoftswitchConfig.builder()
                .eslPort(0)
                .fileRoot(files)
                // The "radio" conference profile of freeswitch-conf: no alone, enter or exit sounds on air.
                .conferenceSounds(false)
                .heartbeat(Duration.ZERO)
                .extension("baraza-anchor", List.of("answer", "park"))
                .build();
    }

    private static StationDaemon.Settings daemonSettings(Softswitch sim) {
        SwitchNode node = new SwitchNode("sim", "127.0.0.1", sim.eslAddress().getPort(), SoftswitchConfig.DEFAULT_PASSWORD);
        return new StationDaemon.Settings("demo", node, MEDIA_DIR, "radio", "loopback/baraza-anchor", Duration.ofHours(1),
                Duration.ofSeconds(15), Duration.ofSeconds(5), Set.of("demo"), new DialTemplate("sofia/gateway/demo/{number}"), null);
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}

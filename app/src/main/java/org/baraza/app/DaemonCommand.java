package org.baraza.app;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.baraza.core.DialTemplate;
import org.baraza.core.config.BarazaConfig;
import org.baraza.core.config.ConfigLoader;
import org.baraza.core.config.DatabaseConfig;
import org.baraza.core.db.Database;
import org.baraza.core.db.Migrations;
import org.baraza.core.db.Stores;
import org.baraza.daemon.StationDaemon;
import org.baraza.daemon.esl.SwitchNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code baraza daemon}: runs a station daemon until it is stopped (Ctrl-C, SIGTERM). */
@Command(name = "daemon", mixinStandardHelpOptions = true,
        description = {"Run a station daemon: it takes the stations it may run (daemon.networks), plans their airings"
                + " from their schedules, and drives FreeSWITCH over its event socket (freeswitch.*) to put them on air.",
                "Stopping it leaves live calls up: a daemon started again with the same daemon.id adopts them."})
final class DaemonCommand implements Callable<Integer> {

    @ParentCommand
    Baraza baraza;

    @Spec
    CommandSpec spec;

    @Option(names = "--database-url", paramLabel = "URL", description = "Overrides database.url.")
    String databaseUrl;

    @Option(names = "--stop-after", paramLabel = "SECONDS",
            description = "Stop by itself after this many seconds (default: run until stopped).")
    Long stopAfterSeconds;

    @Override
    public Integer call() throws InterruptedException {
        List<ConfigLoader.CommandLineValue> values = new ArrayList<>();
        if (databaseUrl != null) {
            values.add(new ConfigLoader.CommandLineValue(DatabaseConfig.URL, databaseUrl, "--database-url"));
        }
        BarazaConfig config = baraza.loadConfig(values);
        try (Database database = Database.open(config.database())) {
            int pending = Migrations.pending(database.dataSource());
            if (pending > 0) {
                spec.commandLine().getErr().println("baraza daemon: the database schema is " + pending
                        + " migration(s) behind: run `baraza migrate` first");
                return ExitCode.FAILED;
            }
            StationDaemon daemon = StationDaemon.start(settings(config), database.dataSource(), Stores.on(database.jdbi()),
                    Clock.systemUTC());
            spec.commandLine().getOut().println("baraza daemon " + config.daemon().id() + ": running on "
                    + database.describe() + ", FreeSWITCH " + config.freeSwitch().nodeName() + " at "
                    + config.freeSwitch().eslHost() + ":" + config.freeSwitch().eslPort() + "; stop with Ctrl-C");
            awaitStop(daemon);
        }
        return ExitCode.OK;
    }

    private void awaitStop(StationDaemon daemon) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            daemon.close();
            stopped.countDown();
        }, "daemon-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        if (stopAfterSeconds == null) {
            stopped.await();
            return;
        }
        if (!stopped.await(stopAfterSeconds, TimeUnit.SECONDS)) {
            Runtime.getRuntime().removeShutdownHook(hook);
            daemon.close();
        }
    }

    static StationDaemon.Settings settings(BarazaConfig config) {
        var fs = config.freeSwitch();
        return new StationDaemon.Settings(config.daemon().id(),
                new SwitchNode(fs.nodeName(), fs.eslHost(), fs.eslPort(), fs.eslPassword()),
                fs.mediaDir(), fs.conferenceProfile(), fs.anchorDialString(), config.daemon().planHorizon(),
                config.daemon().leaseTtl(), Duration.ofMinutes(1), config.daemon().networks(),
                new DialTemplate(fs.outboundDialTemplate()), config.server().hubEndpoint());
    }
}

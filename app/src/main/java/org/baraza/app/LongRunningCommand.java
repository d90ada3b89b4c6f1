package org.baraza.app;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.baraza.core.config.BarazaConfig;
import org.baraza.core.config.ConfigLoader;
import org.baraza.core.config.DatabaseConfig;
import org.baraza.core.db.Database;
import org.baraza.core.db.Migrations;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * What {@code baraza daemon}, {@code server} and {@code all} share: the configuration, a database whose schema
 * is up to date (else one line and exit 1), and running until stopped (Ctrl-C, SIGTERM) or for a set time.
 */
abstract class LongRunningCommand implements Callable<Integer> {

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
    public final Integer call() throws InterruptedException {
        List<ConfigLoader.CommandLineValue> values = new ArrayList<>();
        if (databaseUrl != null) {
            values.add(new ConfigLoader.CommandLineValue(DatabaseConfig.URL, databaseUrl, "--database-url"));
        }
        BarazaConfig config = baraza.loadConfig(values);
        try (Database database = Database.open(config.database())) {
            int pending = Migrations.pending(database.dataSource());
            if (pending > 0) {
                spec.commandLine().getErr().println("baraza " + spec.name() + ": the database schema is " + pending
                        + " migration(s) behind: run `baraza migrate` first");
                return ExitCode.FAILED;
            }
            AutoCloseable running;
            try {
                running = start(config, database);
            } catch (RuntimeException cannotStart) {
                spec.commandLine().getErr().println("baraza " + spec.name() + ": " + cannotStart.getMessage());
                return ExitCode.FAILED;
            }
            Lifetime.runUntilStopped(running, stopAfterSeconds, spec.name());
        }
        return ExitCode.OK;
    }

    /** Starts what the command runs, having said so on standard output; closing it stops it. */
    abstract AutoCloseable start(BarazaConfig config, Database database);

    void say(String line) {
        spec.commandLine().getOut().println(line);
    }
}

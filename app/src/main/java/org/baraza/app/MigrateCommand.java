package org.baraza.app;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.baraza.core.config.BarazaConfig;
import org.baraza.core.config.ConfigLoader;
import org.baraza.core.config.DatabaseConfig;
import org.baraza.core.db.Database;
import org.baraza.core.db.Migrations;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code baraza migrate}: brings the database to the current schema; running it again changes nothing. */
@Command(name = "migrate",
        mixinStandardHelpOptions = true,
        description = {"Create or upgrade Baraza's database schema (Flyway). Safe to run again: an up-to-date "
                + "database is left as it is.",
                "Without --database-url it uses database.url from the configuration; the default, \"embedded\", "
                        + "runs a private PostgreSQL in database.embedded-dir."})
final class MigrateCommand implements Callable<Integer> {

    @ParentCommand
    Baraza baraza;

    @Spec
    CommandSpec spec;

    @Option(names = "--database-url", paramLabel = "URL",
            description = "jdbc:postgresql://host:port/database (user and password from the configuration, "
                    + "BARAZA_DATABASE_USER / BARAZA_DATABASE_PASSWORD, or the URL's own parameters), or \"embedded\".")
    String databaseUrl;

    @Override
    public Integer call() {
        List<ConfigLoader.CommandLineValue> values = new ArrayList<>();
        if (databaseUrl != null) {
            values.add(new ConfigLoader.CommandLineValue(DatabaseConfig.URL, databaseUrl, "--database-url"));
        }
        BarazaConfig config = baraza.loadConfig(values);
        try (Database database = Database.open(config.database())) {
            Migrations.Report report = database.migrate();
            spec.commandLine().getOut().println(database.describe() + ": " + report.describe());
        }
        return ExitCode.OK;
    }
}

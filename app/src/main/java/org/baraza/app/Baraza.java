package org.baraza.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Callable;

import org.baraza.app.demo.DemoCommand;
import org.baraza.core.DomainException;
import org.baraza.core.config.BarazaConfig;
import org.baraza.core.config.ConfigException;
import org.baraza.core.config.ConfigLoader;
import org.baraza.core.config.LogConfig;
import org.baraza.core.db.DatabaseUnavailableException;
import org.baraza.core.db.MigrationFailedException;
import org.slf4j.LoggerFactory;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code baraza} command: one entry point for every process Baraza runs. Each subcommand loads and
 * checks the configuration, then builds what it needs (its composition root) and runs it.
 */
@Command(name = "baraza",
        mixinStandardHelpOptions = true,
        versionProvider = Baraza.Version.class,
        description = "Baraza: a phone-powered community radio platform on FreeSWITCH.",
        subcommands = {
                MigrateCommand.class,
                ServerCommand.class,
                DaemonCommand.class,
                AllCommand.class,
                DemoCommand.class,
                SimCommand.class,
                UserCommand.class,
                BenchCommand.class,
                CommandLine.HelpCommand.class},
        footer = {"",
                "Configuration: baraza.toml in the working directory, or --config FILE, or BARAZA_CONFIG;",
                "any key can be overridden by an environment variable (database.url -> BARAZA_DATABASE_URL).",
                "Exit codes: 0 done, 1 failed, 2 bad command line or configuration."})
public final class Baraza implements Callable<Integer> {

    @Option(names = "--config", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "Configuration file (TOML). Default: ./baraza.toml when present, or $BARAZA_CONFIG.")
    Path configFile;

    @Spec
    CommandLine.Model.CommandSpec spec;

    private final Map<String, String> environment;

    Baraza(Map<String, String> environment) {
        this.environment = environment;
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        System.exit(run(args, System.getenv(), out, err));
    }

    /** Runs one command line and returns its exit code; never calls {@code System.exit}. */
    public static int run(String[] args, Map<String, String> environment, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new Baraza(environment));
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler((e, line, parsed) -> reportFailure(e, line.getErr()));
        return commandLine.execute(args);
    }

    /** Without a subcommand: the usage, and a non-zero exit, since nothing was done. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.BAD_CONFIGURATION;
    }

    /**
     * The configuration, with Baraza's own log lines at warn rather than info unless debugging was asked for:
     * for commands whose output is the point (the demo's timeline).
     */
    public BarazaConfig quietUnlessDebugging(List<ConfigLoader.CommandLineValue> commandLineValues) {
        BarazaConfig config = loadConfig(commandLineValues);
        if ("info".equals(config.log().level())) {
            Logging.apply(new LogConfig("warn"));
        }
        return config;
    }

    /** A variable of the environment the command runs in, or null. */
    String environment(String name) {
        return environment.get(name);
    }

    /** The configuration from the file, the environment and these command-line values, checked. */
    public BarazaConfig loadConfig(List<ConfigLoader.CommandLineValue> commandLineValues) {
        BarazaConfig config = ConfigLoader.load(Optional.ofNullable(configFile), environment, commandLineValues);
        Logging.apply(config.log());
        return config;
    }

    private static int reportFailure(Exception e, PrintWriter err) {
        switch (e) {
            case ConfigException config -> {
                err.println("baraza: configuration error: " + config.getMessage());
                return ExitCode.BAD_CONFIGURATION;
            }
            case DatabaseUnavailableException database -> {
                LoggerFactory.getLogger(Baraza.class).debug("database unavailable", database);
                err.println("baraza: " + database.getMessage());
            }
            case MigrationFailedException migration -> {
                LoggerFactory.getLogger(Baraza.class).debug("migration failed", migration);
                err.println("baraza: " + migration.getMessage());
            }
            case DomainException refused -> err.println("baraza: " + refused.getMessage());
            default -> {
                LoggerFactory.getLogger(Baraza.class).error("unexpected failure", e);
                String firstLine = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
                err.println("baraza: unexpected failure: " + e.getClass().getSimpleName() + ": " + firstLine
                        + " (the log above has the details)");
            }
        }
        return ExitCode.FAILED;
    }

    /** The version the jar was built as. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties properties = new Properties();
            try (InputStream in = Baraza.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    properties.load(in);
                }
            }
            return new String[] {"baraza " + properties.getProperty("version", "(unknown version)"),
                    "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"};
        }
    }
}

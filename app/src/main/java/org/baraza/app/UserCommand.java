package org.baraza.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.baraza.core.DomainException;
import org.baraza.core.config.BarazaConfig;
import org.baraza.core.config.ConfigLoader;
import org.baraza.core.config.DatabaseConfig;
import org.baraza.core.db.Database;
import org.baraza.core.db.Stores;
import org.baraza.core.people.Password;
import org.baraza.core.people.Role;
import org.baraza.core.people.User;
import org.baraza.core.people.UserDetails;
import org.baraza.core.station.Network;
import org.baraza.core.station.Station;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code baraza user}: console users from the command line, for the first admin of a new installation. */
@Command(name = "user", mixinStandardHelpOptions = true, description = "Console users.",
        subcommands = UserCommand.Add.class)
final class UserCommand implements Callable<Integer> {

    /** Where the password is read from when standard input is not used. */
    static final String PASSWORD_VARIABLE = "BARAZA_USER_PASSWORD";

    @ParentCommand
    Baraza baraza;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.BAD_CONFIGURATION;
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = {"Add a console user with a role. The password is read from " + PASSWORD_VARIABLE
                    + " or, when that is not set, from the first line of standard input; never from the command line.",
                    "Example: printf '%s\\n' \"$PW\" | baraza user add --email amina@example.org --name Amina "
                            + "--network east --new-network \"East Africa Radio\" --role network-admin"})
    static final class Add implements Callable<Integer> {

        @ParentCommand
        UserCommand user;

        @Spec
        CommandSpec spec;

        @Option(names = "--email", required = true, description = "Their email: how they sign in.")
        String email;

        @Option(names = "--name", description = "The name the console shows (default: the email).")
        String name;

        @Option(names = "--network", required = true, paramLabel = "SLUG", description = "The network's slug.")
        String network;

        @Option(names = "--new-network", paramLabel = "NAME",
                description = "Create the network with this name when it does not exist yet.")
        String newNetwork;

        @Option(names = "--role", required = true, description = "network-admin or station-manager.")
        String role;

        @Option(names = "--station", paramLabel = "SLUG", description = "The station a station manager runs.")
        String station;

        @Option(names = "--database-url", paramLabel = "URL", description = "As for migrate.")
        String databaseUrl;

        @Override
        public Integer call() {
            List<ConfigLoader.CommandLineValue> values = new ArrayList<>();
            if (databaseUrl != null) {
                values.add(new ConfigLoader.CommandLineValue(DatabaseConfig.URL, databaseUrl, "--database-url"));
            }
            BarazaConfig config = user.baraza.loadConfig(values);
            Password password = new Password(password());
            try (Database database = Database.open(config.database())) {
                Stores stores = Stores.on(database.jdbi());
                Network net = stores.networks().findBySlug(network).orElseGet(() -> {
                    if (newNetwork == null) {
                        throw new DomainException.NotFound("no network " + network + " (add --new-network NAME to create it)");
                    }
                    return stores.networks().create(network, newNetwork);
                });
                Role granted = role(stores, net);
                User made = stores.users().create(net.id(), new UserDetails(email, name == null ? email : name), password);
                stores.users().grant(made.id(), granted);
                spec.commandLine().getOut().println("added " + made.email() + " (" + made.id() + ") to " + net.slug() + " as " + granted);
            }
            return ExitCode.OK;
        }

        private Role role(Stores stores, Network net) {
            return switch (role) {
                case "network-admin" -> Role.networkAdmin();
                case "station-manager" -> {
                    if (station == null) {
                        throw new DomainException.Invalid("a station manager needs --station SLUG");
                    }
                    Station managed = stores.stations().list(net.id()).stream().filter(s -> s.slug().equals(station)).findFirst()
                            .orElseThrow(() -> new DomainException.NotFound("no station " + station + " in " + net.slug()));
                    yield Role.stationManager(managed.id());
                }
                default -> throw new DomainException.Invalid("--role is network-admin or station-manager, not " + role);
            };
        }

        private String password() {
            String fromEnvironment = user.baraza.environment(PASSWORD_VARIABLE);
            if (fromEnvironment != null) {
                return fromEnvironment;
            }
            try {
                String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                if (line == null) {
                    throw new DomainException.Invalid("no password: set " + PASSWORD_VARIABLE + " or give it on standard input");
                }
                return line;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}

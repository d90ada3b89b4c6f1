package org.baraza.app;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The commands whose parts are not built yet. Each says so, names the issue that brings it, and exits
 * with {@link ExitCode#NOT_BUILT}: nothing pretends to run.
 */
final class NotBuiltCommands {
    private NotBuiltCommands() {
    }

    abstract static class NotBuilt implements Callable<Integer> {
        private final String what;
        private final String issue;

        @Spec
        CommandSpec spec;

        NotBuilt(String what, String issue) {
            this.what = what;
            this.issue = issue;
        }

        @Override
        public Integer call() {
            spec.commandLine().getErr().println("baraza " + spec.name() + ": not built yet: " + what
                    + " arrives with " + issue + ". Today `baraza demo`, `daemon`, `migrate` and `sim` work.");
            return ExitCode.NOT_BUILT;
        }
    }

    @Command(name = "server", mixinStandardHelpOptions = true,
            description = "Run the telephony server: mod_httapi and SMS webhooks, REST API, web console, ZeroMQ hub.")
    static final class Server extends NotBuilt {
        Server() {
            super("the telephony server", "issue #5");
        }
    }

    @Command(name = "all", mixinStandardHelpOptions = true,
            description = "Run the server and a daemon in one process, for small installs.")
    static final class All extends NotBuilt {
        All() {
            super("running the server and a daemon together", "issue #5");
        }
    }
}

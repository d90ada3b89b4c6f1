package org.baraza.sim.internal.esl;

/**
 * The commands of one inbound connection, in the order mod_event_socket's parse_command tries them and with
 * its reply texts: {@code exit}, {@code auth} (nothing else is accepted before it), {@code filter},
 * {@code api}, {@code bgapi}, {@code log}/{@code nolog}, {@code linger}/{@code nolinger} (an inbound
 * connection controls no session, so FreeSWITCH refuses them), {@code event}, {@code nixevent},
 * {@code noevents}; anything else is {@code -ERR command not found}. Used by the connection's reader
 * thread only.
 */
final class EslCommands {
    private final EslConnection connection;
    private final EslServer server;
    private boolean authenticated;
    private boolean logging;

    EslCommands(EslConnection connection, EslServer server) {
        this.connection = connection;
        this.server = server;
    }

    /** Handles one command; false when the connection must end (after {@code exit} or a wrong password). */
    boolean handle(CommandFrame frame) throws InterruptedException {
        String command = frame.command();
        if (startsWith(command, "exit") || command.startsWith("...")) {
            connection.send(EslFrames.commandReply("+OK bye"));
            connection.sayGoodbyeAndClose();
            return false;
        }
        if (!authenticated) {
            return authenticate(command);
        }
        if (startsWith(command, "filter ")) {
            apply(SubscriptionCommands.filter(connection.subscription(), command));
        } else if (startsWith(command, "api ")) {
            api(command.substring(4));
        } else if (startsWith(command, "bgapi ")) {
            backgroundApi(command.substring(6), frame.header("Job-UUID"));
        } else if (startsWith(command, "log")) {
            log(command.length() > 4 ? command.substring(4) : "");
        } else if (startsWith(command, "linger") || startsWith(command, "nolinger")) {
            connection.send(EslFrames.commandReply("-ERR not controlling a session"));
        } else if (startsWith(command, "nolog")) {
            connection.send(EslFrames.commandReply(logging ? "+OK no longer logging" : "-ERR not loging"));
            logging = false;
        } else if (startsWith(command, "event")) {
            apply(SubscriptionCommands.event(connection.subscription(), command));
        } else if (startsWith(command, "nixevent")) {
            apply(SubscriptionCommands.nixevent(connection.subscription(), command));
        } else if (startsWith(command, "noevents")) {
            apply(SubscriptionCommands.noevents(connection.subscription()));
        } else {
            connection.send(EslFrames.commandReply("-ERR command not found"));
        }
        return true;
    }

    private boolean authenticate(String command) {
        if (startsWith(command, "auth ")) {
            if (command.substring(5).equals(server.password())) {
                authenticated = true;
                connection.send(EslFrames.commandReply("+OK accepted"));
                return true;
            }
            connection.send(EslFrames.commandReply("-ERR invalid"));
            connection.sayGoodbyeAndClose();
            return false;
        }
        if (startsWith(command, "userauth ")) {
            // The simulator has no user directory, so every user login fails as an unknown user does.
            connection.send(EslFrames.commandReply("-ERR invalid"));
            connection.sayGoodbyeAndClose();
            return false;
        }
        connection.send(EslFrames.commandReply("-ERR command not found"));
        return true;
    }

    /**
     * {@code log [level]}: accepted with FreeSWITCH's reply, but the simulator has no FreeSWITCH log to
     * stream, so no {@code log/data} frames follow.
     */
    private void log(String level) {
        int number = LogLevels.number(level.isEmpty() ? "debug" : level);
        if (number < 0) {
            connection.send(EslFrames.commandReply("-ERR invalid log level"));
            return;
        }
        logging = true;
        connection.send(EslFrames.commandReply("+OK log level " + level + " [" + number + "]"));
    }

    private void apply(SubscriptionCommands.Outcome outcome) {
        connection.subscription(outcome.subscription());
        connection.send(EslFrames.commandReply(outcome.reply()));
    }

    private void api(String line) throws InterruptedException {
        int space = line.indexOf(' ');
        String name = space < 0 ? line : line.substring(0, space);
        String argument = space < 0 ? null : line.substring(space + 1);
        String reply = connection.awaitApi(name, argument);
        connection.send(EslFrames.apiResponse(reply.isEmpty() ? "-ERR no reply\n" : reply));
    }

    private void backgroundApi(String line, String requestedJobUuid) {
        int space = line.indexOf(' ');
        String name = space < 0 ? line : line.substring(0, space);
        String argument = space < 0 ? null : line.substring(space + 1);
        String jobUuid = requestedJobUuid != null && !requestedJobUuid.isBlank()
                ? requestedJobUuid : EslConnection.newJobUuid();
        connection.send(EslFrames.backgroundJobAccepted(jobUuid));
        server.runInBackground(jobUuid, name, argument);
    }

    private static boolean startsWith(String command, String prefix) {
        return command.regionMatches(true, 0, prefix, 0, prefix.length());
    }
}

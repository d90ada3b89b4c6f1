package org.baraza.sim.internal.api;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

import org.baraza.sim.internal.call.Leg;
import org.baraza.sim.internal.call.Switchboard;
import org.baraza.sim.internal.channel.HangupCause;
import org.baraza.sim.internal.conference.ConferenceApi;
import org.baraza.sim.internal.esl.ApiGateway;
import org.baraza.sim.internal.event.EventSource;

/**
 * The API commands of the simulated switch, with mod_commands' answers: status, originate, show
 * channels/calls, hupall, sched_hangup, version, conference, and the uuid_* commands Baraza uses
 * (uuid_kill, uuid_transfer, uuid_broadcast, uuid_break, uuid_displace, uuid_record, uuid_exists,
 * uuid_getvar, uuid_setvar, uuid_send_dtmf, uuid_answer). A command on a uuid that does not exist answers
 * {@code -ERR No such channel!}; an unknown command {@code -ERR <name> Command not found!}. Every command
 * fires the API event FreeSWITCH fires, numbered when it starts and fired when it returns. Runs on the
 * switch thread: {@link #execute} hops onto it.
 */
public final class ApiCommands implements ApiGateway {
    private static final String NO_SUCH_CHANNEL = "-ERR No such channel!\n";

    private final Switchboard board;
    private final ConferenceApi conference;
    private final ChannelTable table;
    private final Instant started;

    public ApiCommands(Switchboard board, ConferenceApi conference, String hostname) {
        this.board = board;
        this.conference = conference;
        this.table = new ChannelTable(board.events().factory().identity().zone(), hostname);
        this.started = board.loop().now();
    }

    @Override
    public void execute(String command, String argument, Consumer<String> onReply) {
        board.loop().execute(() -> run(command, argument, onReply));
    }

    private void run(String command, String argument, Consumer<String> onReply) {
        long sequence = board.events().factory().reserveSequence();
        Consumer<String> reply = text -> {
            board.events().fire(board.events().factory().start(EventSource.API, sequence)
                    .header("API-Command", command)
                    .header("API-Command-Argument", argument)
                    .build());
            onReply.accept(text);
        };
        String name = command.toLowerCase(Locale.ROOT);
        if (name.equals("originate")) {
            board.originate(argument, reply);
            return;
        }
        reply.accept(immediate(name, command, argument == null ? "" : argument.trim()));
    }

    private String immediate(String name, String command, String arg) {
        return switch (name) {
            case "status" -> StatusReport.render(Duration.between(started, board.loop().now()),
                    board.sessionsSinceStart(), board.legs().size(), board.peakSessions());
            case "version" -> "FreeSWITCH Version " + StatusReport.BUILD + " (" + StatusReport.VERSION + ")\n";
            case "show" -> show(arg);
            case "hupall" -> hupall(arg);
            case "sched_hangup" -> schedHangup(arg);
            case "conference" -> conference.execute(arg);
            case "uuid_kill" -> onLeg(arg, 1, "<uuid> [cause]", (leg, w) -> {
                board.hangup(leg, w.length > 1 ? HangupCause.parse(w[1]).orElse(HangupCause.NORMAL_CLEARING)
                        : HangupCause.NORMAL_CLEARING);
                return "+OK\n";
            });
            case "uuid_answer" -> onLeg(arg, 1, "<uuid>", (leg, w) -> {
                board.answer(leg);
                return "+OK\n";
            });
            case "uuid_exists" -> board.leg(firstWord(arg)).isPresent() ? "true" : "false";
            case "uuid_getvar" -> onLeg(arg, 2, "<uuid> <var>", (leg, w) -> {
                String value = leg.channel().variable(w[1]);
                return value == null ? "_undef_" : value;
            });
            case "uuid_setvar" -> onLeg(arg, 2, "<uuid> <var> [value]", (leg, w) -> {
                leg.channel().variable(w[1], w.length > 2 ? arg.split("\\s+", 3)[2] : null);
                return "+OK\n";
            });
            case "uuid_transfer" -> transfer(arg);
            case "uuid_broadcast" -> broadcast(arg);
            case "uuid_break" -> onLeg(arg, 1, "<uuid> [all]", (leg, w) -> {
                board.breakMedia(leg);
                return "+OK\n";
            });
            case "uuid_displace" -> onLeg(arg, 3, "<uuid> [start|stop] <path> [<limit>] [mux]", (leg, w) -> {
                boolean ok = w[1].equalsIgnoreCase("stop") ? board.displaceStop(leg, w[2]) : board.displaceStart(leg, w[2]);
                return ok ? "+OK Success\n" : "-ERR Error!\n";
            });
            case "uuid_record" -> record(arg);
            case "uuid_send_dtmf" -> onLeg(arg, 2, "<uuid> <dtmf_data>", (leg, w) -> {
                String digits = w[1].split("@")[0];
                board.sendDtmf(leg, digits);
                return "+OK " + leg.uuid() + " sent DTMF " + digits + ".\n";
            });
            default -> "-ERR " + command + " Command not found!\n";
        };
    }

    private interface LegCommand {
        String run(Leg leg, String[] words);
    }

    /** Finds the leg named by the first word, after checking the word count against the usage. */
    private String onLeg(String arg, int minWords, String usage, LegCommand command) {
        String[] words = arg.isEmpty() ? new String[0] : arg.split("\\s+");
        if (words.length < minWords) {
            return "-USAGE: " + usage + "\n";
        }
        Optional<Leg> leg = board.leg(words[0]);
        return leg.map(l -> command.run(l, words)).orElse(NO_SUCH_CHANNEL);
    }

    private String show(String arg) {
        String[] w = arg.toLowerCase(Locale.ROOT).split("\\s+");
        boolean json = arg.toLowerCase(Locale.ROOT).endsWith("as json");
        return switch (w[0]) {
            case "channels" -> w.length > 1 && w[1].equals("count")
                    ? "\n" + board.legs().size() + " total.\n" : table.render(board.legs(), false, json);
            case "calls" -> table.render(board.legs(), true, json);
            default -> "-USAGE: codec|endpoint|application|api|dialplan|file|timer|calls [count]|channels [count|like <match string>]|calls|detailed_calls|bridged_calls|detailed_bridged_calls|aliases|complete|chat|management|modules|nat_map|say|interfaces|interface_types|tasks|limits|status\n";
        };
    }

    private String hupall(String arg) {
        String[] w = arg.isEmpty() ? new String[0] : arg.split("\\s+");
        HangupCause cause = w.length > 0 ? HangupCause.parse(w[0]).orElse(HangupCause.MANAGER_REQUEST)
                : HangupCause.MANAGER_REQUEST;
        if (w.length > 2) {
            board.hangupAll(cause, w[1], w[2]);
            return "+OK hangup all channels matching [" + w[1] + "]=[" + w[2] + "] with cause " + cause.name() + "\n";
        }
        board.hangupAll(cause, null, null);
        return "+OK hangup all channels with cause " + cause.name() + "\n";
    }

    /** {@code sched_hangup +<seconds>|<epoch> <uuid> [cause]}: answered at once, as FreeSWITCH does. */
    private String schedHangup(String arg) {
        String[] w = arg.isEmpty() ? new String[0] : arg.split("\\s+");
        if (w.length < 2) {
            return "-USAGE: [+]<time> <uuid> [<cause>]\n";
        }
        long seconds;
        try {
            seconds = w[0].startsWith("+") ? Long.parseLong(w[0].substring(1))
                    : Long.parseLong(w[0]) - board.loop().now().getEpochSecond();
        } catch (NumberFormatException e) {
            return "-USAGE: [+]<time> <uuid> [<cause>]\n";
        }
        HangupCause cause = w.length > 2 ? HangupCause.parse(w[2]).orElse(HangupCause.ALLOTTED_TIMEOUT)
                : HangupCause.ALLOTTED_TIMEOUT;
        String uuid = w[1];
        board.loop().schedule(Duration.ofSeconds(Math.max(0, seconds)),
                () -> board.leg(uuid).ifPresent(leg -> board.hangup(leg, cause)));
        return "+OK\n";
    }

    private String transfer(String arg) {
        String[] w = arg.isEmpty() ? new String[0] : arg.split("\\s+");
        int at = w.length > 1 && w[1].startsWith("-") ? 2 : 1;
        if (w.length <= at) {
            return "-USAGE: <uuid> [-bleg|-both] <dest-exten> [<dialplan>] [<context>]\n";
        }
        Optional<Leg> leg = board.leg(w[0]);
        if (leg.isEmpty()) {
            return NO_SUCH_CHANNEL;
        }
        String dialplan = w.length > at + 1 ? w[at + 1] : "XML";
        String context = w.length > at + 2 ? w[at + 2] : "default";
        String destination = w[at];
        board.loop().execute(() -> board.transfer(leg.get(), destination, dialplan, context));
        return "+OK\n";
    }

    /** {@code uuid_broadcast}: always "+OK Message sent", as mod_commands answers whatever happens next. */
    private String broadcast(String arg) {
        String[] w = arg.isEmpty() ? new String[0] : arg.split("\\s+");
        if (w.length < 2) {
            return "-USAGE: <uuid> <path> [aleg|bleg|holdb|both]\n";
        }
        String legs = w.length > 2 ? w[2].toLowerCase(Locale.ROOT) : "aleg";
        Optional<Leg> leg = board.leg(w[0]);
        if (leg.isPresent() && (legs.contains("aleg") || legs.contains("both"))) {
            board.loop().execute(() -> {
                if (leg.get().isUp()) {
                    board.broadcast(leg.get(), w[1]);
                }
            });
        }
        return "+OK Message sent\n";
    }

    private String record(String arg) {
        String[] w = arg.isEmpty() ? new String[0] : arg.split("\\s+");
        String usage = "-USAGE: <uuid> [start|stop|mask|unmask] <path> [<limit>] [<recording_vars>]\n";
        if (w.length < 3) {
            return usage;
        }
        Optional<Leg> leg = board.leg(w[0]);
        if (leg.isEmpty()) {
            return NO_SUCH_CHANNEL;
        }
        switch (w[1].toLowerCase(Locale.ROOT)) {
            case "start" -> {
                long limit = 0;
                if (w.length > 3) {
                    try {
                        limit = Long.parseLong(w[3]);
                    } catch (NumberFormatException e) {
                        return usage;
                    }
                }
                board.recordStart(leg.get(), w[2], Duration.ofSeconds(Math.max(0, limit)));
                return "+OK Success\n";
            }
            case "stop" -> {
                return board.recordStop(leg.get(), w[2]) ? "+OK Success\n" : "-ERR Cannot stop record session!\n";
            }
            case "mask", "unmask" -> {
                return "+OK Success\n";
            }
            default -> {
                return usage;
            }
        }
    }

    private static String firstWord(String arg) {
        return arg.isEmpty() ? "" : arg.split("\\s+")[0];
    }
}

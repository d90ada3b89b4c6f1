package org.baraza.sim.internal.conference;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.baraza.sim.internal.channel.HangupCause;
import org.baraza.sim.internal.event.EventSource;

/**
 * The {@code conference} API command (mod_conference's conference_api_main_real): list, json_list, count,
 * play (into the conference or to one member), stop, mute, unmute, deaf, undeaf, kick, hup, lock, unlock,
 * record, norecord, with mod_conference's answers ({@code +OK mute 2}, {@code +OK kicked 2},
 * {@code -ERR Non-Existant ID 9}). Member commands take an id, {@code all}, {@code last} or
 * {@code non_moderator}. Switch thread only.
 */
public final class ConferenceApi {
    private final Conferences conferences;

    public ConferenceApi(Conferences conferences) {
        this.conferences = conferences;
    }

    public String execute(String argument) {
        String[] argv = argument == null ? new String[0] : argument.trim().split("\\s+");
        if (argv.length == 0 || argv[0].isEmpty()) {
            return "-USAGE: conference <conference_name> <command> [<args>]\n";
        }
        long now = conferences.events().nowMicros();
        if (argv[0].equalsIgnoreCase("list") || argv[0].equalsIgnoreCase("json_list")) {
            return argv[0].equalsIgnoreCase("list") ? listAll() : ConferenceListing.jsonList(conferences.all(), now);
        }
        Optional<Conference> found = conferences.find(argv[0]);
        if (found.isEmpty()) {
            return "-ERR Conference " + argv[0] + " not found\n";
        }
        if (argv.length < 2) {
            return "Conference command, not specified.\nTry 'help'\n";
        }
        Conference c = found.get();
        String[] args = Arrays.copyOfRange(argv, 2, argv.length);
        return switch (argv[1].toLowerCase(java.util.Locale.ROOT)) {
            case "list" -> ConferenceListing.list(c);
            case "json_list" -> ConferenceListing.jsonList(List.of(c), now);
            case "count" -> Integer.toString(c.size());
            case "play" -> play(c, args);
            case "stop" -> stop(c, args);
            case "mute", "unmute", "deaf", "undeaf", "kick", "hup" -> members(c, argv[1].toLowerCase(java.util.Locale.ROOT), args);
            case "lock", "unlock" -> lock(c, argv[1].equalsIgnoreCase("lock"));
            case "record" -> record(c, args);
            case "norecord" -> norecord(c, args);
            default -> "Conference command '" + argv[1] + "' not found.\n";
        };
    }

    private String listAll() {
        StringBuilder out = new StringBuilder();
        for (Conference c : conferences.all()) {
            out.append("+OK Conference ").append(c.name()).append(" (").append(c.size()).append(" member")
                    .append(c.size() == 1 ? "" : "s").append(" rate: 8000 flags: running|answered|enforce_min|dynamic|exit_sound|enter_sound)\n")
                    .append(ConferenceListing.list(c));
        }
        return out.toString();
    }

    /**
     * {@code play <file> [async|<member_id> [nomux]]} as conference_api_sub_play reads it: a trailing
     * {@code async} is taken off first; then a file alone plays into the conference, a file and a member id to
     * that member only.
     */
    private String play(Conference c, String[] args) {
        if (args.length == 0) {
            return "play <file_path> [async|<member_id> [nomux]]\n";
        }
        boolean async = (args.length == 2 || args.length == 3) && args[args.length - 1].equalsIgnoreCase("async");
        int words = async ? args.length - 1 : args.length;
        if (words >= 2) {
            return playToMember(c, args[0], args[1]);
        }
        if (!conferences.files().play(c, args[0], async)) {
            return "-ERR (play) File: " + args[0] + " not found.\n";
        }
        ConferenceEvents events = conferences.events();
        events.fire(events.conference(EventSource.CONFERENCE_PLAY_FILE, c).header("Action", "play-file")
                .header("File", args[0]).header("Async", async));
        return "+OK (play) Playing file " + args[0] + "\n";
    }

    /** FreeSWITCH 1.10.12 words these as it words the conference-wide play: +OK and -ERR in front. */
    private String playToMember(Conference c, String file, String memberId) {
        int id = memberId(memberId);
        Optional<Member> member = c.member(id);
        if (member.isEmpty()) {
            return "-ERR Member: " + id + " not found.\n";
        }
        if (!conferences.files().playToMember(c, member.get(), file)) {
            return "-ERR (play) File: " + file + " not found.\n";
        }
        ConferenceEvents events = conferences.events();
        events.fire(events.factory().start(EventSource.CONFERENCE_PLAY_FILE_MEMBER)
                .headers(ConferenceEvents.memberData(c, member.get()))
                .header("Action", "play-file-member").header("File", file));
        return "+OK (play) Playing file " + file + " to member " + id + "\n";
    }

    /** {@code stop <[current|all|async|last]> [<member_id>]}: the conference's files, or one member's. */
    private String stop(Conference c, String[] args) {
        ConferenceFiles.Stop which = ConferenceFiles.Stop.CURRENT;
        if (args.length > 0) {
            try {
                which = ConferenceFiles.Stop.valueOf(args[0].toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                return "stop <[current|all|async|last]> [<member_id>]\n";
            }
        }
        if (args.length > 1) {
            ConferenceFiles.Stop memberFiles = which;
            int stopped = c.member(memberId(args[1])).map(m -> conferences.files().stopMember(c, m, memberFiles))
                    .orElse(0);
            return "+OK Stopped " + stopped + " files\n";
        }
        return "+OK Stopped " + conferences.files().stop(c, which) + " files\n";
    }

    /** A member id as mod_conference reads one (atoi): anything that is not a number is 0, which no member has. */
    private static int memberId(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private String members(Conference c, String command, String[] args) {
        if (args.length == 0) {
            return command + " <[member_id|all|last|non_moderator]>\n";
        }
        List<Member> targets = new ArrayList<>();
        String target = args[0];
        switch (target.toLowerCase(java.util.Locale.ROOT)) {
            case "all" -> targets.addAll(c.members());
            case "last" -> c.members().stream().reduce((a, b) -> b).ifPresent(targets::add);
            case "non_moderator" -> c.members().stream().filter(m -> !m.moderator()).forEach(targets::add);
            default -> {
                int id;
                try {
                    id = Integer.parseInt(target);
                } catch (NumberFormatException e) {
                    return command + " <[member_id|all|last|non_moderator]>\n";
                }
                Optional<Member> m = c.member(id);
                if (m.isEmpty()) {
                    return "-ERR Non-Existant ID " + id + "\n";
                }
                targets.add(m.get());
            }
        }
        StringBuilder out = new StringBuilder();
        for (Member m : targets) {
            out.append(member(c, m, command));
        }
        return out.toString();
    }

    private String member(Conference c, Member m, String command) {
        ConferenceEvents events = conferences.events();
        switch (command) {
            case "mute" -> {
                m.canSpeak(false);
                events.member(EventSource.CONFERENCE_MUTE, c, m, "mute-member");
                return "+OK mute " + m.id() + "\n";
            }
            case "unmute" -> {
                m.canSpeak(true);
                events.member(EventSource.CONFERENCE_UNMUTE, c, m, "unmute-member");
                return "+OK unmute " + m.id() + "\n";
            }
            case "deaf" -> {
                m.canHear(false);
                events.member(EventSource.CONFERENCE_DEAF, c, m, "deaf-member");
                return "+OK deaf " + m.id() + "\n";
            }
            case "undeaf" -> {
                m.canHear(true);
                events.member(EventSource.CONFERENCE_UNDEAF, c, m, "undeaf-member");
                return "+OK undeaf " + m.id() + "\n";
            }
            case "kick" -> {
                events.member(EventSource.CONFERENCE_KICK, c, m, "kick-member");
                conferences.leave(c, m, true);
                return "+OK kicked " + m.id() + "\n";
            }
            default -> {
                events.member(EventSource.CONFERENCE_HUP, c, m, "hup-member");
                conferences.leave(c, m, true);
                conferences.board().hangup(m.leg(), HangupCause.NORMAL_CLEARING);
                return "+OK hup " + m.id() + "\n";
            }
        }
    }

    private String lock(Conference c, boolean lock) {
        c.locked(lock);
        ConferenceEvents events = conferences.events();
        events.fire(events.conference(lock ? EventSource.CONFERENCE_LOCK : EventSource.CONFERENCE_UNLOCK, c)
                .header("Action", lock ? "lock" : "unlock"));
        return "+OK " + c.name() + (lock ? " locked\n" : " unlocked\n");
    }

    private String record(Conference c, String[] args) {
        if (args.length == 0) {
            return "record <filename>\n";
        }
        ConferenceRecorder.start(conferences, c, args[0]);
        return "+OK Record file " + args[0] + "\n";
    }

    private String norecord(Conference c, String[] args) {
        if (args.length == 0) {
            return "norecord <[filename|all]>\n";
        }
        List<String> paths = args[0].equalsIgnoreCase("all") ? List.copyOf(c.recordings.keySet()) : List.of(args[0]);
        StringBuilder out = new StringBuilder();
        for (String path : paths) {
            if (ConferenceRecorder.stop(conferences, c, path)) {
                out.append("Stopped recording file ").append(path).append('\n');
            }
        }
        // FreeSWITCH 1.10.12 reports 0 here even when it stopped a file (see "conference record" in
        // commands.log); the simulator answers the same.
        return out.append("+OK Stopped recording 0 files\n").toString();
    }
}

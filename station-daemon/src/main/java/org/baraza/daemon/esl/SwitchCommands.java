package org.baraza.daemon.esl;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The FreeSWITCH commands Baraza uses, and nothing else: originate, move a leg into a conference, hang up,
 * play into and stop a conference, list the live channels. Each builds its command line from checked
 * values and reads the reply, as the transcripts in {@code shared/freeswitch-1.10.12} show it.
 *
 * <p>Thread-safe; results complete on the connection's command threads.
 */
public final class SwitchCommands {

    /** What an originate came to: the leg answered, or FreeSWITCH's cause for failing (USER_BUSY, NO_ANSWER ...). */
    public sealed interface Originated {
        record Answered(UUID uuid) implements Originated {
        }

        record Failed(String cause) implements Originated {
        }
    }

    // Channel variable names and values go inside {...} unquoted: keep them to characters that need no escaping.
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_.:@+/=-]{1,200}");
    private static final Pattern CONFERENCE = Pattern.compile("[A-Za-z0-9_.-]{1,100}");
    private static final Pattern FLAG = Pattern.compile("[a-z][a-z-]{1,30}");
    private static final Pattern PATH = Pattern.compile("[A-Za-z0-9_./:!%(),=-]{1,1000}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final EslConnection esl;
    private final String conferenceProfile;
    /** Guards {@link #channelsAsked} and {@link #channelsNext}. */
    private final Object channelsLock = new Object();
    /** The {@code show channels} sent and not yet answered, if one is. */
    private CompletableFuture<Set<UUID>> channelsAsked;
    /** What those who asked while it was out get: the next one, sent when it is answered. */
    private CompletableFuture<Set<UUID>> channelsNext;

    /** @param conferenceProfile the conference profile Baraza's conferences use ({@code radio} in freeswitch-conf) */
    public SwitchCommands(EslConnection esl, String conferenceProfile) {
        this.esl = esl;
        this.conferenceProfile = requireSafe("conference profile", conferenceProfile);
    }

    public EslConnection connection() {
        return esl;
    }

    /**
     * {@code bgapi originate {origination_uuid=...,vars}dialString &park()}: completes when the far end answers
     * (the leg is then parked) or the call fails.
     */
    public CompletableFuture<Originated> originateParked(UUID uuid, Map<String, String> variables, String dialString) {
        return originate(uuid, variables, dialString, "&park()");
    }

    /** As {@link #originateParked}, the answered leg joining {@code conference} straight away. */
    public CompletableFuture<Originated> originateIntoConference(UUID uuid, Map<String, String> variables, String dialString,
                                                                 String conference) {
        return originate(uuid, variables, dialString, "&conference(" + conference(conference) + "@" + conferenceProfile + ")");
    }

    /**
     * {@code bgapi originate {origination_uuid=...,vars}dialString <extension> XML default}: the answered leg
     * runs the dialplan's extension (a listener called back goes to {@code baraza-callback}, which hands the
     * call to the webhook). Completes when the far end answers or the call fails.
     */
    public CompletableFuture<Originated> originateToExtension(UUID uuid, Map<String, String> variables, String dialString,
                                                              String extension) {
        return originate(uuid, variables, dialString, requireSafe("extension", extension) + " XML default");
    }

    /** {@code uuid_transfer <uuid> conference:<name>@<profile> inline}: the leg leaves where it is for the conference. */
    public CompletableFuture<Void> moveToConference(UUID leg, String conference) {
        return moveToConference(leg, conference, Set.of());
    }

    /** As {@link #moveToConference(UUID, String)}, joining with member flags ({@code mute}, {@code moderator} ...). */
    public CompletableFuture<Void> moveToConference(UUID leg, String conference, Set<String> flags) {
        return ok(esl.api("uuid_transfer", leg + " conference:" + conference(conference) + "@" + conferenceProfile
                + memberFlags(flags) + " inline"), "move " + leg + " into " + conference);
    }

    /** {@code conference <name> play <path> <member_id>}: only that member hears it. */
    public CompletableFuture<Void> playToMember(String conference, int member, String path) {
        return ok(esl.api("conference", conference(conference) + " play " + path(path) + " " + member),
                "play " + path + " to member " + member + " of " + conference);
    }

    /** {@code conference <name> mute|unmute|kick <member_id>}. */
    public CompletableFuture<Void> member(String conference, MemberAction action, int member) {
        return ok(esl.api("conference", conference(conference) + " " + action.name().toLowerCase(Locale.ROOT) + " "
                + member), action.name().toLowerCase(Locale.ROOT) + " member " + member + " of " + conference);
    }

    /** What Baraza does to a conference member. */
    public enum MemberAction { MUTE, UNMUTE, KICK }

    /** {@code uuid_broadcast <uuid> <path> aleg}: a leg outside any conference (parked) hears the file. */
    public CompletableFuture<Void> playToLeg(UUID leg, String path) {
        return ok(esl.api("uuid_broadcast", leg + " " + path(path) + " aleg"), "play " + path + " to " + leg);
    }

    /** {@code uuid_kill <uuid>}; a leg that is already gone counts as hung up. */
    public CompletableFuture<Void> hangup(UUID leg) {
        return esl.api("uuid_kill", leg.toString()).thenAccept(reply -> {
            if (!reply.startsWith("+OK") && !reply.contains("No such channel")) {
                throw new SwitchException("hang up " + leg + ": " + reply);
            }
        });
    }

    /** {@code conference <name> play <path>}; fails with FreeSWITCH's words when the file cannot play. */
    public CompletableFuture<Void> play(String conference, String path) {
        return ok(esl.api("conference", conference(conference) + " play " + path), "play " + path + " into " + conference);
    }

    /** {@code conference <name> stop}: stops what plays into the conference. */
    public CompletableFuture<Void> stop(String conference) {
        return ok(esl.api("conference", conference(conference) + " stop"), "stop " + conference);
    }

    /**
     * The uuids of a conference's members ({@code conference <name> json_list}); none when the conference
     * does not exist (FreeSWITCH answers {@code -ERR Conference <name> not found}).
     */
    public CompletableFuture<Set<UUID>> members(String conference) {
        return esl.api("conference", conference(conference) + " json_list").thenApply(reply -> {
            if (reply.startsWith("-ERR")) {
                return Set.of();
            }
            Set<UUID> members = new HashSet<>();
            try {
                for (JsonNode each : JSON.readTree(reply)) {
                    for (JsonNode member : each.path("members")) {
                        members.add(UUID.fromString(member.path("uuid").asText()));
                    }
                }
            } catch (Exception e) {
                throw new SwitchException("cannot read conference " + conference + " json_list: " + e.getMessage(), e);
            }
            return members;
        });
    }

    /**
     * The uuids of the channels up on the node ({@code show channels as json}), for reconciliation; immutable. A
     * daemon's stations all ask at once when the event socket comes back, and each answer lists every channel on
     * the node (a thousand stations, a thousand lists of thousands of channels, and FreeSWITCH answering them one
     * by one): so one list is asked at a time. Whoever asks while one is out gets the next, which is sent as soon
     * as that one is answered and is shared by all of them. Never an answer older than the call to this: a
     * station that has just dialled a leg finds it in the list.
     */
    public CompletableFuture<Set<UUID>> liveChannels() {
        CompletableFuture<Set<UUID>> send;
        synchronized (channelsLock) {
            if (channelsAsked != null) {
                if (channelsNext == null) {
                    channelsNext = new CompletableFuture<>();
                }
                return channelsNext;
            }
            channelsAsked = new CompletableFuture<>();
            send = channelsAsked;
        }
        askChannels(send);
        return send;
    }

    private void askChannels(CompletableFuture<Set<UUID>> answer) {
        CompletableFuture<Set<UUID>> asked;
        try {
            asked = esl.api("show", "channels as json").thenApply(SwitchCommands::channelUuids);
        } catch (RuntimeException e) {
            asked = CompletableFuture.failedFuture(e);
        }
        asked.whenComplete((uuids, failure) -> {
            CompletableFuture<Set<UUID>> next;
            synchronized (channelsLock) {
                next = channelsNext;
                channelsNext = null;
                channelsAsked = next;
            }
            if (failure != null) {
                answer.completeExceptionally(failure);
            } else {
                answer.complete(uuids);
            }
            if (next != null) {
                askChannels(next);
            }
        });
    }

    private CompletableFuture<Originated> originate(UUID uuid, Map<String, String> variables, String dialString,
                                                    String application) {
        StringJoiner vars = new StringJoiner(",", "{", "}");
        vars.add("origination_uuid=" + uuid);
        variables.forEach((name, value) -> vars.add(requireSafe("variable name", name) + "=" + requireSafe(name, value)));
        String arg = vars + requireSafe("dial string", dialString) + " " + application;
        return esl.bgapi("originate", arg).thenApply(result -> {
            if (result.startsWith("+OK")) {
                return new Originated.Answered(uuid);
            }
            String cause = result.startsWith("-ERR") ? result.substring(4).strip() : result.strip();
            return new Originated.Failed(cause.isEmpty() ? "UNKNOWN" : cause);
        });
    }

    private static CompletableFuture<Void> ok(CompletableFuture<String> reply, String what) {
        return reply.thenAccept(text -> {
            if (!text.startsWith("+OK")) {
                throw new SwitchException(what + ": " + text.strip());
            }
        });
    }

    static Set<UUID> channelUuids(String json) {
        List<UUID> uuids = new ArrayList<>();
        try {
            JsonNode rows = JSON.readTree(json).path("rows");
            for (JsonNode row : rows) {
                uuids.add(UUID.fromString(row.path("uuid").asText()));
            }
        } catch (Exception e) {
            throw new SwitchException("cannot read show channels as json: " + e.getMessage(), e);
        }
        return Set.copyOf(uuids);
    }

    private static String memberFlags(Set<String> flags) {
        if (flags.isEmpty()) {
            return "";
        }
        flags.forEach(flag -> {
            if (!FLAG.matcher(flag).matches()) {
                throw new IllegalArgumentException("not a conference member flag: " + flag);
            }
        });
        return "+flags{" + String.join("|", new TreeSet<>(flags)) + "}";
    }

    /** A file path or {@code file_string://a!b}: no spaces or characters the command line would split on. */
    private static String path(String path) {
        if (path == null || !PATH.matcher(path).matches()) {
            throw new IllegalArgumentException("a file path FreeSWITCH cannot take on a command line: " + path);
        }
        return path;
    }

    private static String conference(String name) {
        if (name == null || !CONFERENCE.matcher(name).matches()) {
            throw new IllegalArgumentException("not a conference name Baraza uses: " + name);
        }
        return name;
    }

    private static String requireSafe(String what, String value) {
        if (value == null || !SAFE.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " has characters FreeSWITCH would read as syntax: " + value);
        }
        return value;
    }
}

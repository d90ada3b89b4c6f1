package org.baraza.programs.line;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.baraza.core.Ids.PollId;
import org.baraza.core.Ids.PollOptionId;
import org.baraza.core.Ids.StationId;
import org.baraza.core.hub.CallDocument;
import org.baraza.core.hub.CallDocument.Answer;
import org.baraza.core.hub.CallDocument.Hangup;
import org.baraza.core.hub.CallDocument.Join;
import org.baraza.core.hub.CallDocument.Menu;
import org.baraza.core.hub.CallDocument.Play;
import org.baraza.core.hub.CallDocument.Record;
import org.baraza.core.hub.CallDocument.Step;
import org.baraza.core.poll.Poll;
import org.baraza.core.poll.PollOption;
import org.baraza.programs.line.Outcome.Reply;

/**
 * Stations, airs and requests for the listener line's tables: a station in English and Swahili that lets a
 * call ring 8 s, and one in English only that answers at once. Prompts live in {@code /prompts/<language>/}.
 */
final class LineFixtures {

    static final Prompts PROMPTS = new Prompts() {
        @Override
        public String path(String language, String name) {
            return "/prompts/" + language + "/" + name + ".wav";
        }

        @Override
        public String number(String language, int n) {
            return "/prompts/" + language + "/" + n + ".wav";
        }
    };

    static final Duration RING = Duration.ofSeconds(8);
    static final Duration LONGEST = Duration.ofMinutes(2);
    static final ListenerLine LINE = new ListenerLine(new Settings(List.of("en", "sw"), "radio", RING, LONGEST, 3), PROMPTS);
    static final ListenerLine ENGLISH = new ListenerLine(new Settings(List.of("en"), "radio", Duration.ZERO, LONGEST, 3), PROMPTS);

    static final Air LIVE_SHOW = Air.onAir("airing-42", true);
    static final Air ON_AIR = Air.onAir("airing-41", false);
    static final String SONG_A = "/media/song-a.wav";
    static final String SONG_B = "/media/song-b.wav";
    static final String SONG_C = "/media/song-c.wav";
    static final Air FILLER = Air.offAir(List.of(SONG_A, SONG_B, SONG_C));
    static final Air SILENT = Air.offAir(List.of());

    /** A poll of the station: yes on key 1, no on key 2, and "maybe" by SMS only. */
    static final PollOption YES = new PollOption(new PollOptionId(51), new PollId(5), 1, "Yes", "YES", "1", null);
    static final PollOption NO = new PollOption(new PollOptionId(52), new PollId(5), 2, "No", "NO", "2", null);
    static final PollOption MAYBE = new PollOption(new PollOptionId(53), new PollId(5), 3, "Maybe", "MAYBE", null, null);
    static final Poll POLL = new Poll(new PollId(5), new StationId(1), null, "Move the market to Tuesday?",
            Instant.parse("2025-06-01T06:00:00Z"), Instant.parse("2025-06-02T06:00:00Z"), Instant.parse("2025-06-01T05:00:00Z"),
            List.of(MAYBE, NO, YES));
    static final Air POLLING = ON_AIR.withPoll(POLL);

    static final Map<String, String> LISTENER = Map.of("baraza_role", "listener");
    static final Answer ANSWER = new Answer();
    static final Hangup HANGUP = new Hangup("NORMAL_CLEARING");
    static final Set<String> MUTE = Set.of("mute");
    static final Record RECORD = new Record("message.wav", LONGEST, "tone_stream://%(500,0,800)", "message");
    static final Menu LANGUAGES = new Menu(List.of(en("language-choice"), en("1"), sw("language-choice"), sw("2")), "12",
            Duration.ofSeconds(5), "choice");

    private LineFixtures() {
    }

    /** The params of a call at {@code step}, in {@code language}, its menu played {@code tries} times, filler at {@code fill}. */
    static Map<String, String> at(String step, String language, int tries, int fill) {
        return at(step, language, tries, fill, 0);
    }

    /** The same, having been read the answers of poll {@code poll}. */
    static Map<String, String> at(String step, String language, int tries, int fill, long poll) {
        return Map.of("bz_step", step, "bz_lang", language, "bz_tries", Integer.toString(tries), "bz_fill", Integer.toString(fill),
                "bz_poll", Long.toString(poll));
    }

    /** {@code params} with the key a menu collected. */
    static Map<String, String> pressed(Map<String, String> params, String key) {
        Map<String, String> with = new HashMap<>(params);
        with.put("choice", key);
        return with;
    }

    /** A request on an answered call, neither a call-back nor uploading anything. */
    static Request answered(Map<String, String> params) {
        return new Request(params, true, false, Optional.empty(), false);
    }

    /** A request on a call not answered yet. */
    static Request ringing(Map<String, String> params) {
        return new Request(params, false, false, Optional.empty(), false);
    }

    /** A request on an answered call that uploaded the listener's message, stored as recording {@code id}. */
    static Request recorded(Map<String, String> params, long id) {
        return new Request(params, true, false, Optional.of(id), false);
    }

    /** A call-back's first request (the station's call was answered by the listener). */
    static Request callBack() {
        return new Request(Map.of(), true, true, Optional.empty(), false);
    }

    /** The last request of a call whose caller hung up. */
    static Request exiting(Map<String, String> params, boolean answered) {
        return new Request(params, answered, false, Optional.empty(), true);
    }

    static String en(String name) {
        return "/prompts/en/" + name + ".wav";
    }

    static String sw(String name) {
        return "/prompts/sw/" + name + ".wav";
    }

    static Play play(String... files) {
        return new Play(List.of(files));
    }

    static Menu menu(String keys, String... files) {
        return new Menu(List.of(files), keys, Duration.ofSeconds(5), "choice");
    }

    static Join join(String conference) {
        return new Join(conference, "radio", MUTE);
    }

    static CallDocument document(Map<String, String> params, Step... steps) {
        return CallDocument.of(params, steps);
    }

    /** The line's answer: this document. */
    static Outcome reply(Map<String, String> params, Step... steps) {
        return new Reply(document(params, steps));
    }

    /** A call's first document: it names the caller's role on their leg. */
    static CallDocument firstDocument(Map<String, String> params, Step... steps) {
        return new CallDocument(params, LISTENER, List.of(steps));
    }

    /** One row of a table: given a request and what is on air, then this outcome. */
    record Row(String name, ListenerLine line, Request given, Air air, Outcome then) {
        @Override
        public String toString() {
            return name;
        }
    }
}

package org.baraza.programs.line;

import static org.assertj.core.api.Assertions.assertThat;
import static org.baraza.programs.line.LineFixtures.ANSWER;
import static org.baraza.programs.line.LineFixtures.ENGLISH;
import static org.baraza.programs.line.LineFixtures.HANGUP;
import static org.baraza.programs.line.LineFixtures.LANGUAGES;
import static org.baraza.programs.line.LineFixtures.LINE;
import static org.baraza.programs.line.LineFixtures.LONGEST;
import static org.baraza.programs.line.LineFixtures.ON_AIR;
import static org.baraza.programs.line.LineFixtures.PROMPTS;
import static org.baraza.programs.line.LineFixtures.RING;
import static org.baraza.programs.line.LineFixtures.answered;
import static org.baraza.programs.line.LineFixtures.at;
import static org.baraza.programs.line.LineFixtures.callBack;
import static org.baraza.programs.line.LineFixtures.document;
import static org.baraza.programs.line.LineFixtures.en;
import static org.baraza.programs.line.LineFixtures.exiting;
import static org.baraza.programs.line.LineFixtures.firstDocument;
import static org.baraza.programs.line.LineFixtures.menu;
import static org.baraza.programs.line.LineFixtures.play;
import static org.baraza.programs.line.LineFixtures.pressed;
import static org.baraza.programs.line.LineFixtures.reply;
import static org.baraza.programs.line.LineFixtures.ringing;
import static org.baraza.programs.line.LineFixtures.sw;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.baraza.core.hub.CallDocument.Menu;
import org.baraza.core.hub.CallDocument.Pause;
import org.baraza.programs.line.LineFixtures.Row;
import org.baraza.programs.line.Outcome.MissedCall;
import org.baraza.programs.line.Outcome.Reply;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** How a listener's call starts: the ring, the answer, a call-back's greeting, the language menu; and how it ends. */
class ListenerLineStartTest {

    /** A station in English only that lets a call ring before answering. */
    private static final ListenerLine RINGING_ENGLISH =
            new ListenerLine(new Settings(List.of("en"), "radio", RING, LONGEST, 3), PROMPTS);
    /** A station with as many languages as one key can choose: the tenth is on key 0. */
    private static final List<String> TEN = List.of("en", "sw", "fr", "pt", "ar", "ha", "yo", "ig", "zu", "am");
    private static final ListenerLine BABEL = new ListenerLine(new Settings(TEN, "radio", Duration.ZERO, LONGEST, 3), PROMPTS);

    static List<Row> firstRequests() {
        return List.of(
                new Row("a new call rings unanswered for the ring time, and nothing else", LINE, ringing(Map.of()), ON_AIR,
                        new Reply(firstDocument(at("ring", "en", 0, 0), new Pause(RING)))),
                new Row("after the ring the line answers and asks for a language", LINE, ringing(at("ring", "en", 0, 0)),
                        ON_AIR, reply(at("language", "en", 1, 0), ANSWER, LANGUAGES)),
                new Row("after the ring a call FreeSWITCH answered is not answered again", LINE,
                        answered(at("ring", "en", 0, 0)), ON_AIR, reply(at("language", "en", 1, 0), LANGUAGES)),
                new Row("a call answered before its first request does not ring", LINE, answered(Map.of()), ON_AIR,
                        new Reply(firstDocument(at("language", "en", 1, 0), LANGUAGES))),
                new Row("a call-back does not ring, and is greeted before the language menu", LINE, callBack(), ON_AIR,
                        new Reply(firstDocument(at("language", "en", 1, 0), play(en("callback-welcome")), LANGUAGES))),
                new Row("a call-back not answered yet is answered before its greeting", LINE,
                        new Request(Map.of(), false, true, Optional.empty(), false), ON_AIR,
                        new Reply(firstDocument(at("language", "en", 1, 0), ANSWER, play(en("callback-welcome")), LANGUAGES))),
                new Row("a station in one language that answers at once plays its main menu first", ENGLISH,
                        ringing(Map.of()), ON_AIR,
                        new Reply(firstDocument(at("main", "en", 1, 0), ANSWER, menu("123", en("welcome"))))),
                new Row("a call-back to a station in one language is greeted before the main menu", ENGLISH, callBack(),
                        ON_AIR, new Reply(firstDocument(at("main", "en", 1, 0), play(en("callback-welcome")),
                                menu("123", en("welcome"))))),
                new Row("a station in one language that rings first plays its main menu after the ring", RINGING_ENGLISH,
                        ringing(at("ring", "en", 0, 0)), ON_AIR,
                        reply(at("main", "en", 1, 0), ANSWER, menu("123", en("welcome")))));
    }

    static List<Row> languageMenu() {
        Map<String, String> played = at("language", "en", 1, 0);
        return List.of(
                new Row("key 2 chooses Swahili, and the main menu speaks it", LINE, answered(pressed(played, "2")), ON_AIR,
                        reply(at("main", "sw", 1, 0), menu("123", sw("welcome")))),
                new Row("key 1 chooses English", LINE, answered(pressed(played, "1")), ON_AIR,
                        reply(at("main", "en", 1, 0), menu("123", en("welcome")))),
                new Row("a key no language has plays the language menu again, without not-a-choice", LINE,
                        answered(pressed(played, "7")), ON_AIR, reply(at("language", "en", 2, 0), LANGUAGES)),
                new Row("no key plays the language menu again", LINE, answered(at("language", "en", 2, 0)), ON_AIR,
                        reply(at("language", "en", 3, 0), LANGUAGES)),
                new Row("two keys at once are no language", LINE, answered(pressed(played, "12")), ON_AIR,
                        reply(at("language", "en", 2, 0), LANGUAGES)),
                new Row("an empty key is no language", LINE, answered(pressed(played, "")), ON_AIR,
                        reply(at("language", "en", 2, 0), LANGUAGES)),
                new Row("after the last try a caller who chose none goes on in the first language", LINE,
                        answered(pressed(at("language", "en", 3, 0), "9")), ON_AIR,
                        reply(at("main", "en", 1, 0), menu("123", en("welcome")))),
                new Row("after the last try the first language wins over the one the params carried", LINE,
                        answered(at("language", "sw", 3, 0)), ON_AIR, reply(at("main", "en", 1, 0), menu("123", en("welcome")))),
                new Row("ten languages are offered on keys 1 to 9, then 0", BABEL, answered(Map.of()), ON_AIR,
                        new Reply(firstDocument(at("language", "en", 1, 0), tenLanguages()))),
                new Row("key 0 chooses the tenth language", BABEL, answered(pressed(at("language", "en", 1, 0), "0")), ON_AIR,
                        reply(at("main", "am", 1, 0), menu("123", "/prompts/am/welcome.wav"))),
                new Row("key 9 chooses the ninth language", BABEL, answered(pressed(at("language", "en", 1, 0), "9")), ON_AIR,
                        reply(at("main", "zu", 1, 0), menu("123", "/prompts/zu/welcome.wav"))));
    }

    static List<Row> exits() {
        return List.of(
                new Row("hanging up while the line lets it ring is a missed call", LINE, exiting(at("ring", "en", 0, 0), false),
                        ON_AIR, new MissedCall(document(at("bye", "en", 0, 0), HANGUP))),
                new Row("hanging up after the ring on a call FreeSWITCH answered is no missed call", LINE,
                        exiting(at("ring", "en", 0, 0), true), ON_AIR, reply(at("bye", "en", 0, 0), HANGUP)),
                new Row("hanging up in a menu is no missed call, and keeps the language and the filler's place", LINE,
                        exiting(at("main", "sw", 2, 1), true), ON_AIR, reply(at("bye", "sw", 0, 1), HANGUP)),
                new Row("hanging up in a menu not answered yet is no missed call either", LINE,
                        exiting(at("language", "en", 1, 0), false), ON_AIR, reply(at("bye", "en", 0, 0), HANGUP)),
                new Row("hanging up before the first document is no missed call", LINE, exiting(Map.of(), false), ON_AIR,
                        reply(at("bye", "en", 0, 0), HANGUP)),
                new Row("hanging up while recording just hangs up: the upload is the server's", LINE,
                        new Request(at("record", "sw", 0, 0), true, false, Optional.of(17L), true), ON_AIR,
                        reply(at("bye", "sw", 0, 0), HANGUP)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"firstRequests", "languageMenu", "exits"})
    void answersTheRequest(Row row) {
        assertThat(row.line().next(row.given(), row.air())).isEqualTo(row.then());
    }

    private static Menu tenLanguages() {
        String keys = "1234567890";
        List<String> files = new ArrayList<>();
        for (int i = 0; i < TEN.size(); i++) {
            files.add("/prompts/" + TEN.get(i) + "/language-choice.wav");
            files.add("/prompts/" + TEN.get(i) + "/" + keys.charAt(i) + ".wav");
        }
        return new Menu(files, keys, Duration.ofSeconds(5), "choice");
    }
}

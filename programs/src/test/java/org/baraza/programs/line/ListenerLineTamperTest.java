package org.baraza.programs.line;

import static org.assertj.core.api.Assertions.assertThat;
import static org.baraza.programs.line.LineFixtures.ANSWER;
import static org.baraza.programs.line.LineFixtures.ENGLISH;
import static org.baraza.programs.line.LineFixtures.HANGUP;
import static org.baraza.programs.line.LineFixtures.LANGUAGES;
import static org.baraza.programs.line.LineFixtures.LINE;
import static org.baraza.programs.line.LineFixtures.LIVE_SHOW;
import static org.baraza.programs.line.LineFixtures.RING;
import static org.baraza.programs.line.LineFixtures.answered;
import static org.baraza.programs.line.LineFixtures.at;
import static org.baraza.programs.line.LineFixtures.document;
import static org.baraza.programs.line.LineFixtures.en;
import static org.baraza.programs.line.LineFixtures.exiting;
import static org.baraza.programs.line.LineFixtures.firstDocument;
import static org.baraza.programs.line.LineFixtures.menu;
import static org.baraza.programs.line.LineFixtures.pressed;
import static org.baraza.programs.line.LineFixtures.reply;
import static org.baraza.programs.line.LineFixtures.ringing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.baraza.core.hub.CallDocument.Pause;
import org.baraza.programs.line.Outcome.MissedCall;
import org.baraza.programs.line.Outcome.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Params the line never wrote (tampered with, or left over from other settings) start the call afresh in
 * the first language, and never throw: FreeSWITCH echoes them, but a caller's network can send anything.
 */
class ListenerLineTamperTest {

    /** The params of a call that rang unanswered, in English: each row changes one of them. */
    private static final Map<String, String> RANG = at("ring", "en", 0, 0);

    /** Params the line never writes: {@link #RANG} with one thing changed. */
    record Tampered(String name, Map<String, String> params) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Tampered> tampered() {
        return List.of(
                new Tampered("an unknown step", with("bz_step", "dance")),
                new Tampered("the step of a call's first request, which the line never sends", with("bz_step", "new")),
                new Tampered("a step in capitals", with("bz_step", "RING")),
                new Tampered("no step", without("bz_step")),
                new Tampered("no language", without("bz_lang")),
                new Tampered("a language the station does not offer", with("bz_lang", "fr")),
                new Tampered("a language that is a path", with("bz_lang", "../sw")),
                new Tampered("a language in capitals", with("bz_lang", "SW")),
                new Tampered("no tries", without("bz_tries")),
                new Tampered("negative tries", with("bz_tries", "-1")),
                new Tampered("tries that are not a number", with("bz_tries", "two")),
                new Tampered("tries too large for an int", with("bz_tries", "99999999999999999999")),
                new Tampered("more tries than a menu is played", with("bz_tries", "4")),
                new Tampered("tries with a leading zero", with("bz_tries", "01")),
                new Tampered("empty tries", with("bz_tries", "")),
                new Tampered("no filler place", without("bz_fill")),
                new Tampered("a negative filler place", with("bz_fill", "-1")),
                new Tampered("a filler place with a sign", with("bz_fill", "+1")),
                new Tampered("a filler place that is not a number", with("bz_fill", "1e3")),
                new Tampered("a filler place of ten digits", with("bz_fill", "1000000000")),
                new Tampered("a filler place too large for a long", with("bz_fill", "123456789012345678901234567890")),
                new Tampered("no poll", without("bz_poll")),
                new Tampered("a negative poll", with("bz_poll", "-5")),
                new Tampered("a poll that is not a number", with("bz_poll", "five")),
                new Tampered("a poll with a leading zero", with("bz_poll", "05")),
                new Tampered("a poll too large for a long", with("bz_poll", "9223372036854775808")));
    }

    @ParameterizedTest(name = "{0} on an answered call starts afresh with the language menu")
    @MethodSource("tampered")
    void startsAfresh(Tampered tampered) {
        assertThat(LINE.next(answered(tampered.params()), LIVE_SHOW))
                .isEqualTo(new Reply(firstDocument(at("language", "en", 1, 0), LANGUAGES)));
    }

    @ParameterizedTest(name = "{0} on a call not answered yet starts afresh with the ring")
    @MethodSource("tampered")
    void ringsAfresh(Tampered tampered) {
        assertThat(LINE.next(ringing(tampered.params()), LIVE_SHOW))
                .isEqualTo(new Reply(firstDocument(at("ring", "en", 0, 0), new Pause(RING))));
    }

    @ParameterizedTest(name = "{0} on a caller's last request is no missed call")
    @MethodSource("tampered")
    void endsWithoutCallingBack(Tampered tampered) {
        assertThat(LINE.next(exiting(tampered.params(), false), LIVE_SHOW)).isEqualTo(reply(at("bye", "en", 0, 0), HANGUP));
    }

    /** The rows above mean something only if the params they change are the line's own, untouched. */
    @Test
    void theUntouchedParamsAreTheLinesOwn() {
        assertThat(LINE.next(answered(RANG), LIVE_SHOW)).isEqualTo(reply(at("language", "en", 1, 0), LANGUAGES));
        assertThat(LINE.next(exiting(RANG, false), LIVE_SHOW)).isEqualTo(new MissedCall(document(at("bye", "en", 0, 0), HANGUP)));
    }

    @Test
    void aStaleLanguageMenuOnAStationInOneLanguageStartsAfresh() {
        assertThat(ENGLISH.next(ringing(pressed(at("language", "sw", 1, 0), "2")), LIVE_SHOW))
                .isEqualTo(new Reply(firstDocument(at("main", "en", 1, 0), ANSWER, menu("123", en("welcome")))));
    }

    @Test
    void aLanguageMenuLeftOverOnAStationInOneLanguageTakesItsOneKey() {
        assertThat(ENGLISH.next(answered(pressed(at("language", "en", 1, 0), "1")), LIVE_SHOW))
                .isEqualTo(reply(at("main", "en", 1, 0), menu("123", en("welcome"))));
    }

    private static Map<String, String> with(String param, String value) {
        Map<String, String> params = new HashMap<>(RANG);
        params.put(param, value);
        return params;
    }

    private static Map<String, String> without(String param) {
        Map<String, String> params = new HashMap<>(RANG);
        params.remove(param);
        return params;
    }
}

package org.baraza.programs.line;

import static org.assertj.core.api.Assertions.assertThat;
import static org.baraza.programs.line.LineFixtures.ANSWER;
import static org.baraza.programs.line.LineFixtures.FILLER;
import static org.baraza.programs.line.LineFixtures.HANGUP;
import static org.baraza.programs.line.LineFixtures.LINE;
import static org.baraza.programs.line.LineFixtures.LIVE_SHOW;
import static org.baraza.programs.line.LineFixtures.ON_AIR;
import static org.baraza.programs.line.LineFixtures.RECORD;
import static org.baraza.programs.line.LineFixtures.SILENT;
import static org.baraza.programs.line.LineFixtures.SONG_A;
import static org.baraza.programs.line.LineFixtures.answered;
import static org.baraza.programs.line.LineFixtures.at;
import static org.baraza.programs.line.LineFixtures.document;
import static org.baraza.programs.line.LineFixtures.join;
import static org.baraza.programs.line.LineFixtures.menu;
import static org.baraza.programs.line.LineFixtures.play;
import static org.baraza.programs.line.LineFixtures.pressed;
import static org.baraza.programs.line.LineFixtures.recorded;
import static org.baraza.programs.line.LineFixtures.reply;
import static org.baraza.programs.line.LineFixtures.ringing;
import static org.baraza.programs.line.LineFixtures.sw;

import java.util.List;
import java.util.Map;

import org.baraza.programs.line.LineFixtures.Row;
import org.baraza.programs.line.Outcome.AsksToSpeak;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The main menu, the no-live-show menu, a message left, and what a caller who asked to speak hears. */
class ListenerLineMenuTest {

    private static final Map<String, String> MAIN = at("main", "sw", 1, 0);
    private static final Map<String, String> NO_LIVE_SHOW = at("no_live_show", "sw", 1, 0);

    static List<Row> mainMenu() {
        return List.of(
                new Row("1 joins the air muted", LINE, answered(pressed(MAIN, "1")), ON_AIR,
                        reply(at("listen", "sw", 0, 0), join("airing-41"))),
                new Row("1 joins a live show muted too", LINE, answered(pressed(MAIN, "1")), LIVE_SHOW,
                        reply(at("listen", "sw", 0, 0), join("airing-42"))),
                new Row("1 off air plays the filler's first file", LINE, answered(pressed(MAIN, "1")), FILLER,
                        reply(at("filler", "sw", 0, 1), play(SONG_A))),
                new Row("1 with nothing on air at all says so, goodbye, and hangs up", LINE, answered(pressed(MAIN, "1")),
                        SILENT, reply(at("bye", "sw", 0, 0), play(sw("off-air"), sw("goodbye")), HANGUP)),
                new Row("2 asks for a message and records it after a beep", LINE, answered(pressed(MAIN, "2")), ON_AIR,
                        reply(at("record", "sw", 0, 0), play(sw("leave-message")), RECORD)),
                new Row("3 with a live show that takes callers asks to speak", LINE, answered(pressed(MAIN, "3")),
                        LIVE_SHOW, new AsksToSpeak()),
                new Row("3 on air with no show taking callers offers the no-live-show menu", LINE,
                        answered(pressed(MAIN, "3")), ON_AIR, reply(NO_LIVE_SHOW, menu("12", sw("no-live-show")))),
                new Row("3 off air offers the no-live-show menu", LINE, answered(pressed(MAIN, "3")), FILLER,
                        reply(NO_LIVE_SHOW, menu("12", sw("no-live-show")))),
                new Row("a wrong key hears not-a-choice and the menu again", LINE, answered(pressed(MAIN, "4")), ON_AIR,
                        reply(at("main", "sw", 2, 0), play(sw("not-a-choice")), menu("123", sw("welcome")))),
                new Row("no key hears not-a-choice and the menu again", LINE, answered(at("main", "sw", 2, 0)), ON_AIR,
                        reply(at("main", "sw", 3, 0), play(sw("not-a-choice")), menu("123", sw("welcome")))),
                new Row("a wrong key on a call not answered yet answers first", LINE, ringing(pressed(MAIN, "#")), ON_AIR,
                        reply(at("main", "sw", 2, 0), ANSWER, play(sw("not-a-choice")), menu("123", sw("welcome")))),
                new Row("a wrong key after the last try hears not-a-choice, goodbye, and the line hangs up", LINE,
                        answered(pressed(at("main", "sw", 3, 0), "9")), ON_AIR,
                        reply(at("bye", "sw", 0, 0), play(sw("not-a-choice"), sw("goodbye")), HANGUP)),
                new Row("no key after the last try ends the call the same way", LINE, answered(at("main", "sw", 3, 0)),
                        LIVE_SHOW, reply(at("bye", "sw", 0, 0), play(sw("not-a-choice"), sw("goodbye")), HANGUP)));
    }

    static List<Row> noLiveShowMenu() {
        return List.of(
                new Row("there, 1 listens", LINE, answered(pressed(NO_LIVE_SHOW, "1")), ON_AIR,
                        reply(at("listen", "sw", 0, 0), join("airing-41"))),
                new Row("there, 2 leaves a message", LINE, answered(pressed(NO_LIVE_SHOW, "2")), ON_AIR,
                        reply(at("record", "sw", 0, 0), play(sw("leave-message")), RECORD)),
                new Row("there, 3 is not a choice", LINE, answered(pressed(NO_LIVE_SHOW, "3")), LIVE_SHOW,
                        reply(at("no_live_show", "sw", 2, 0), play(sw("not-a-choice")), menu("12", sw("no-live-show")))),
                new Row("there, no key after the last try ends the call", LINE, answered(at("no_live_show", "sw", 3, 0)),
                        ON_AIR, reply(at("bye", "sw", 0, 0), play(sw("not-a-choice"), sw("goodbye")), HANGUP)));
    }

    static List<Row> afterwards() {
        Map<String, String> recording = at("record", "sw", 0, 0);
        return List.of(
                new Row("a message uploaded is thanked for, then goodbye", LINE, recorded(recording, 17), ON_AIR,
                        reply(at("bye", "sw", 0, 0), play(sw("message-saved"), sw("goodbye")), HANGUP)),
                new Row("no message uploaded hears only goodbye", LINE, answered(recording), ON_AIR,
                        reply(at("bye", "sw", 0, 0), play(sw("goodbye")), HANGUP)),
                new Row("a caller let go after waiting to speak hears goodbye", LINE, answered(at("queued", "sw", 0, 0)),
                        LIVE_SHOW, reply(at("bye", "sw", 0, 0), play(sw("goodbye")), HANGUP)),
                new Row("a request after the line hung up only hangs up", LINE, answered(at("bye", "sw", 0, 0)), ON_AIR,
                        reply(at("bye", "sw", 0, 0), HANGUP)),
                new Row("a lone hangup is never answered first", LINE, ringing(at("bye", "sw", 0, 0)), ON_AIR,
                        reply(at("bye", "sw", 0, 0), HANGUP)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"mainMenu", "noLiveShowMenu", "afterwards"})
    void answersTheRequest(Row row) {
        assertThat(row.line().next(row.given(), row.air())).isEqualTo(row.then());
    }

    @Test
    void aCallerTheShowTakesWaitsMutedAfterPleaseHold() {
        assertThat(LINE.waiting(answered(pressed(MAIN, "3")), "airing-42"))
                .isEqualTo(document(at("queued", "sw", 0, 0), play(sw("please-hold")), join("airing-42")));
    }

    @Test
    void aCallerWaitingOnACallNotAnsweredYetIsAnsweredFirst() {
        assertThat(LINE.waiting(ringing(pressed(MAIN, "3")), "airing-42"))
                .isEqualTo(document(at("queued", "sw", 0, 0), ANSWER, play(sw("please-hold")), join("airing-42")));
    }

    @Test
    void aCallerTheShowDoesNotTakeIsOfferedToLeaveAMessage() {
        assertThat(LINE.noLiveShow(answered(pressed(at("main", "sw", 2, 1), "3"))))
                .isEqualTo(document(at("no_live_show", "sw", 1, 1), menu("12", sw("no-live-show"))));
    }
}

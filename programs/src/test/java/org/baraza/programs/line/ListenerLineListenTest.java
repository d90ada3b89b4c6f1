package org.baraza.programs.line;

import static org.assertj.core.api.Assertions.assertThat;
import static org.baraza.programs.line.LineFixtures.FILLER;
import static org.baraza.programs.line.LineFixtures.HANGUP;
import static org.baraza.programs.line.LineFixtures.LINE;
import static org.baraza.programs.line.LineFixtures.LIVE_SHOW;
import static org.baraza.programs.line.LineFixtures.ON_AIR;
import static org.baraza.programs.line.LineFixtures.SILENT;
import static org.baraza.programs.line.LineFixtures.SONG_A;
import static org.baraza.programs.line.LineFixtures.SONG_B;
import static org.baraza.programs.line.LineFixtures.SONG_C;
import static org.baraza.programs.line.LineFixtures.answered;
import static org.baraza.programs.line.LineFixtures.at;
import static org.baraza.programs.line.LineFixtures.en;
import static org.baraza.programs.line.LineFixtures.join;
import static org.baraza.programs.line.LineFixtures.play;
import static org.baraza.programs.line.LineFixtures.reply;

import java.util.List;

import org.baraza.programs.line.LineFixtures.Row;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A listener listening: in the air's conference, or off air to the station's filler one file a request, so
 * that they join the air as soon as it starts; and what they hear when the conference lets them go.
 */
class ListenerLineListenTest {

    static List<Row> listening() {
        return List.of(
                new Row("a listener the conference let go joins what is on air now", LINE, answered(at("listen", "en", 0, 0)),
                        LIVE_SHOW, reply(at("listen", "en", 0, 0), join("airing-42"))),
                new Row("a listener let go when the air ended hears the filler", LINE, answered(at("listen", "en", 0, 0)),
                        FILLER, reply(at("filler", "en", 0, 1), play(SONG_A))),
                new Row("the filler plays on, one file a request", LINE, answered(at("filler", "en", 0, 1)), FILLER,
                        reply(at("filler", "en", 0, 2), play(SONG_B))),
                new Row("after its last file the filler starts again", LINE, answered(at("filler", "en", 0, 2)), FILLER,
                        reply(at("filler", "en", 0, 0), play(SONG_C))),
                new Row("a place past a filler grown shorter is taken round it", LINE, answered(at("filler", "en", 0, 4)),
                        FILLER, reply(at("filler", "en", 0, 2), play(SONG_B))),
                new Row("the largest place the line reads is taken round the filler too", LINE,
                        answered(at("filler", "en", 0, 999_999_999)), FILLER, reply(at("filler", "en", 0, 1), play(SONG_A))),
                new Row("a filler listener joins the air as soon as it starts, and the filler keeps its place", LINE,
                        answered(at("filler", "en", 0, 2)), ON_AIR, reply(at("listen", "en", 0, 2), join("airing-41"))),
                new Row("a filler listener with nothing left to hear is told the station is off air", LINE,
                        answered(at("filler", "en", 0, 2)), SILENT,
                        reply(at("bye", "en", 0, 2), play(en("off-air"), en("goodbye")), HANGUP)),
                new Row("a listener let go with nothing on air at all is told so too", LINE, answered(at("listen", "en", 0, 0)),
                        SILENT, reply(at("bye", "en", 0, 0), play(en("off-air"), en("goodbye")), HANGUP)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("listening")
    void answersTheRequest(Row row) {
        assertThat(row.line().next(row.given(), row.air())).isEqualTo(row.then());
    }
}

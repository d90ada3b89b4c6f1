package org.baraza.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

import org.baraza.app.Baraza;
import org.junit.jupiter.api.Test;

/** {@code baraza demo} as a newcomer runs it: three stations on air, the transmitter troubles healed, the log. */
class DemoCommandTest {

    @Test
    void theDemoPutsThreeStationsOnAirAndPrintsTheirAsAiredLog() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int exitCode = Baraza.run(new String[] {"demo", "--duration", "40"}, Map.of(), new PrintWriter(out, true),
                new PrintWriter(err, true));

        String timeline = out.toString();
        assertThat(exitCode).as(err.toString()).isZero();
        assertThat(timeline)
                .contains("Radio Pacis      ON AIR    \"Morning News\"", "Radio Pacis      ON AIR    \"Farming Hour\"",
                        "Mega FM          ON AIR    \"Farming Hour\"", "Radio Nostalgia  ON AIR    \"Music Mix\"")
                .contains("Mega FM          transmitter USER_BUSY on sofia/gateway/mega-sim1/0772100202")
                .contains("Mega FM            SILENT ON AIR: NORMAL_CLEARING")
                .contains("Radio Nostalgia    between programs, the rotation plays ");
        String log = timeline.substring(timeline.indexOf("As-aired log"));
        assertThat(log).containsPattern("Radio Pacis +Morning News +planned \\S+, on air \\S+: aired")
                .containsPattern("Radio Pacis +Farming Hour +planned \\S+, on air \\S+: aired")
                .containsPattern("Mega FM +Farming Hour +planned \\S+, on air \\S+: partial")
                .containsPattern("Radio Nostalgia +Music Mix +planned \\S+, on air \\S+: aired")
                .containsPattern("silent \\S+: NORMAL_CLEARING");
    }
}

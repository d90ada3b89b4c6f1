package org.baraza.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.baraza.sim.testing.CommandsReplay;
import org.baraza.sim.testing.Normalized;
import org.baraza.sim.testing.RecordedSession;
import org.baraza.sim.testing.Transcript;
import org.junit.jupiter.api.Test;

/**
 * commands.log replayed against the simulator, command by command: every answer must be framed as the
 * recorded one (the same headers in the same order) and say the same thing, once uuids, dates and run times
 * are set aside. Each assertion names the scenario ({@code ##### SCENARIO:}) the command belongs to.
 */
class CommandsConformanceTest {
    private final CommandsReplay replay = RecordedSession.replayed();

    @Test
    void everyAnswerIsFramedAsRecorded() {
        for (CommandsReplay.Exchange e : replay.exchanges()) {
            assertThat(e.simulated().headerNames()).as(describe(e)).containsExactlyElementsOf(e.recorded().headerNames());
            assertThat(e.simulated().contentType()).as(describe(e)).isEqualTo(e.recorded().contentType());
        }
    }

    @Test
    void everyAnswerSaysWhatFreeswitchSaid() {
        for (CommandsReplay.Exchange e : replay.exchanges()) {
            if (e.sent() != null && e.sent().equals("api status")) {
                continue;
            }
            assertThat(Normalized.text(e.simulated().body())).as(describe(e))
                    .isEqualTo(Normalized.text(e.recorded().body()));
            if (e.recorded().replyText() != null) {
                assertThat(Normalized.text(e.simulated().replyText())).as(describe(e))
                        .isEqualTo(Normalized.text(e.recorded().replyText()));
            }
        }
    }

    /** Scenario: status. Numbers differ (uptime, sessions); the lines and their wording may not. */
    @Test
    void statusReadsLikeFreeswitchsStatus() {
        CommandsReplay.Exchange status = replay.exchanges().stream().filter(e -> "api status".equals(e.sent()))
                .findFirst().orElseThrow();
        assertThat(status.simulated().body().replaceAll("\\d+", "N"))
                .isEqualTo(status.recorded().body().replaceAll("\\d+", "N"));
    }

    @Test
    void theReplayCoveredEveryRecordedCommand() {
        List<String> sent = replay.exchanges().stream().map(CommandsReplay.Exchange::sent)
                .filter(s -> s != null).toList();
        assertThat(sent).hasSize((int) Transcript.load("commands.log").steps().stream()
                .filter(s -> s instanceof Transcript.Sent).count());
    }

    private static String describe(CommandsReplay.Exchange e) {
        return "scenario \"" + e.scenario() + "\", command: " + e.sent();
    }
}

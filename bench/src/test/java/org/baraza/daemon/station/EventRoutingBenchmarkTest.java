package org.baraza.daemon.station;

import org.baraza.daemon.esl.SwitchEvent;
import org.baraza.daemon.station.StationMessage.FromSwitch;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JMH benchmark's events reach their station's mailbox and no other, so that it cannot rot between runs of JMH:
 * the key press (no channel variables) through the index of legs, the answer by its {@code baraza_station}.
 */
class EventRoutingBenchmarkTest {

    @Test
    void aKeyPressReachesTheStationFollowingItsLegAndAnAnswerTheStationItNamesAndNoOtherStation() {
        EventRoutingBenchmark benchmark = new EventRoutingBenchmark();
        benchmark.stations = 1000;
        benchmark.setUp();
        try {
            StationMessage key = benchmark.keyPress();
            assertThat(benchmark.waiting()).isZero();
            StationMessage answer = benchmark.channelAnswered();
            assertThat(benchmark.waiting()).isZero();

            assertThat(key).isInstanceOfSatisfying(FromSwitch.class, message -> assertThat(message.event())
                    .isInstanceOfSatisfying(SwitchEvent.DtmfReceived.class, dtmf -> {
                        assertThat(dtmf.digit()).isEqualTo("1");
                        assertThat(dtmf.variables()).doesNotContainKey("baraza_station");
                    }));
            assertThat(answer).isInstanceOfSatisfying(FromSwitch.class, message -> assertThat(message.event())
                    .isInstanceOfSatisfying(SwitchEvent.ChannelAnswered.class, channel ->
                            assertThat(channel.variables()).containsEntry("baraza_station", "7")));
        } finally {
            benchmark.tearDown();
        }
    }
}

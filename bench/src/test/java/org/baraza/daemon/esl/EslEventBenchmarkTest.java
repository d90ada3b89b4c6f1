package org.baraza.daemon.esl;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The JMH benchmark's set-up and each of its methods once, so that it cannot rot between runs of JMH. */
class EslEventBenchmarkTest {

    @Test
    void theRecordedChannelAnswerDecodesAndParsesToAnAnsweredChannel() {
        EslEventBenchmark benchmark = new EslEventBenchmark();
        benchmark.setUp();
        try {
            assertThat(benchmark.decodeFrame().getContentLength()).isEqualTo(2637);
            assertThat(benchmark.decodeAndParse()).get().isInstanceOf(SwitchEvent.ChannelAnswered.class);
            assertThat(benchmark.parse()).get().isInstanceOf(SwitchEvent.ChannelAnswered.class);
        } finally {
            benchmark.tearDown();
        }
    }
}

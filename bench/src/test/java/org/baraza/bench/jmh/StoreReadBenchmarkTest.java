package org.baraza.bench.jmh;

import org.baraza.core.station.Station;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The JMH benchmark's four reads find the same station, so that it cannot rot between runs of JMH. */
class StoreReadBenchmarkTest {

    @Test
    void theFourWaysReadTheSameStation() throws Exception {
        StoreReadBenchmark benchmark = new StoreReadBenchmark();
        benchmark.start();
        try {
            Station station = benchmark.store();
            assertThat(station.name()).isEqualTo("Radio JMH");
            assertThat(station.languages()).containsExactly("en", "sw");
            assertThat(benchmark.fluentConstructorMapper()).isEqualTo(station);
            assertThat(benchmark.fluentRecordRows()).isEqualTo(station);
            assertThat(benchmark.plainJdbc()).isNotZero();
        } finally {
            benchmark.stop();
        }
    }
}

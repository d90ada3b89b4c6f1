package org.baraza.bench.jmh;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The JMH benchmark's documents render, so that it cannot rot between runs of JMH. */
class HttapiDocumentBenchmarkTest {

    @Test
    void bothDocumentsRenderAsHttapiDocuments() {
        HttapiDocumentBenchmark benchmark = new HttapiDocumentBenchmark();

        assertThat(benchmark.ringPause()).contains("<document type=\"text/freeswitch-httapi\">", "application=\"sleep\"");
        assertThat(benchmark.listenerMenu()).contains("<document type=\"text/freeswitch-httapi\">", "choice");
    }
}

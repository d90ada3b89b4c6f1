package org.baraza.bench.jmh;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.baraza.core.hub.CallDocument;
import org.baraza.server.httapi.HttapiXml;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH: building the mod_httapi document the server answers every webhook request with ({@link HttapiXml#render}),
 * for the two documents a listener's call meets most: the ring pause of a flash, and the listener line's menu.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class HttapiDocumentBenchmark {

    private final CallDocument ring = CallDocument.of(Map.of("baraza_step", "ring"), new CallDocument.Pause(Duration.ofSeconds(3)));
    private final CallDocument menu = new CallDocument(Map.of("baraza_step", "menu", "baraza_language", "en"),
            Map.of("baraza_station", "17", "baraza_role", "listener"),
            List.of(new CallDocument.Answer(), new CallDocument.Menu(List.of("/var/lib/baraza/media/prompts/en/welcome.wav",
                    "/var/lib/baraza/media/prompts/en/menu.wav"), "1234", Duration.ofSeconds(5), "choice")));

    @Benchmark
    public String ringPause() {
        return HttapiXml.render(ring);
    }

    @Benchmark
    public String listenerMenu() {
        return HttapiXml.render(menu);
    }
}

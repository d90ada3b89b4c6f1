package org.baraza.daemon.esl;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import io.netty.channel.embedded.EmbeddedChannel;
import link.thingscloud.freeswitch.esl.transport.event.EslEvent;
import link.thingscloud.freeswitch.esl.transport.message.EslFrameDecoder;
import link.thingscloud.freeswitch.esl.transport.message.EslMessage;

/**
 * JMH: the daemon's hot path for every FreeSWITCH event, on a recorded FreeSWITCH 1.10.12 {@code CHANNEL_ANSWER}
 * (2,637 bytes, from {@code events-plain.log}): the ESL client's frame decoder (freeswitch-esl's
 * {@link EslFrameDecoder} on a Netty channel), its event (headers URL-decoded), and Baraza's {@link EventParser}
 * turning the headers into a {@link SwitchEvent}. In this package because the parser is package-private: a
 * benchmark, like a test, may see its package.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class EslEventBenchmark {

    private static final Instant AT = Instant.parse("2026-11-21T22:03:18Z");

    private byte[] frame;
    private EmbeddedChannel channel;
    private Map<String, String> headers;

    @Setup
    public void setUp() {
        frame = RecordedEvents.frame(RecordedEvents.CHANNEL_ANSWER);
        channel = new EmbeddedChannel(new EslFrameDecoder(8192));
        headers = new EslEvent(decode()).getEventHeaders();
        if (EventParser.parse("fs1", headers, AT).isEmpty()) {
            throw new IllegalStateException("the recorded CHANNEL_ANSWER does not parse");
        }
    }

    @TearDown
    public void tearDown() {
        channel.finishAndReleaseAll();
    }

    /** The ESL client's framing: bytes off the socket to a message. */
    @Benchmark
    public EslMessage decodeFrame() {
        return decode();
    }

    /** Framing, the client's event (headers URL-decoded) and Baraza's parser: all the daemon does per event. */
    @Benchmark
    public Optional<SwitchEvent> decodeAndParse() {
        return EventParser.parse("fs1", new EslEvent(decode()).getEventHeaders(), AT);
    }

    /** Baraza's parser alone, on headers already decoded. */
    @Benchmark
    public Optional<SwitchEvent> parse() {
        return EventParser.parse("fs1", headers, AT);
    }

    private EslMessage decode() {
        return RecordedEvents.decode(channel, frame);
    }
}

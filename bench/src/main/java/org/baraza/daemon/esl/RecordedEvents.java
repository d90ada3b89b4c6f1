package org.baraza.daemon.esl;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import link.thingscloud.freeswitch.esl.transport.event.EslEvent;
import link.thingscloud.freeswitch.esl.transport.message.EslFrameDecoder;
import link.thingscloud.freeswitch.esl.transport.message.EslMessage;

/**
 * The recorded FreeSWITCH 1.10.12 events the JMH benchmarks run on, copied verbatim from
 * {@code ../shared/freeswitch-1.10.12/events-plain.log} into bench's resources ({@code org/baraza/bench/jmh}):
 * {@link #CHANNEL_ANSWER} (a transmitter leg of station 7 answered) and {@link #DTMF} (key 1 on
 * {@code loopback/9102-b}, without the channel's variables, as FreeSWITCH sends key presses). In this package
 * because Baraza's {@link EventParser} is package-private.
 */
public final class RecordedEvents {

    public static final String CHANNEL_ANSWER = "channel-answer.event";
    public static final String DTMF = "dtmf.event";

    private RecordedEvents() {
    }

    /** The event's ESL frame as it comes off the socket: its outer headers, then the event. */
    public static byte[] frame(String event) {
        byte[] body = resource(event);
        byte[] head = ("Content-Length: " + body.length + "\nContent-Type: text/event-plain\n\n").getBytes(StandardCharsets.US_ASCII);
        byte[] frame = new byte[head.length + body.length];
        System.arraycopy(head, 0, frame, 0, head.length);
        System.arraycopy(body, 0, frame, head.length, body.length);
        return frame;
    }

    /** The frame through the ESL client's decoder on {@code channel}: the message, then its event's headers. */
    public static EslMessage decode(EmbeddedChannel channel, byte[] frame) {
        channel.writeInbound(Unpooled.wrappedBuffer(frame));
        return channel.readInbound();
    }

    /** The event as the daemon receives it: framed and URL-decoded by the ESL client, then read by Baraza's parser. */
    public static SwitchEvent parsed(String event, String node, Instant at) {
        EmbeddedChannel channel = new EmbeddedChannel(new EslFrameDecoder(8192));
        try {
            Map<String, String> headers = new EslEvent(decode(channel, frame(event))).getEventHeaders();
            return EventParser.parse(node, headers, at)
                    .orElseThrow(() -> new IllegalStateException("the recorded " + event + " does not parse"));
        } finally {
            channel.finishAndReleaseAll();
        }
    }

    private static byte[] resource(String event) {
        try (InputStream in = RecordedEvents.class.getResourceAsStream("/org/baraza/bench/jmh/" + event)) {
            if (in == null) {
                throw new IllegalStateException(event + " is missing from the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

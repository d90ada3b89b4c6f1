package org.baraza.core.hub;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The hub's one codec: an {@link Envelope} as one UTF-8 JSON frame,
 * {@code {"v":1,"id":...,"re":...,"message":{"type":...,...}}}. A frame of another version, or one that is
 * not a message, is refused with {@link HubProtocolException} saying why; the hub drops it and goes on.
 * Thread-safe.
 */
public final class HubCodec {

    public static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private static final ObjectWriter FRAME_WRITER = JSON.writerFor(Frame.class);
    private static final ObjectReader FRAME_READER = JSON.readerFor(Frame.class);

    /** The envelope as it is on the wire; {@code re} left out of a request. */
    private record Frame(int v, String id, @JsonInclude(JsonInclude.Include.NON_NULL) String re, HubMessage message) {
    }

    private HubCodec() {
    }

    public static byte[] encode(Envelope envelope) {
        try {
            return FRAME_WRITER.writeValueAsBytes(new Frame(VERSION, envelope.id(), envelope.correlation(), envelope.message()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + envelope, e);
        }
    }

    /**
     * The frame as a message, read in one pass; a frame that does not read cleanly that way is read again as a
     * tree, only to say exactly what is wrong with it.
     */
    public static Envelope decode(byte[] bytes) {
        Frame frame;
        try {
            frame = FRAME_READER.readValue(bytes);
        } catch (IOException | IllegalArgumentException | NullPointerException e) {
            frame = null;
        }
        if (frame != null && frame.v() == VERSION && frame.id() != null && !frame.id().isBlank() && frame.message() != null) {
            return new Envelope(frame.id(), frame.re(), frame.message());
        }
        return decodeExplaining(bytes);
    }

    private static Envelope decodeExplaining(byte[] bytes) {
        JsonNode frame;
        try {
            frame = JSON.readTree(bytes);
        } catch (IOException e) {
            throw new HubProtocolException("not JSON: " + e.getMessage().lines().findFirst().orElse(""), e);
        }
        if (frame == null || !frame.isObject()) {
            throw new HubProtocolException("not a JSON object: " + preview(bytes));
        }
        if (frame.path("v").asInt(-1) != VERSION) {
            throw new HubProtocolException("protocol version " + frame.path("v") + " is not " + VERSION);
        }
        String id = frame.path("id").asText(null);
        if (id == null || id.isBlank()) {
            throw new HubProtocolException("a message without an id");
        }
        try {
            HubMessage message = JSON.treeToValue(frame.path("message"), HubMessage.class);
            if (message == null) {
                throw new HubProtocolException("an envelope without a message");
            }
            return new Envelope(id, frame.hasNonNull("re") ? frame.get("re").asText() : null, message);
        } catch (JsonProcessingException | IllegalArgumentException | NullPointerException e) {
            throw new HubProtocolException("not a message Baraza knows: " + e.getMessage(), e);
        }
    }

    private static String preview(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        return text.length() <= 80 ? text : text.substring(0, 80) + "...";
    }
}

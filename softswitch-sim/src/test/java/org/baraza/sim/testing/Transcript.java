package org.baraza.sim.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * One recorded FreeSWITCH 1.10.12 ESL transcript (src/test/resources/freeswitch-1.10.12, copied from
 * shared/freeswitch-1.10.12): what the client sent, every frame it received, and the scenario each belongs to.
 */
public final class Transcript {
    /** One step: a scenario marker, a command sent, or a frame received. */
    public sealed interface Step permits Scenario, Sent, Received {
        String scenario();
    }

    public record Scenario(String scenario) implements Step {
    }

    public record Sent(String scenario, String text) implements Step {
    }

    public record Received(String scenario, EslFrame frame, byte[] raw) implements Step {
    }

    private final List<Step> steps;

    private Transcript(List<Step> steps) {
        this.steps = steps;
    }

    public static Transcript load(String file) {
        try (InputStream in = Transcript.class.getResourceAsStream("/freeswitch-1.10.12/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no transcript " + file);
            }
            return parse(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<Step> steps() {
        return steps;
    }

    public List<EslFrame> frames() {
        return steps.stream().filter(s -> s instanceof Received).map(s -> ((Received) s).frame()).toList();
    }

    public List<Received> received() {
        return steps.stream().filter(s -> s instanceof Received).map(s -> (Received) s).toList();
    }

    public List<WireEvent> events() {
        return frames().stream().filter(EslFrame::isEvent).map(EslFrame::event).toList();
    }

    /** The steps of one scenario (its title starts with the given text). */
    public List<Step> scenario(String titleStart) {
        List<Step> out = steps.stream().filter(s -> s.scenario() != null && s.scenario().startsWith(titleStart))
                .filter(s -> !(s instanceof Scenario)).toList();
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no scenario starting with " + titleStart);
        }
        return out;
    }

    private static Transcript parse(byte[] data) {
        List<Step> steps = new ArrayList<>();
        String scenario = null;
        int i = 0;
        while (i < data.length) {
            int lineEnd = indexOf(data, (byte) '\n', i);
            if (lineEnd < 0) {
                break;
            }
            String line = new String(data, i, lineEnd - i, StandardCharsets.UTF_8);
            if (line.startsWith("##### SCENARIO: ")) {
                scenario = line.substring("##### SCENARIO: ".length());
                steps.add(new Scenario(scenario));
                i = lineEnd + 1;
            } else if (line.equals(">>> SENT")) {
                int end = indexOf(data, "\n\n".getBytes(StandardCharsets.UTF_8), lineEnd + 1);
                steps.add(new Sent(scenario, new String(data, lineEnd + 1, end - lineEnd - 1, StandardCharsets.UTF_8)));
                i = end + 2;
            } else if (line.equals("<<< RECV")) {
                int start = lineEnd + 1;
                int headerEnd = indexOf(data, "\n\n".getBytes(StandardCharsets.UTF_8), start);
                LinkedHashMap<String, String> headers = new LinkedHashMap<>();
                for (String h : new String(data, start, headerEnd - start, StandardCharsets.UTF_8).split("\n")) {
                    int colon = h.indexOf(": ");
                    headers.put(h.substring(0, colon), h.substring(colon + 2));
                }
                int bodyStart = headerEnd + 2;
                int length = headers.containsKey("Content-Length") ? Integer.parseInt(headers.get("Content-Length")) : 0;
                String body = new String(data, bodyStart, length, StandardCharsets.UTF_8);
                byte[] raw = java.util.Arrays.copyOfRange(data, start, bodyStart + length);
                steps.add(new Received(scenario, EslFrame.of(headers, body), raw));
                i = bodyStart + length;
            } else {
                i = lineEnd + 1;
            }
        }
        return new Transcript(steps);
    }

    private static int indexOf(byte[] data, byte b, int from) {
        for (int i = from; i < data.length; i++) {
            if (data[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = from; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}

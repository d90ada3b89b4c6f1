package org.baraza.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.baraza.sim.testing.CommandsReplay;
import org.baraza.sim.testing.EslFrame;
import org.baraza.sim.testing.RecordedSession;
import org.baraza.sim.testing.Transcript;
import org.baraza.sim.testing.WireEvent;
import org.junit.jupiter.api.Test;

/**
 * The events of the commands.log session, as the recording's second and third connections received them
 * (events-plain.log, events-json.log), against the events the simulator fired for the same replayed session:
 * frame headers, the order of each channel's events, and the headers of each kind of event.
 */
class EventsConformanceTest {
    private final CommandsReplay replay = RecordedSession.replayed();

    @Test
    void eventFramesAreFramedAsRecorded() {
        EslFrame recordedPlain = Transcript.load("events-plain.log").frames().stream().filter(EslFrame::isEvent)
                .findFirst().orElseThrow();
        EslFrame recordedJson = Transcript.load("events-json.log").frames().stream().filter(EslFrame::isEvent)
                .findFirst().orElseThrow();
        for (EslFrame f : replay.plainFrames()) {
            assertThat(f.headerNames()).containsExactlyElementsOf(recordedPlain.headerNames());
            assertThat(f.contentType()).isEqualTo("text/event-plain");
        }
        for (EslFrame f : replay.jsonFrames()) {
            assertThat(f.headerNames()).containsExactlyElementsOf(recordedJson.headerNames());
            assertThat(f.contentType()).isEqualTo("text/event-json");
        }
    }

    /** Every scenario of commands.log: each channel goes through the recorded events in the recorded order. */
    @Test
    void eachChannelFiresTheRecordedEventsInTheRecordedOrder() {
        Map<String, List<String>> recorded = perChannel(Transcript.load("events-plain.log").events());
        Map<String, List<String>> simulated = perChannel(events(replay.plainFrames()));
        assertThat(simulated.keySet()).containsExactlyInAnyOrderElementsOf(recorded.keySet());
        for (String channel : recorded.keySet()) {
            assertThat(String.join(" ", simulated.get(channel))).as(channel)
                    .isEqualTo(String.join(" ", recorded.get(channel)));
        }
    }

    /**
     * Every kind of event the session fired carries the headers FreeSWITCH's carried: the same names, apart
     * from channel variables (compared in {@link #channelVariablesAreTheRecordedOnes}).
     */
    @Test
    void eachKindOfEventCarriesTheRecordedHeaders() {
        Map<String, java.util.Set<String>> recorded = headerNames(Transcript.load("events-plain.log").events(), false);
        Map<String, java.util.Set<String>> simulated = headerNames(events(replay.plainFrames()), false);
        List<String> differences = new ArrayList<>();
        for (String kind : simulated.keySet()) {
            java.util.Set<String> missing = new java.util.TreeSet<>(recorded.getOrDefault(kind, java.util.Set.of()));
            missing.removeAll(simulated.get(kind));
            java.util.Set<String> extra = new java.util.TreeSet<>(simulated.get(kind));
            extra.removeAll(recorded.getOrDefault(kind, java.util.Set.of()));
            if (!missing.isEmpty() || !extra.isEmpty()) {
                differences.add(kind + ": missing " + missing + ", not recorded " + extra);
            }
        }
        assertThat(differences).isEmpty();
    }

    /**
     * The JSON connection got the same events as the plain one, header for header and value for value, and
     * each kind with the header names events-json.log shows.
     */
    @Test
    void jsonEventsSayWhatPlainEventsSay() {
        List<WireEvent> plain = events(replay.plainFrames());
        List<WireEvent> json = events(replay.jsonFrames());
        assertThat(json).hasSameSizeAs(plain);
        for (int i = 0; i < plain.size(); i++) {
            assertThat(json.get(i).names()).isEqualTo(plain.get(i).names());
            for (int h = 0; h < plain.get(i).names().size(); h++) {
                // Plain values are the JSON ones URL-encoded the FreeSWITCH way (an existing %XX is kept).
                String encoded = org.baraza.sim.internal.event.FreeswitchUrlEncoding.encode(json.get(i).values().get(h));
                assertThat(plain.get(i).rawValues().get(h)).as(plain.get(i).names().get(h))
                        .isEqualTo(encoded.isEmpty() ? "_undef_" : encoded);
            }
            assertThat(json.get(i).body()).isEqualTo(plain.get(i).body());
        }
        Map<String, java.util.Set<String>> recorded = headerNames(Transcript.load("events-json.log").events(), false);
        headerNames(json, false).forEach((kind, names) -> assertThat(names).as(kind).isEqualTo(recorded.get(kind)));
    }

    /** The channel variables of the session's events are variables FreeSWITCH set in the same session. */
    @Test
    void channelVariablesAreTheRecordedOnes() {
        java.util.Set<String> recorded = new java.util.TreeSet<>();
        headerNames(Transcript.load("events-plain.log").events(), true).values().forEach(recorded::addAll);
        java.util.Set<String> simulated = new java.util.TreeSet<>();
        headerNames(events(replay.plainFrames()), true).values().forEach(simulated::addAll);
        assertThat(simulated).isSubsetOf(recorded);
    }

    private static Map<String, java.util.Set<String>> headerNames(List<WireEvent> events, boolean variables) {
        Map<String, java.util.Set<String>> out = new java.util.TreeMap<>();
        for (WireEvent e : events) {
            java.util.Set<String> names = out.computeIfAbsent(e.kind(), k -> new java.util.TreeSet<>());
            e.names().stream().filter(n -> n.startsWith("variable_") == variables).forEach(names::add);
        }
        return out;
    }

    private static List<WireEvent> events(List<EslFrame> frames) {
        return frames.stream().map(EslFrame::event).toList();
    }

    /**
     * Channel events by channel, the n-th channel of a name told apart from the others (two calls both named
     * loopback/9100-a), leaving out CODEC events: FreeSWITCH fires them as media is set up on its threads.
     */
    static Map<String, List<String>> perChannel(List<WireEvent> events) {
        Map<String, String> keyOfUuid = new HashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        Map<String, List<String>> out = new java.util.LinkedHashMap<>();
        for (WireEvent e : events) {
            String name = e.header("Channel-Name");
            String uuid = e.header("Unique-ID");
            if (name == null || uuid == null || e.kind().equals("CODEC")) {
                continue;
            }
            String key = keyOfUuid.computeIfAbsent(uuid, u -> name + "#" + seen.merge(name, 1, Integer::sum));
            out.computeIfAbsent(key, k -> new ArrayList<>()).add(e.kind());
        }
        return out;
    }
}

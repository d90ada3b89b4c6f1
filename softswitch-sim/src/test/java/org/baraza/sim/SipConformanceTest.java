package org.baraza.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.baraza.sim.testing.CommandsReplay;
import org.baraza.sim.testing.EslFrame;
import org.baraza.sim.testing.Media;
import org.baraza.sim.testing.Normalized;
import org.baraza.sim.testing.RecordedHttapi;
import org.baraza.sim.testing.TestWebhook;
import org.baraza.sim.testing.Transcript;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * sip-commands.log replayed with scripted phones in place of the recording's SIPp phones: a station phone
 * that answers, one that is busy, one that rings out, listeners calling the station numbers. Answers and
 * each channel's events are compared with sip-commands.log and sip-events-plain.log, under the dialplan the
 * recording ran (public numbers transferring to 9103 and 9100, the stock dialplan's hash and export steps).
 */
class SipConformanceTest {
    private static final String DATE = "export RFC2822_DATE=Sat, 21 Nov 2026 22:04:14 +0000";
    private static TestWebhook webhook;
    private static CommandsReplay replay;

    @BeforeAll
    static void replay() throws Exception {
        webhook = new TestWebhook();
        RecordedHttapi.load("sip-httapi-requests.log").forEach(e -> webhook.answer(e.response()));
        Path root = Files.createTempDirectory("sim-sip");
        Media.hello(root);
        List<String> hashes = List.of("hash insert/127.0.0.1-spymap/sipp/x", "hash insert/127.0.0.1-last_dial/sipp/x",
                "hash insert/127.0.0.1-last_dial/global/x", DATE);
        SoftswitchConfig.Builder config = SimFixture.config().webhookUrl(webhook.url()).fileRoot(root).timeScale(10)
                .withoutRecordedExtensions()
                .publicNumber("256700100007", List.of("set outside_call=true", DATE, "transfer 9103 XML default"))
                .publicNumber("256700100008", List.of("set outside_call=true", DATE, "transfer 9100 XML default"))
                .extension("9103", concat(hashes, "httapi {url=" + webhook.url() + "}"))
                .extension("9100", concat(hashes, "answer", "conference studio-a@default"));
        try (Softswitch sim = SimFixture.start(config)) {
            PhoneScript answers = PhoneScript.answersAfter(Duration.ofMillis(200));
            sim.phone("station7@127.0.0.1:5090", answers);
            sim.phone("station7@127.0.0.1:5091", answers);
            sim.phone("station7@127.0.0.1:5092", PhoneScript.busy());
            sim.phone("station7@127.0.0.1:5093", PhoneScript.ringsOut());
            sim.phone("station7@127.0.0.1:5094", PhoneScript.busy());
            replay = CommandsReplay.run(sim, Transcript.load("sip-commands.log"), null, Map.of(
                    "listener calls the station number over SIP", s -> {
                        String uuid = s.placeCall("sipp", "256700100007", PhoneScript.answersAtOnce());
                        s.awaitChannel(uuid, ch -> "conference".equals(ch.application()), Duration.ofSeconds(10));
                    },
                    "listener calls station number that goes straight to conference", s -> {
                        String uuid = s.placeCall("sipp", "256700100008",
                                PhoneScript.answersAtOnce().withHangUpAfter(Duration.ofSeconds(3)));
                        s.awaitGone(uuid, Duration.ofSeconds(10));
                    }));
        }
    }

    @AfterAll
    static void stop() {
        webhook.close();
    }

    @Test
    void everyAnswerIsFramedAndWordedAsRecorded() {
        for (CommandsReplay.Exchange e : replay.exchanges()) {
            String scenario = "scenario \"" + e.scenario() + "\", command: " + e.sent();
            assertThat(e.simulated().headerNames()).as(scenario).containsExactlyElementsOf(e.recorded().headerNames());
            assertThat(Normalized.text(e.simulated().body())).as(scenario).isEqualTo(Normalized.text(e.recorded().body()));
            if (e.recorded().replyText() != null) {
                assertThat(Normalized.text(e.simulated().replyText())).as(scenario)
                        .isEqualTo(Normalized.text(e.recorded().replyText()));
            }
        }
    }

    @Test
    void eachSipChannelFiresTheRecordedEventsInTheRecordedOrder() {
        Map<String, List<String>> recorded = withoutCallerPorts(EventsConformanceTest.perChannel(
                Transcript.load("sip-events-plain.log").events()));
        Map<String, List<String>> simulated = withoutCallerPorts(EventsConformanceTest.perChannel(
                replay.plainFrames().stream().map(EslFrame::event).toList()));
        for (String channel : recorded.keySet()) {
            assertThat(simulated).as("channels").containsKey(channel);
            assertThat(String.join(" ", simulated.get(channel))).as(channel)
                    .isEqualTo(String.join(" ", recorded.get(channel)));
        }
    }

    /** The sofia hangup dispositions: send_bye, recv_refuse (busy), send_cancel (ring-out), recv_bye (caller). */
    @Test
    void sipHangupsSayWhoEndedTheCall() {
        List<String> recorded = dispositions(Transcript.load("sip-events-plain.log").events());
        List<String> simulated = dispositions(replay.plainFrames().stream().map(EslFrame::event).toList());
        assertThat(simulated).containsExactlyInAnyOrderElementsOf(recorded);
    }

    private static List<String> dispositions(List<org.baraza.sim.testing.WireEvent> events) {
        return events.stream().filter(e -> "CHANNEL_HANGUP_COMPLETE".equals(e.name()))
                .map(e -> e.header("Channel-Name").replaceAll("@.*", "") + " " + e.header("Hangup-Cause") + " "
                        + e.header("variable_sip_hangup_disposition"))
                .toList();
    }

    /** SIPp called from a new port each time; a simulated phone calls from 5060. */
    private static Map<String, List<String>> withoutCallerPorts(Map<String, List<String>> byChannel) {
        Map<String, List<String>> out = new java.util.LinkedHashMap<>();
        Map<String, Integer> seen = new java.util.HashMap<>();
        byChannel.forEach((key, events) -> {
            String name = key.replaceAll("#\\d+$", "");
            if (name.startsWith("sofia/external/sipp@")) {
                name = name.replaceAll(":\\d+$", "");
            }
            out.put(name + "#" + seen.merge(name, 1, Integer::sum), events);
        });
        return out;
    }

    private static List<String> concat(List<String> first, String... more) {
        List<String> all = new java.util.ArrayList<>(first);
        all.addAll(List.of(more));
        return all;
    }
}

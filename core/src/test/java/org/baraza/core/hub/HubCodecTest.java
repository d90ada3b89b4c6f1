package org.baraza.core.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.baraza.core.hub.CallDocument.Answer;
import org.baraza.core.hub.CallDocument.Digits;
import org.baraza.core.hub.CallDocument.Hangup;
import org.baraza.core.hub.CallDocument.Join;
import org.baraza.core.hub.CallDocument.Menu;
import org.baraza.core.hub.CallDocument.Pause;
import org.baraza.core.hub.CallDocument.Play;
import org.baraza.core.hub.CallDocument.Record;
import org.baraza.core.hub.HubMessage.CallReply;
import org.baraza.core.hub.HubMessage.CallRequest;
import org.baraza.core.hub.HubMessage.Heartbeat;
import org.baraza.core.hub.HubMessage.Register;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class HubCodecTest {

    static List<Envelope> envelopes() {
        Envelope request = Envelope.of(new CallRequest("9f1c2d3e-0000-4000-8000-000000000001", 7, "256700100200", "256700100007",
                Map.of("step", "menu", "choice", "1"), false, true, HubMessage.CallerKind.HOST, 12L, null));
        CallDocument everything = new CallDocument(Map.of("step", "recorded"), Map.of("baraza_station", "7"), List.of(
                new Answer(),
                new Play(List.of("/var/lib/baraza/prompts/en/welcome.wav")),
                new Digits(List.of("/var/lib/baraza/prompts/en/enter-pin.wav"), 8, Duration.ofSeconds(10), "pin"),
                new Menu(List.of("/var/lib/baraza/prompts/en/menu.wav"), "123", Duration.ofSeconds(5), "choice"),
                new Join("baraza-s7-a41", "radio", Set.of("mute")),
                new Record("/var/lib/baraza/recordings/7/x.wav", Duration.ofMinutes(2), "tone_stream://%(500,0,800)", "recording"),
                new Pause(Duration.ofMillis(500)),
                new Hangup("NORMAL_CLEARING")));
        return List.of(
                Envelope.of(new Register("daemon-1", List.of(7L, 8L))),
                Envelope.of(new Heartbeat("daemon-1", List.of())),
                Envelope.of(new Heartbeat("daemon-2", List.of(7L), List.of(new HubMessage.SwitchLink("fs1", true),
                        new HubMessage.SwitchLink("fs2", false)))),
                request,
                request.reply(new CallReply(((CallRequest) request.message()).call(), everything)));
    }

    @ParameterizedTest
    @MethodSource("envelopes")
    void everyMessageSurvivesTheWire(Envelope envelope) {
        assertThat(HubCodec.decode(HubCodec.encode(envelope))).isEqualTo(envelope);
    }

    @org.junit.jupiter.api.Test
    void aHeartbeatOfADaemonThatDoesNotReportItsSwitchesHasNone() {
        Envelope old = HubCodec.decode("{\"v\":1,\"id\":\"a\",\"message\":{\"type\":\"Heartbeat\",\"daemonId\":\"d\",\"stations\":[3]}}"
                .getBytes(StandardCharsets.UTF_8));
        assertThat(old.message()).isEqualTo(new Heartbeat("d", List.of(3L)));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "", "not json", "[1,2]", "{\"v\":1}", "{\"v\":2,\"id\":\"a\",\"message\":{\"type\":\"Heartbeat\",\"daemonId\":\"d\",\"stations\":[]}}",
            "{\"v\":1,\"id\":\"a\",\"message\":{\"type\":\"Teleport\"}}", "{\"v\":1,\"id\":\"a\",\"message\":{\"type\":\"CallRequest\"}}",
            "{\"v\":1,\"message\":{\"type\":\"Heartbeat\",\"daemonId\":\"d\",\"stations\":[]}}"})
    void framesThatAreNotMessagesAreRefusedSayingWhy(String frame) {
        assertThatThrownBy(() -> HubCodec.decode(frame.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(HubProtocolException.class)
                .hasMessageNotContaining("Exception");
    }
}

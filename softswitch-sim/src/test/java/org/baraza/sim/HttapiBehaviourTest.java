package org.baraza.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioSystem;

import org.baraza.sim.testing.TestWebhook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * mod_httapi beyond the recorded exchanges, on a manual clock: listeners calling station numbers, keys,
 * pauses, recordings uploaded with the next request, temp-action, and webhooks that answer badly (the
 * application ends and the call hangs up, as FreeSWITCH ends it).
 */
class HttapiBehaviourTest {
    private static final String LISTENER = "256700000042";
    private static final String STATION = "256700100001";
    private static final Duration WAIT = Duration.ofSeconds(5);

    private final TestWebhook webhook = new TestWebhook();
    private final Softswitch sim = SimFixture.start(SimFixture.config().manualClock(true).webhookUrl(webhook.url()));

    @AfterEach
    void stop() {
        sim.close();
        webhook.close();
    }

    /** Scenario: listener calls the station number over SIP (sipp uac -> external profile 5080 -> public -> httapi). */
    @Test
    void aListenerCallingAStationNumberIsAskedForAndItsKeysAreSubmitted() {
        webhook.answer(document("<params><station>7</station></params>",
                "<playback file=\"silence_stream://2000\" name=\"choice\" input-timeout=\"5000\"><bind>~\\d</bind></playback>"));
        String uuid = sim.placeCall(LISTENER, STATION, PhoneScript.answersAtOnce().withKeyPress(Duration.ofSeconds(1), "3"));
        TestWebhook.Request first = request(1);
        assertThat(first.method()).isEqualTo("GET");
        assertThat(first.field("session_id")).isEqualTo(uuid);
        assertThat(first.field("Caller-Caller-ID-Number")).isEqualTo(LISTENER);
        assertThat(first.field("Caller-Destination-Number")).isEqualTo(STATION);
        assertThat(first.field("Caller-Source")).isEqualTo("mod_sofia");
        sim.clock().advance(Duration.ofSeconds(1));
        TestWebhook.Request second = request(2);
        assertThat(second.field("station")).isEqualTo("7");
        assertThat(second.field("choice")).isEqualTo("3");
        assertThat(second.field("input_type")).isEqualTo("dtmf");
        sim.awaitGone(uuid, WAIT);
        assertThat(request(3).field("exiting")).isEqualTo("true");
    }

    @Test
    void aPauseHoldsTheNextRequestForItsMilliseconds() {
        webhook.answer(document("", "<pause milliseconds=\"1500\"/>"));
        sim.placeCall(LISTENER, STATION, PhoneScript.answersAtOnce());
        request(1);
        sim.clock().advance(Duration.ofMillis(1_499));
        assertThat(webhook.requests()).hasSize(1);
        sim.clock().advance(Duration.ofMillis(1));
        request(2);
    }

    @Test
    void aTempActionSendsOnlyTheNextRequestElsewhere() {
        String other = webhook.url() + "/other";
        webhook.answer(document("", "<continue temp-action=\"" + other + "\"/>"));
        webhook.answer(document("", "<continue/>"));
        sim.placeCall(LISTENER, STATION, PhoneScript.answersAtOnce());
        assertThat(request(2).path()).isEqualTo("/httapi/other");
        assertThat(request(3).path()).isEqualTo("/httapi");
    }

    @Test
    void aRecordingIsUploadedWithTheNextRequestAsAWavAsLongAsTheRecording() throws Exception {
        webhook.answer(document("", "<record file=\"message.wav\" name=\"recorded_file\" limit=\"30\"/>"));
        long from = sim.eventPosition();
        String uuid = sim.placeCall(LISTENER, STATION, PhoneScript.answersAtOnce().withKeyPress(Duration.ofSeconds(4), "#"));
        request(1);
        sim.clock().advance(Duration.ofSeconds(4));
        TestWebhook.Request upload = request(2);
        assertThat(upload.method()).isEqualTo("POST");
        assertThat(upload.headers().get("Content-type").getFirst()).startsWith("multipart/form-data; boundary=");
        String body = new String(upload.body(), StandardCharsets.ISO_8859_1);
        assertThat(body).contains("name=\"session_id\"\r\n\r\n" + uuid + "\r\n")
                .contains("name=\"recorded_file\"; filename=\"");
        int riff = body.indexOf("RIFF");
        AudioFileFormat wav = AudioSystem.getAudioFileFormat(
                new ByteArrayInputStream(Arrays.copyOfRange(upload.body(), riff, upload.body().length)));
        assertThat(wav.getFrameLength() / wav.getFormat().getFrameRate()).isEqualTo(4.0f);
        assertThat(sim.eventsSince(from).stream().map(RecordedEvent::name))
                .containsSubsequence("RECORD_START", "DTMF", "RECORD_STOP");
    }

    @Test
    void aWebhookAnsweringWithAnErrorStatusEndsTheCall() {
        webhook.answer(new TestWebhook.Answer(500, "text/plain", "oops"));
        endsTheCall();
    }

    @Test
    void aDocumentThatIsNotXmlEndsTheCall() {
        webhook.answer(new TestWebhook.Answer(200, "text/xml", "<document><work><playback"));
        endsTheCall();
    }

    @Test
    void aTagTheSimulatorCannotPerformEndsTheCall() {
        webhook.answer(document("", "<speak engine=\"flite\">hello</speak>"));
        endsTheCall();
    }

    @Test
    void anApplicationTheProfileDoesNotAllowHangsUpAsDestinationOutOfOrder() {
        webhook.answer(document("", "<execute application=\"system\" data=\"rm -rf /\"/>"));
        long from = sim.eventPosition();
        String uuid = sim.placeCall(LISTENER, STATION, PhoneScript.answersAtOnce());
        sim.awaitGone(uuid, WAIT);
        assertThat(hangupCause(from, uuid)).isEqualTo("DESTINATION_OUT_OF_ORDER");
    }

    private void endsTheCall() {
        long from = sim.eventPosition();
        String uuid = sim.placeCall(LISTENER, STATION, PhoneScript.answersAtOnce());
        sim.awaitGone(uuid, WAIT);
        assertThat(hangupCause(from, uuid)).isEqualTo("NORMAL_CLEARING");
        assertThat(webhook.requests().getFirst().field("session_id")).isEqualTo(uuid);
    }

    private String hangupCause(long from, String uuid) {
        return sim.awaitEvent(from, e -> e.name().equals("CHANNEL_HANGUP_COMPLETE") && uuid.equals(e.uniqueId()), WAIT)
                .header("Hangup-Cause");
    }

    private TestWebhook.Request request(int count) {
        await().atMost(WAIT).until(() -> webhook.requests().size() >= count);
        return webhook.requests().get(count - 1);
    }

    private static String document(String params, String work) {
        return "<document type=\"text/freeswitch-httapi\">" + params + "<work>" + work + "</work></document>";
    }

}

package org.baraza.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.baraza.sim.testing.TestWebhook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * mod_httapi beyond the recorded exchanges, on a manual clock: listeners calling station numbers, keys,
 * pauses, temp-action, and webhooks that answer badly (the application ends and the call hangs up, as
 * FreeSWITCH ends it). Recordings: {@link HttapiRecordTest}; profiles: {@link HttapiProfilesTest}.
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
        webhook.answer(TestWebhook.document("<params><station>7</station></params>",
                "<playback file=\"silence_stream://2000\" name=\"choice\" input-timeout=\"5000\"><bind>~\\d</bind></playback>"));
        String uuid = sim.placeCall(LISTENER, STATION, PhoneScript.answersAtOnce().withKeyPress(Duration.ofSeconds(1), "3"));
        TestWebhook.Request first = webhook.awaitRequest(1);
        assertThat(first.method()).isEqualTo("GET");
        assertThat(first.field("session_id")).isEqualTo(uuid);
        assertThat(first.field("Caller-Caller-ID-Number")).isEqualTo(LISTENER);
        assertThat(first.field("Caller-Destination-Number")).isEqualTo(STATION);
        assertThat(first.field("Caller-Source")).isEqualTo("mod_sofia");
        sim.clock().advance(Duration.ofSeconds(1));
        TestWebhook.Request second = webhook.awaitRequest(2);
        assertThat(second.field("station")).isEqualTo("7");
        assertThat(second.field("choice")).isEqualTo("3");
        assertThat(second.field("input_type")).isEqualTo("dtmf");
        sim.awaitGone(uuid, WAIT);
        assertThat(webhook.awaitRequest(3).field("exiting")).isEqualTo("true");
    }

    @Test
    void aPauseHoldsTheNextRequestForItsMilliseconds() {
        webhook.answer(TestWebhook.document("", "<pause milliseconds=\"1500\"/>"));
        sim.placeCall(LISTENER, STATION, PhoneScript.answersAtOnce());
        webhook.awaitRequest(1);
        sim.clock().advance(Duration.ofMillis(1_499));
        assertThat(webhook.requests()).hasSize(1);
        sim.clock().advance(Duration.ofMillis(1));
        webhook.awaitRequest(2);
    }

    @Test
    void aTempActionSendsOnlyTheNextRequestElsewhere() {
        String other = webhook.url() + "/other";
        webhook.answer(TestWebhook.document("", "<continue temp-action=\"" + other + "\"/>"));
        webhook.answer(TestWebhook.document("", "<continue/>"));
        sim.placeCall(LISTENER, STATION, PhoneScript.answersAtOnce());
        assertThat(webhook.awaitRequest(2).path()).isEqualTo("/httapi/other");
        assertThat(webhook.awaitRequest(3).path()).isEqualTo("/httapi");
    }

    /**
     * Baraza lets a listener's call ring a while before it answers, so that a listener who hangs up in that
     * time is called back for free. mod_sofia ends such a call on the caller's CANCEL; the exiting request
     * repeats the caller profile read when httapi started, as every recorded request does (answered and
     * hangup times 0 even on the recorded exiting requests).
     */
    @Test
    void aCallHungUpWhileItRingsThroughASleepEndsUnansweredAndTheWebhookHearsSo() {
        webhook.answer(TestWebhook.document("", "<execute application=\"sleep\" data=\"3000\"/><execute application=\"answer\"/>"));
        long from = sim.eventPosition();
        String uuid = sim.placeCall(LISTENER, STATION, PhoneScript.answersAtOnce().withHangUpAfter(Duration.ofSeconds(2)));
        TestWebhook.Request first = webhook.awaitRequest(1);
        sim.awaitEvent(from, e -> e.name().equals("CHANNEL_EXECUTE") && "sleep".equals(e.header("Application")), WAIT);
        sim.clock().advance(Duration.ofSeconds(2));

        TestWebhook.Request exiting = webhook.awaitRequest(2);
        List<String> fields = new ArrayList<>(first.fieldNames());
        fields.add("exiting");
        assertThat(exiting.fieldNames()).containsExactlyElementsOf(fields);
        assertThat(exiting.field("exiting")).isEqualTo("true");
        assertThat(exiting.field("Caller-Channel-Answered-Time")).isEqualTo("0");
        assertThat(exiting.field("Caller-Channel-Hangup-Time")).isEqualTo("0");
        RecordedEvent ended = sim.awaitEvent(from, e -> e.name().equals("CHANNEL_HANGUP_COMPLETE") && uuid.equals(e.uniqueId()),
                WAIT);
        assertThat(ended.header("Hangup-Cause")).isEqualTo("ORIGINATOR_CANCEL");
        assertThat(ended.header("variable_sip_hangup_disposition")).isEqualTo("recv_cancel");
        assertThat(ended.header("Caller-Channel-Answered-Time")).isEqualTo("0");
        assertThat(sim.eventsSince(from)).noneMatch(e -> e.name().equals("CHANNEL_ANSWER"));
    }

    @Test
    void aCallThatRingsThroughTheSleepIsAnsweredAfterIt() {
        webhook.answer(TestWebhook.document("", "<execute application=\"sleep\" data=\"3000\"/><execute application=\"answer\"/>"));
        long from = sim.eventPosition();
        sim.placeCall(LISTENER, STATION, PhoneScript.answersAtOnce());
        webhook.awaitRequest(1);
        RecordedEvent sleep = sim.awaitEvent(from, e -> e.name().equals("CHANNEL_EXECUTE")
                && "sleep".equals(e.header("Application")), WAIT);
        sim.clock().advance(Duration.ofMillis(2_999));
        assertThat(sim.eventsSince(from)).noneMatch(e -> e.name().equals("CHANNEL_ANSWER"));
        sim.clock().advance(Duration.ofMillis(1));
        RecordedEvent answered = sim.awaitEvent(from, e -> e.name().equals("CHANNEL_ANSWER"), WAIT);
        assertThat(micros(answered) - micros(sleep)).isEqualTo(3_000_000L);
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
        webhook.answer(TestWebhook.document("", "<speak engine=\"flite\">hello</speak>"));
        endsTheCall();
    }

    @Test
    void anApplicationTheProfileDoesNotAllowHangsUpAsDestinationOutOfOrder() {
        webhook.answer(TestWebhook.document("", "<execute application=\"system\" data=\"rm -rf /\"/>"));
        long from = sim.eventPosition();
        String uuid = sim.placeCall(LISTENER, STATION, PhoneScript.answersAtOnce());
        sim.awaitGone(uuid, WAIT);
        assertThat(SimFixture.hangupCause(sim, from, uuid)).isEqualTo("DESTINATION_OUT_OF_ORDER");
    }

    private void endsTheCall() {
        long from = sim.eventPosition();
        String uuid = sim.placeCall(LISTENER, STATION, PhoneScript.answersAtOnce());
        sim.awaitGone(uuid, WAIT);
        assertThat(SimFixture.hangupCause(sim, from, uuid)).isEqualTo("NORMAL_CLEARING");
        assertThat(webhook.requests().getFirst().field("session_id")).isEqualTo(uuid);
    }


    private static long micros(RecordedEvent e) {
        return Long.parseLong(e.header("Event-Date-Timestamp"));
    }
}

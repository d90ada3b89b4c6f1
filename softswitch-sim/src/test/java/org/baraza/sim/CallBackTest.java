package org.baraza.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.baraza.sim.testing.EslFrame;
import org.baraza.sim.testing.RawEslClient;
import org.baraza.sim.testing.TestWebhook;
import org.baraza.sim.testing.WireEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A listener called back, as Baraza's station daemon calls one over the event socket: {@code bgapi originate}
 * with Baraza's uuid and channel variables to the default context's {@code baraza-callback} extension, which
 * hands the answered leg to the webhook through the "baraza" httapi profile (freeswitch-conf's
 * dialplan/default/00_baraza.xml). The variables are the channel's, not the requests': mod_httapi sends the
 * caller profile, and a document reads a variable with {@code <getVariable>}.
 */
class CallBackTest {
    private static final String UUID = "5b0f7a52-3c1e-4d2a-9e47-0c8d6f1b2a93";
    private static final String NUMBER = "+254700000042";
    private static final Duration WAIT = Duration.ofSeconds(5);

    private final TestWebhook webhook = new TestWebhook();
    private final Softswitch sim = SimFixture.start(SimFixture.config().manualClock(true)
            .httapiProfile(HttapiProfile.baraza(webhook.url(), "freeswitch", "s3cret"))
            .extension("baraza-callback", List.of("httapi {httapi_profile=baraza}")));

    @AfterEach
    void stop() {
        sim.close();
        webhook.close();
    }

    @Test
    void anAnsweredCallBackRunsTheExtensionAndAsksTheWebhookUnderItsUuid() throws Exception {
        sim.phone(NUMBER, PhoneScript.answersAtOnce());
        webhook.answer(TestWebhook.document("<getVariable name=\"baraza_role\"/><getVariable name=\"baraza_leg\" permanent=\"true\"/>"));
        try (RawEslClient esl = RawEslClient.login(sim.eslAddress(), SoftswitchConfig.DEFAULT_PASSWORD)) {
            esl.command("event plain BACKGROUND_JOB");
            EslFrame accepted = esl.command("bgapi originate {origination_uuid=" + UUID + ",baraza_station=7,"
                    + "baraza_role=listener,baraza_leg=L-9,originate_timeout=30}sofia/gateway/baraza/" + NUMBER
                    + " baraza-callback XML default");
            assertThat(accepted.replyText()).startsWith("+OK Job-UUID: ");
            WireEvent job = esl.eventsUntil(e -> "BACKGROUND_JOB".equals(e.name())).getLast();
            assertThat(job.body()).isEqualTo("+OK " + UUID + "\n");
            assertThat(esl.api("uuid_getvar " + UUID + " baraza_role")).isEqualTo("listener");

            TestWebhook.Request first = webhook.awaitRequest(1);
            assertThat(first.field("session_id")).isEqualTo(UUID);
            assertThat(first.field("httapi_profile")).isEqualTo("baraza");
            assertThat(first.field("Caller-Destination-Number")).isEqualTo("baraza-callback");
            assertThat(first.field("Caller-Context")).isEqualTo("default");
            assertThat(first.field("Caller-Caller-ID-Number")).isEqualTo(NUMBER);
            assertThat(first.field("Caller-Channel-Answered-Time")).as("answered before the webhook was asked")
                    .matches("[1-9][0-9]{15}");
            assertThat(first.fieldNames()).as("the channel's variables are not sent")
                    .noneMatch(name -> name.startsWith("variable_") || name.startsWith("baraza_"));

            TestWebhook.Request second = webhook.awaitRequest(2);
            assertThat(second.field("baraza_role")).isEqualTo("listener");
            assertThat(second.field("baraza_leg")).isEqualTo("L-9");
            TestWebhook.Request exiting = webhook.awaitRequest(3);
            assertThat(exiting.field("exiting")).isEqualTo("true");
            assertThat(exiting.fieldNames()).as("a permanent getVariable stays, a one-time one does not")
                    .contains("baraza_leg").doesNotContain("baraza_role");
        }
        sim.awaitGone(UUID, WAIT);
    }

    @Test
    void aCallBackToAnExtensionTheDialplanLacksIsNotSentToTheWebhook() throws Exception {
        sim.phone(NUMBER, PhoneScript.answersAtOnce());
        long from = sim.eventPosition();
        String job = sim.backgroundApi("originate {origination_uuid=" + UUID + ",baraza_role=listener}sofia/gateway/baraza/"
                + NUMBER + " baraza-callbak XML default");
        RecordedEvent done = sim.awaitEvent(from, e -> e.name().equals("BACKGROUND_JOB") && job.equals(e.header("Job-UUID")),
                WAIT);
        assertThat(done.body()).isEqualTo("+OK " + UUID + "\n");
        sim.awaitGone(UUID, WAIT);
        assertThat(webhook.requests()).isEmpty();
    }
}

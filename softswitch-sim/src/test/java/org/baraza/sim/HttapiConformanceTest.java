package org.baraza.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.baraza.sim.testing.Media;
import org.baraza.sim.testing.RawEslClient;
import org.baraza.sim.testing.RecordedHttapi;
import org.baraza.sim.testing.TestWebhook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * mod_httapi's requests, field for field against httapi-requests.log and sip-httapi-requests.log: the
 * webhook answers with the recorded documents and the simulator must ask the same questions.
 */
class HttapiConformanceTest {
    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @TempDir
    Path root;

    private final TestWebhook webhook = new TestWebhook();

    @AfterEach
    void stop() {
        webhook.close();
    }

    /** Scenario: httapi inbound call: originate loopback/9103 which runs httapi; ... we send dtmf 1. */
    @Test
    void aLoopbackCallToTheHttapiExtensionAsksTheWebhookAsFreeswitchDid() throws Exception {
        List<RecordedHttapi.Exchange> recorded = RecordedHttapi.load("httapi-requests.log");
        recorded.forEach(e -> webhook.answer(e.response()));
        Media.hello(root);
        try (Softswitch sim = SimFixture.start(SimFixture.config().webhookUrl(webhook.url()).fileRoot(root));
             RawEslClient c = RawEslClient.login(sim.eslAddress(), "ClueCon")) {
            assertThat(c.api("originate {origination_uuid=0677536d-5016-4c14-ae57-fd443787cf10,"
                    + "origination_caller_id_number=256700000099}loopback/9103 &park()"))
                    .isEqualTo("+OK 0677536d-5016-4c14-ae57-fd443787cf10\n");
            await().atMost(Duration.ofSeconds(5)).until(() -> webhook.requests().size() == 1);
            assertThat(c.api("uuid_send_dtmf 0677536d-5016-4c14-ae57-fd443787cf10 1"))
                    .isEqualTo("+OK 0677536d-5016-4c14-ae57-fd443787cf10 sent DTMF 1.\n");
            await().atMost(Duration.ofSeconds(5)).until(() -> webhook.requests().size() == 2);
            assertThat(c.api("hupall NORMAL_CLEARING")).isEqualTo("+OK hangup all channels with cause NORMAL_CLEARING\n");
            await().atMost(Duration.ofSeconds(5)).until(() -> webhook.requests().size() == 3);
        }
        List<TestWebhook.Request> made = webhook.requests();
        for (int i = 0; i < recorded.size(); i++) {
            sameRequest(made.get(i), recorded.get(i));
        }
        assertThat(made.get(1).field("choice")).isEqualTo("1");
        assertThat(made.get(2).field("exiting")).isEqualTo("true");
    }

    /**
     * Scenario: listener calls the station number over SIP (sipp uac -> external profile 5080 -> public -> httapi):
     * nobody presses a key, so the prompt plays twice with its error file and the webhook hears "invalid".
     */
    @Test
    void aListenerCallingTheStationNumberIsPromptedTwiceAndReportedInvalid() throws Exception {
        List<RecordedHttapi.Exchange> recorded = RecordedHttapi.load("sip-httapi-requests.log");
        recorded.forEach(e -> webhook.answer(e.response()));
        Media.hello(root);
        try (Softswitch sim = SimFixture.start(SimFixture.config().webhookUrl(webhook.url()).fileRoot(root)
                .timeScale(20).publicNumber("256700100007", List.of("transfer 9103 XML default")))) {
            String uuid = sim.placeCall("sipp", "256700100007", PhoneScript.answersAtOnce());
            await().atMost(Duration.ofSeconds(10)).until(() -> webhook.requests().size() == 2);
            sim.awaitChannel(uuid, ch -> "conference".equals(ch.application()), Duration.ofSeconds(5));
            sim.hangUp(uuid);
            await().atMost(Duration.ofSeconds(5)).until(() -> webhook.requests().size() == 3);
        }
        List<TestWebhook.Request> made = webhook.requests();
        for (int i = 0; i < recorded.size(); i++) {
            sameRequest(made.get(i), recorded.get(i));
        }
        assertThat(made.get(1).field("choice")).isEqualTo("invalid");
        assertThat(made.get(1).field("input_type")).isEqualTo("invalid");
    }

    static void sameRequest(TestWebhook.Request made, RecordedHttapi.Exchange recorded) {
        assertThat(made.method()).isEqualTo(recorded.method());
        assertThat(made.fieldNames()).containsExactlyElementsOf(recorded.fieldNames());
        for (Map.Entry<String, String> f : recorded.fields().entrySet()) {
            String name = f.getKey();
            String actual = made.field(name);
            if (name.equals("session_id") || name.equals("Caller-Unique-ID")) {
                assertThat(actual).as(name).matches(UUID);
                assertThat(actual).isEqualTo(made.field("session_id"));
            } else if (name.endsWith("-Time")) {
                assertThat(actual).as(name).matches(f.getValue().equals("0") ? "0" : "[1-9][0-9]{15}");
            } else if (name.equals("url")) {
                assertThat(actual).matches("http://127\\.0\\.0\\.1:\\d+/httapi");
            } else if (name.equals("Caller-Channel-Name")) {
                assertThat(actual).as(name).startsWith(f.getValue().replaceAll(":\\d+$", ""));
            } else if (name.equals("Caller-Transfer-Source")) {
                assertThat(actual).as(name).matches("\\d{10}:" + UUID + ":bl_xfer:9103/default/XML");
            } else if (name.equals("hostname")) {
                assertThat(actual).isEqualTo("baraza-sim");
            } else {
                assertThat(actual).as(name).isEqualTo(f.getValue());
            }
        }
        assertThat(made.headers().get("User-agent")).containsExactly(recorded.headers().get("User-Agent"));
        assertThat(made.headers().get("Accept")).containsExactly(recorded.headers().get("Accept"));
    }
}

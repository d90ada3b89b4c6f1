package org.baraza.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import org.baraza.sim.testing.TestWebhook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * mod_httapi's profiles, with freeswitch-conf's "baraza" profile and public dialplan: basic auth on every
 * request, the profile's gateway URL, and what a document may do (mod_httapi.c's parse_execute,
 * parse_conference, parse_xml): applications and variables off the profile's lists are refused, the
 * {@code <answer/>} tag does not exist, conferences are of the profile's conference profile.
 */
class HttapiProfilesTest {
    private static final String LISTENER = "256700000042";
    private static final String STATION = "256700100001";
    private static final Duration WAIT = Duration.ofSeconds(5);
    /** Keeps the call where it is: the clock is manual and never reaches the pause's end. */
    private static final String HOLD = "<pause milliseconds=\"600000\"/>";

    private final TestWebhook webhook = new TestWebhook();
    private final Softswitch sim = SimFixture.start(SimFixture.config().manualClock(true)
            .httapiProfile(HttapiProfile.baraza(webhook.url(), "freeswitch", "s3cret"))
            .publicNumber(STATION, List.of("httapi {httapi_profile=baraza}", "hangup NORMAL_TEMPORARY_FAILURE")));

    @AfterEach
    void stop() {
        sim.close();
        webhook.close();
    }

    @Test
    void everyRequestCarriesTheProfilesCredentialsAndGoesToItsGateway() {
        webhook.answer(TestWebhook.document("<execute application=\"answer\"/>")).answer(TestWebhook.document(HOLD));
        String uuid = sim.placeCall(LISTENER, STATION, PhoneScript.answersAtOnce());
        webhook.awaitRequest(2);
        sim.hangUp(uuid);
        TestWebhook.Request exiting = webhook.awaitRequest(3);

        String basic = "Basic " + Base64.getEncoder().encodeToString("freeswitch:s3cret".getBytes(StandardCharsets.UTF_8));
        assertThat(webhook.requests()).allSatisfy(r -> assertThat(r.headers().get("Authorization")).containsExactly(basic));
        TestWebhook.Request first = webhook.requests().getFirst();
        // The data's {httapi_profile=baraza} is a param of every request; the gateway URL joins after the caller's data.
        assertThat(first.fieldNames()).startsWith("session_id", "httapi_profile", "hostname", "Caller-Direction")
                .endsWith("Caller-Privacy-Hide-Number", "url");
        assertThat(first.field("httapi_profile")).isEqualTo("baraza");
        assertThat(first.field("url")).isEqualTo(webhook.url().toString());
        assertThat(exiting.field("exiting")).isEqualTo("true");
    }

    @Test
    void credentialsWrittenIntoTheUrlWinAndLeaveTheUrl() {
        URI withUser = URI.create(webhook.url().toString().replace("http://", "http://alice:pw@"));
        try (Softswitch other = SimFixture.start(SimFixture.config().manualClock(true)
                .httapiProfile(HttapiProfile.baraza(withUser, "freeswitch", "s3cret"))
                .publicNumber(STATION, List.of("httapi {httapi_profile=baraza}")))) {
            other.placeCall(LISTENER, STATION, PhoneScript.answersAtOnce());
            TestWebhook.Request first = webhook.awaitRequest(1);
            assertThat(first.headers().get("Authorization")).containsExactly("Basic "
                    + Base64.getEncoder().encodeToString("alice:pw".getBytes(StandardCharsets.UTF_8)));
            assertThat(first.path()).isEqualTo("/httapi");
        }
    }

    @Test
    void anApplicationTheProfileDoesNotListHangsTheCallUp() {
        assertThat(causeOfACallAnswered(sim, "<execute application=\"park\"/>")).isEqualTo("DESTINATION_OUT_OF_ORDER");
        assertThat(webhook.awaitRequest(2).field("exiting")).isEqualTo("true");
    }

    @Test
    void dataWithVariablesIsRefusedWhileTheProfileDoesNotExpandThem() {
        assertThat(causeOfACallAnswered(sim, "<execute application=\"playback\" data=\"${sound_prefix}/hello.wav\"/>"))
                .isEqualTo("DESTINATION_OUT_OF_ORDER");
    }

    @Test
    void onlyTheVariablesTheProfileNamesAreSetAndTheCallGoesOn() {
        webhook.answer(TestWebhook.document("<variables><baraza_station>7</baraza_station>"
                + "<execute_on_answer>system reboot</execute_on_answer></variables>", "<execute application=\"answer\"/>"))
                .answer(TestWebhook.document(HOLD));
        String uuid = sim.placeCall(LISTENER, STATION, PhoneScript.answersAtOnce());
        webhook.awaitRequest(2);
        ChannelView channel = sim.channel(uuid).orElseThrow();
        assertThat(channel.variables()).containsEntry("baraza_station", "7").doesNotContainKey("execute_on_answer");
        assertThat(channel.answerState()).isEqualTo("answered");
    }

    /** mod_httapi 1.10 binds no parser to "answer": the document ends there and the dialplan goes on. */
    @Test
    void anAnswerTagIsUnsupportedSoTheCallIsNotAnswered() {
        long from = sim.eventPosition();
        assertThat(causeOfACallAnswered(sim, "<answer/><playback file=\"silence_stream://1000\"/>"))
                .isEqualTo("NORMAL_TEMPORARY_FAILURE");
        assertThat(sim.eventsSince(from)).noneMatch(e -> e.name().equals("CHANNEL_ANSWER"));
    }

    @Test
    void theConferenceTagJoinsAConferenceOfTheProfilesConferenceProfile() {
        webhook.answer(TestWebhook.document("<conference profile=\"loud\">studio-a@other</conference>"));
        long from = sim.eventPosition();
        String uuid = sim.placeCall(LISTENER, STATION, PhoneScript.answersAtOnce());
        RecordedEvent added = sim.awaitEvent(from, e -> "add-member".equals(e.action()), WAIT);
        assertThat(added.uniqueId()).isEqualTo(uuid);
        assertThat(added.header("Conference-Name")).isEqualTo("studio-a");
        assertThat(added.header("Conference-Profile-Name")).isEqualTo("radio");
    }

    /** parse_get_var: a variable the profile does not let documents read ends the document, not the call. */
    @Test
    void readingAVariableOffTheProfilesListEndsTheDocument() {
        HttapiProfile.Permissions readOnlyOurs = new HttapiProfile.Permissions(true, HttapiProfile.Names.NONE,
                HttapiProfile.Names.only("baraza_station"), HttapiProfile.Names.only("answer"), false, true, false);
        try (Softswitch strict = SimFixture.start(SimFixture.config().manualClock(true)
                .httapiProfile(HttapiProfile.builder("strict", webhook.url()).permissions(readOnlyOurs).build())
                .publicNumber(STATION, List.of("httapi {httapi_profile=strict}", "hangup NORMAL_TEMPORARY_FAILURE")))) {
            assertThat(causeOfACallAnswered(strict, "<execute application=\"answer\"/><getVariable name=\"sip_from_user\"/>"))
                    .isEqualTo("NORMAL_TEMPORARY_FAILURE");
            TestWebhook.Request exiting = webhook.awaitRequest(2);
            assertThat(exiting.field("exiting")).isEqualTo("true");
            assertThat(exiting.fieldNames()).doesNotContain("sip_from_user");
        }
        assertThat(webhook.requests()).hasSize(2);
    }

    @Test
    void aCallNamingAProfileThatDoesNotExistGoesOnWithItsDialplan() {
        try (Softswitch unknown = SimFixture.start(SimFixture.config().manualClock(true).webhookUrl(webhook.url())
                .publicNumber(STATION, List.of("httapi {httapi_profile=nosuch}", "hangup NORMAL_TEMPORARY_FAILURE")))) {
            assertThat(causeOfACallAnswered(unknown, HOLD)).isEqualTo("NORMAL_TEMPORARY_FAILURE");
        }
        assertThat(webhook.requests()).isEmpty();
    }

    /** A listener calls the station, the webhook answers with the work: how the call ended. */
    private String causeOfACallAnswered(Softswitch on, String work) {
        webhook.answer(TestWebhook.document(work));
        long from = on.eventPosition();
        String uuid = on.placeCall(LISTENER, STATION, PhoneScript.answersAtOnce());
        on.awaitGone(uuid, WAIT);
        return SimFixture.hangupCause(on, from, uuid);
    }
}

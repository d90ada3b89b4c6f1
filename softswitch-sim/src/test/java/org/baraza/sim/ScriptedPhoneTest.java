package org.baraza.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.baraza.sim.testing.Background;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Scripted phones on a manual clock: each pickup, hang-up, key press and talk spurt happens at exactly the
 * scripted instant of simulated time, and originate answers as the recorded SIP scenarios did.
 */
class ScriptedPhoneTest {
    private static final String PHONE = "256700000001";
    private static final String UUID = "5b0cbd0e-79a8-4f57-9d4b-3d1b5a0c2f11";
    private static final Duration WAIT = Duration.ofSeconds(5);

    private final Softswitch sim = SimFixture.start(SimFixture.config().manualClock(true));

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void aPhoneAnswersWhenItsRingingTimeIsUp() throws Exception {
        sim.phone(PHONE, PhoneScript.answersAfter(Duration.ofSeconds(3)));
        CompletableFuture<String> reply = originate("");
        sim.awaitChannel(UUID, c -> "ringing".equals(c.answerState()), WAIT);
        sim.clock().advance(Duration.ofMillis(2_999));
        assertThat(reply).isNotDone();
        assertThat(sim.channel(UUID).orElseThrow().answered()).isFalse();
        sim.clock().advance(Duration.ofMillis(1));
        assertThat(reply.get(5, TimeUnit.SECONDS)).isEqualTo("+OK " + UUID + "\n");
        assertThat(sim.channel(UUID).orElseThrow().answered()).isTrue();
    }

    /** Scenario: station phone rings but never answers (originate_timeout=4). */
    @Test
    void aPhoneThatRingsOutEndsTheOriginateAtItsTimeout() throws Exception {
        sim.phone(PHONE, PhoneScript.ringsOut());
        long from = sim.eventPosition();
        CompletableFuture<String> reply = originate("originate_timeout=4,");
        sim.awaitChannel(UUID, c -> "ringing".equals(c.answerState()), WAIT);
        sim.clock().advance(Duration.ofMillis(3_999));
        assertThat(reply).isNotDone();
        sim.clock().advance(Duration.ofMillis(1));
        assertThat(reply.get(5, TimeUnit.SECONDS)).isEqualTo("-ERR NO_ANSWER\n");
        RecordedEvent end = sim.awaitEvent(from, e -> e.name().equals("CHANNEL_HANGUP_COMPLETE"), WAIT);
        assertThat(end.header("Hangup-Cause")).isEqualTo("NO_ANSWER");
        assertThat(end.header("variable_sip_hangup_disposition")).isEqualTo("send_cancel");
    }

    /** Scenario: station phone busy (486). */
    @Test
    void refusingPhonesGiveTheirCause() throws Exception {
        sim.phone(PHONE, PhoneScript.busy());
        assertThat(originate("").get(5, TimeUnit.SECONDS)).isEqualTo("-ERR USER_BUSY\n");
        sim.phone(PHONE, PhoneScript.rejects("CALL_REJECTED"));
        assertThat(originate("").get(5, TimeUnit.SECONDS)).isEqualTo("-ERR CALL_REJECTED\n");
        sim.phone(PHONE, PhoneScript.unreachable());
        assertThat(originate("").get(5, TimeUnit.SECONDS)).isEqualTo("-ERR NORMAL_TEMPORARY_FAILURE\n");
        assertThat(sim.api("originate sofia/gateway/gsm/256700000999 &park()"))
                .as("a number nobody scripted is unreachable").isEqualTo("-ERR NORMAL_TEMPORARY_FAILURE\n");
    }

    /** Scenario: listener calls station number that goes straight to conference, caller hangs up after 3 s. */
    @Test
    void aPhoneHangsUpByItselfAtTheScriptedTimeAfterAnswering() throws Exception {
        sim.phone(PHONE, PhoneScript.answersAfter(Duration.ofSeconds(1)).withHangUpAfter(Duration.ofSeconds(10)));
        long from = sim.eventPosition();
        CompletableFuture<String> reply = originate("");
        sim.awaitChannel(UUID, c -> "ringing".equals(c.answerState()), WAIT);
        sim.clock().advance(Duration.ofSeconds(1));
        assertThat(reply.get(5, TimeUnit.SECONDS)).startsWith("+OK");
        sim.clock().advance(Duration.ofMillis(9_999));
        assertThat(sim.channel(UUID)).isPresent();
        sim.clock().advance(Duration.ofMillis(1));
        sim.awaitGone(UUID, WAIT);
        RecordedEvent end = sim.awaitEvent(from, e -> e.name().equals("CHANNEL_HANGUP_COMPLETE"), WAIT);
        assertThat(end.header("Hangup-Cause")).isEqualTo("NORMAL_CLEARING");
        assertThat(end.header("variable_sip_hangup_disposition")).isEqualTo("recv_bye");
        assertThat(end.header("variable_billsec")).isEqualTo("10");
    }

    @Test
    void keysArriveAsDtmfEventsAQuarterSecondApartFromTheScriptedInstant() throws Exception {
        sim.phone(PHONE, PhoneScript.answersAtOnce().withKeyPress(Duration.ofSeconds(2), "1#"));
        assertThat(originate("").get(5, TimeUnit.SECONDS)).startsWith("+OK");
        long from = sim.eventPosition();
        sim.clock().advance(Duration.ofMillis(1_999));
        assertThat(dtmf(from)).isEmpty();
        sim.clock().advance(Duration.ofMillis(1));
        assertThat(dtmf(from)).containsExactly("1");
        sim.clock().advance(Duration.ofMillis(250));
        assertThat(dtmf(from)).containsExactly("1", "#");
        RecordedEvent key = sim.eventsSince(from).stream().filter(e -> e.name().equals("DTMF")).findFirst()
                .orElseThrow();
        assertThat(key.uniqueId()).isEqualTo(UUID);
        assertThat(key.header("DTMF-Source")).isEqualTo("RTP");
        assertThat(key.header("DTMF-Duration")).isEqualTo("2000");
    }

    @Test
    void pressingKeysThroughTheSimulatorReachesTheChannel() throws Exception {
        sim.phone(PHONE, PhoneScript.answersAtOnce());
        assertThat(originate("").get(5, TimeUnit.SECONDS)).startsWith("+OK");
        long from = sim.eventPosition();
        sim.pressKeys(UUID, "42");
        sim.awaitEvent(from, e -> e.name().equals("DTMF"), WAIT);
        sim.clock().advance(Duration.ofMillis(250));
        assertThat(dtmf(from)).containsExactly("4", "2");
    }

    @Test
    void aPhoneInAConferenceTalksDuringItsScriptedSpurt() throws Exception {
        sim.phone(PHONE, PhoneScript.answersAtOnce().withTalk(Duration.ofSeconds(1), Duration.ofSeconds(3)));
        long from = sim.eventPosition();
        assertThat(sim.api("originate {origination_uuid=" + UUID + "}sofia/gateway/gsm/" + PHONE
                + " &conference(studio-b)")).startsWith("+OK");
        sim.clock().advance(Duration.ofSeconds(1));
        assertThat(conferenceActions(from)).contains("add-member", "start-talking").doesNotContain("stop-talking");
        assertThat(sim.conference("studio-b").orElseThrow().members().getFirst().talking()).isTrue();
        sim.clock().advance(Duration.ofSeconds(2));
        assertThat(conferenceActions(from)).containsSubsequence("add-member", "start-talking", "stop-talking");
    }

    @Test
    void everyPhoneWithoutAScriptOfItsOwnFollowsTheWildcardScript() throws Exception {
        sim.phone("*", PhoneScript.busy());
        sim.phone(PHONE, PhoneScript.answersAtOnce());
        assertThat(sim.api("originate sofia/gateway/gsm/256700000999 &park()")).isEqualTo("-ERR USER_BUSY\n");
        assertThat(originate("").get(5, TimeUnit.SECONDS)).startsWith("+OK");
    }

    @Test
    void scriptsRefuseNonsense() {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> PhoneScript.answersAfter(Duration.ofSeconds(-1)));
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> PhoneScript.answersAtOnce().withKeyPress(Duration.ZERO, "12x"));
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> PhoneScript.rejects("NOT_A_CAUSE"));
    }

    private CompletableFuture<String> originate(String variables) {
        return Background.run("originate", () -> sim.api("originate {origination_uuid=" + UUID + "," + variables
                + "}sofia/gateway/gsm/" + PHONE + " &park()"));
    }

    private List<String> dtmf(long from) {
        return sim.eventsSince(from).stream().filter(e -> e.name().equals("DTMF"))
                .map(e -> e.header("DTMF-Digit")).toList();
    }

    private List<String> conferenceActions(long from) {
        return sim.eventsSince(from).stream().filter(e -> "conference::maintenance".equals(e.subclass()))
                .map(RecordedEvent::action).toList();
    }
}

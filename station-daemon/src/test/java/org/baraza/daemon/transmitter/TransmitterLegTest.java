package org.baraza.daemon.transmitter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.baraza.daemon.transmitter.TransmitterCommand.CameUp;
import org.baraza.daemon.transmitter.TransmitterCommand.CancelRetry;
import org.baraza.daemon.transmitter.TransmitterCommand.Dial;
import org.baraza.daemon.transmitter.TransmitterCommand.Hangup;
import org.baraza.daemon.transmitter.TransmitterCommand.RoundFailed;
import org.baraza.daemon.transmitter.TransmitterCommand.ScheduleRetry;
import org.baraza.daemon.transmitter.TransmitterCommand.WentDown;
import org.baraza.daemon.transmitter.TransmitterEvent.Adopted;
import org.baraza.daemon.transmitter.TransmitterEvent.Answered;
import org.baraza.daemon.transmitter.TransmitterEvent.DialFailed;
import org.baraza.daemon.transmitter.TransmitterEvent.HungUp;
import org.baraza.daemon.transmitter.TransmitterEvent.Needed;
import org.baraza.daemon.transmitter.TransmitterEvent.Released;
import org.baraza.daemon.transmitter.TransmitterEvent.RetryDue;
import org.baraza.daemon.transmitter.TransmitterLeg.Step;
import org.baraza.daemon.transmitter.TransmitterState.Dialing;
import org.baraza.daemon.transmitter.TransmitterState.HangingUp;
import org.baraza.daemon.transmitter.TransmitterState.Idle;
import org.baraza.daemon.transmitter.TransmitterState.Up;
import org.baraza.daemon.transmitter.TransmitterState.Waiting;
import org.baraza.programs.LegId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The transmitter call as a table: given a state, when an event, then this state and these commands. */
class TransmitterLegTest {

    private static final String SIP = "sofia/internal/transmitter@10.0.0.5";
    private static final String SIM1 = "sofia/gateway/sim1/0772100200";
    private static final String SIM2 = "sofia/gateway/sim2/0752100200";
    private static final TransmitterLeg MACHINE = new TransmitterLeg(DialPolicy.of(List.of(SIP, SIM1, SIM2)));
    private static final Instant T0 = Instant.parse("2026-11-21T06:59:00Z");
    private static final LegId T1 = new LegId("transmitter-1");
    private static final LegId T2 = new LegId("transmitter-2");
    private static final LegId T3 = new LegId("transmitter-3");
    private static final LegId T4 = new LegId("transmitter-4");
    private static final LegId ADOPTED = new LegId("transmitter-adopted");

    private static Instant at(int seconds) {
        return T0.plusSeconds(seconds);
    }

    record Row(String name, TransmitterState given, TransmitterEvent when, Step then) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Row> table() {
        Dialing firstDial = new Dialing(T1, 0, 1, null, 1);
        Up upOnSip = new Up(T1, 0, at(3), 1);
        return List.of(
                new Row("needed, it dials the first dial string", new Idle(0), new Needed(at(0)),
                        Step.to(firstDial, new Dial(T1, SIP))),
                new Row("answered, it is up and says where the air is", firstDial, new Answered(T1, at(3)),
                        Step.to(upOnSip, new CameUp(T1, SIP, at(3), null))),
                new Row("busy on the first dial string, it tries the next at once", firstDial,
                        new DialFailed(T1, "USER_BUSY", at(1)),
                        Step.to(new Dialing(T2, 1, 1, null, 2), new Dial(T2, SIM1))),
                new Row("a failed originate's hang-up counts as the failure", firstDial,
                        new HungUp(T1, "NO_ANSWER", at(30)),
                        Step.to(new Dialing(T2, 1, 1, null, 2), new Dial(T2, SIM1))),
                new Row("the last dial string failing ends the round and waits", new Dialing(T3, 2, 1, null, 3),
                        new DialFailed(T3, "NO_ANSWER", at(40)),
                        Step.to(new Waiting(1, "NO_ANSWER", null, 3), new RoundFailed(1, "NO_ANSWER", at(40)),
                                new ScheduleRetry(Duration.ofSeconds(2)))),
                new Row("the wait over, the next round starts from the first dial string", new Waiting(1, "NO_ANSWER", null, 3),
                        new RetryDue(at(42)), Step.to(new Dialing(T4, 0, 2, null, 4), new Dial(T4, SIP))),
                new Row("later rounds wait longer", new Dialing(T3, 2, 3, null, 9), new DialFailed(T3, "USER_BUSY", at(60)),
                        Step.to(new Waiting(3, "USER_BUSY", null, 9), new RoundFailed(3, "USER_BUSY", at(60)),
                                new ScheduleRetry(Duration.ofSeconds(10)))),
                new Row("a call that drops is redialled at once and the silence noted", upOnSip,
                        new HungUp(T1, "NORMAL_CLEARING", at(600)),
                        Step.to(new Dialing(T2, 0, 1, at(600), 2), new WentDown(at(600), "NORMAL_CLEARING"), new Dial(T2, SIP))),
                new Row("back up after a drop, it says since when the air was silent", new Dialing(T2, 0, 1, at(600), 2),
                        new Answered(T2, at(604)),
                        Step.to(new Up(T2, 0, at(604), 2), new CameUp(T2, SIP, at(604), at(600)))),
                new Row("released while up, it hangs up", upOnSip, new Released(at(900)),
                        Step.to(new HangingUp(T1, false, 1), new Hangup(T1))),
                new Row("released while ringing, it hangs up the ringing leg", firstDial, new Released(at(1)),
                        Step.to(new HangingUp(T1, false, 1), new Hangup(T1))),
                new Row("released while waiting, the retry is cancelled", new Waiting(2, "NO_ANSWER", null, 6),
                        new Released(at(70)), Step.to(new Idle(6), new CancelRetry())),
                new Row("the hang-up done, it is idle", new HangingUp(T1, false, 1), new HungUp(T1, "NORMAL_CLEARING", at(901)),
                        Step.to(new Idle(1))),
                new Row("needed again while hanging up, it dials once the leg is gone", new HangingUp(T1, false, 1),
                        new Needed(at(901)), Step.to(new HangingUp(T1, true, 1))),
                new Row("the old leg gone, the wanted one is dialled", new HangingUp(T1, true, 1),
                        new HungUp(T1, "NORMAL_CLEARING", at(902)), Step.to(new Dialing(T2, 0, 1, null, 2), new Dial(T2, SIP))),
                new Row("a leg answering after it was given up is hung up", new Idle(1), new Answered(T1, at(5)),
                        Step.to(new Idle(1), new Hangup(T1))),
                new Row("an old leg answering while another rings is hung up", new Dialing(T2, 1, 1, null, 2),
                        new Answered(T1, at(5)), Step.to(new Dialing(T2, 1, 1, null, 2), new Hangup(T1))),
                new Row("the leg being hung up answering is asked again", new HangingUp(T1, false, 1),
                        new Answered(T1, at(2)), Step.to(new HangingUp(T1, false, 1), new Hangup(T1))),
                new Row("needed while up changes nothing", upOnSip, new Needed(at(10)), Step.to(upOnSip)),
                new Row("an old leg hanging up changes nothing", new Up(T2, 0, at(604), 2),
                        new HungUp(T1, "NORMAL_CLEARING", at(605)), Step.to(new Up(T2, 0, at(604), 2))),
                new Row("a stray retry while up changes nothing", upOnSip, new RetryDue(at(20)), Step.to(upOnSip)),
                new Row("after a restart, a leg found up is adopted", new Idle(0), new Adopted(ADOPTED, at(0)),
                        Step.to(new Up(ADOPTED, 0, at(0), 0), new CameUp(ADOPTED, SIP, at(0), null))),
                new Row("a leg found up while another is up is hung up", upOnSip, new Adopted(ADOPTED, at(0)),
                        Step.to(upOnSip, new Hangup(ADOPTED))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void transitions(Row row) {
        assertThat(MACHINE.next(row.given(), row.when())).isEqualTo(row.then());
    }

    @Test
    void aStationWithoutDialStringsFailsEachRoundAndKeepsWaiting() {
        TransmitterLeg machine = new TransmitterLeg(DialPolicy.of(List.of()));

        Step step = machine.next(TransmitterLeg.idle(), new Needed(at(0)));

        assertThat(step).isEqualTo(Step.to(new Waiting(1, TransmitterLeg.NO_DIAL_STRINGS, null, 0),
                new RoundFailed(1, TransmitterLeg.NO_DIAL_STRINGS, at(0)), new ScheduleRetry(Duration.ofSeconds(2))));
    }

    @Test
    void theWaitBetweenRoundsGrowsToItsLastValueAndStaysThere() {
        DialPolicy policy = DialPolicy.of(List.of(SIP));
        assertThat(List.of(1, 2, 3, 4, 5, 6, 50).stream().map(policy::backoffAfter)).containsExactly(
                Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30),
                Duration.ofSeconds(60), Duration.ofSeconds(60), Duration.ofSeconds(60));
    }

    @Test
    void everyStateHasAName() {
        assertThat(List.of(new Idle(0), new Dialing(T1, 0, 1, null, 1), new Up(T1, 0, T0, 1),
                new Waiting(1, "x", null, 1), new HangingUp(T1, false, 1)))
                .extracting(TransmitterLeg::stateName)
                .containsExactly("IDLE", "DIALING", "UP", "WAITING", "HANGING_UP");
    }
}

package org.baraza.daemon.station;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.baraza.core.Ids.AiringId;
import org.baraza.core.Ids.StationId;
import org.baraza.daemon.schedule.AiringTrigger;
import org.baraza.daemon.schedule.AiringTrigger.Phase;
import org.baraza.daemon.station.Moments.Decision;
import org.junit.jupiter.api.Test;

class MomentsTest {

    private static final Instant START = Instant.parse("2026-12-05T07:00:00Z");
    private static final AiringTrigger PREPARE = trigger(Phase.PREPARE, Duration.ZERO, START.minusSeconds(60));
    private static final AiringTrigger STARTS = trigger(Phase.START, Duration.ZERO, START);

    private final Moments moments = new Moments();

    @Test
    void anEarlyTriggerIsHeldUntilItsMomentAndTheTriggerAtTheMomentIsThenDropped() {
        Instant early = START.minusSeconds(30);

        assertThat(moments.arrived(STARTS, early)).isEqualTo(Decision.HOLD);
        assertThat(Moments.until(STARTS, early)).isEqualTo(Duration.ofSeconds(30));
        assertThat(moments.release(Moments.timerOf(STARTS))).contains(STARTS);
        assertThat(moments.arrived(STARTS, START)).isEqualTo(Decision.ACT);
        assertThat(moments.arrived(STARTS, START.plusMillis(40))).isEqualTo(Decision.DROP);
        assertThat(moments.release(Moments.timerOf(STARTS))).isEmpty();
    }

    @Test
    void whenTheTriggerAtTheMomentComesFirstTheHeldOneIsDroppedWhenItsTimerFires() {
        assertThat(moments.arrived(PREPARE, PREPARE.scheduledFor().minusSeconds(30))).isEqualTo(Decision.HOLD);
        assertThat(moments.arrived(PREPARE, PREPARE.scheduledFor())).isEqualTo(Decision.ACT);

        AiringTrigger held = moments.release(Moments.timerOf(PREPARE)).orElseThrow();
        assertThat(moments.arrived(held, PREPARE.scheduledFor().plusMillis(2))).isEqualTo(Decision.DROP);
    }

    @Test
    void aLateTriggerIsActedOnAtOnceAndEachMomentOnce() {
        Instant late = START.plusSeconds(90);

        assertThat(moments.arrived(PREPARE, late)).isEqualTo(Decision.ACT);
        assertThat(moments.arrived(STARTS, late)).isEqualTo(Decision.ACT);
        assertThat(moments.arrived(PREPARE, late)).isEqualTo(Decision.DROP);
    }

    @Test
    void eachWarningIsAMomentOfItsOwnAndRemindersAreAlwaysActedOn() {
        Instant end = START.plusSeconds(3600);
        AiringTrigger twoMinutes = trigger(Phase.WARNING, Duration.ofMinutes(2), end.minusSeconds(120));
        AiringTrigger thirtySeconds = trigger(Phase.WARNING, Duration.ofSeconds(30), end.minusSeconds(30));
        AiringTrigger remind = trigger(Phase.REMIND, Duration.ZERO, START.minusSeconds(900));

        assertThat(moments.arrived(twoMinutes, end)).isEqualTo(Decision.ACT);
        assertThat(moments.arrived(thirtySeconds, end)).isEqualTo(Decision.ACT);
        assertThat(moments.arrived(remind, START.minusSeconds(1000))).isEqualTo(Decision.ACT);
        assertThat(moments.arrived(remind, START.minusSeconds(900))).isEqualTo(Decision.ACT);
    }

    @Test
    void aTriggerLessThanAMillisecondAheadIsDueAndTheWaitIsRoundedUpNeverEarly() {
        assertThat(moments.arrived(STARTS, START.minusNanos(500_000))).isEqualTo(Decision.ACT);
        assertThat(Moments.until(STARTS, START.minusNanos(1_500_000))).isEqualTo(Duration.ofMillis(2));
        assertThat(Moments.until(STARTS, START.plusSeconds(1))).isEqualTo(Duration.ZERO);
    }

    @Test
    void aMomentActedOnIsForgottenAfterAQuarterOfAnHour() {
        assertThat(moments.arrived(STARTS, START)).isEqualTo(Decision.ACT);
        AiringTrigger other = trigger(Phase.END, Duration.ZERO, START.plusSeconds(3600));
        moments.arrived(other, START.plusSeconds(3600));

        assertThat(moments.arrived(STARTS, START.plusSeconds(3601))).isEqualTo(Decision.ACT);
    }

    private static AiringTrigger trigger(Phase phase, Duration remaining, Instant at) {
        return new AiringTrigger(new StationId(4), new AiringId(17), phase, remaining, at);
    }
}

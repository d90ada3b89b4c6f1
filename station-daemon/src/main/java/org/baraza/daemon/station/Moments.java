package org.baraza.daemon.station;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.baraza.daemon.schedule.AiringTrigger;

/**
 * A station's airing moments (prepare, start, warnings, end) as their triggers reach it: Quartz fires each moment
 * early as well as at the moment (see {@code AiringScheduler}), so a trigger that comes before its moment is held, on
 * a station timer named {@link #timerOf}, and each moment is acted on once, whichever of its triggers comes first.
 * Reminders are not moments: they are acted on as they come. Used on the station's thread only.
 */
final class Moments {

    /** The prefix of the station timers that hold moments. */
    static final String TIMER = "moment:";
    /** A trigger due this little ahead is acted on now: the timers count whole milliseconds. */
    private static final Duration NOW = Duration.ofMillis(1);
    /** How long a moment acted on is remembered, for its other trigger: well beyond the early lead and a misfire. */
    private static final Duration REMEMBERED = Duration.ofMinutes(15);

    /** What to do with a trigger. */
    enum Decision { ACT, HOLD, DROP }

    private final Map<String, AiringTrigger> held = new HashMap<>();
    /** Moment → when it was acted on, oldest first. */
    private final LinkedHashMap<String, Instant> done = new LinkedHashMap<>();

    /** Decides on a trigger that came at {@code now}; a trigger to act on is noted as acted on. */
    Decision arrived(AiringTrigger trigger, Instant now) {
        if (trigger.phase() == AiringTrigger.Phase.REMIND) {
            return Decision.ACT;
        }
        String moment = momentOf(trigger);
        if (done.containsKey(moment)) {
            return Decision.DROP;
        }
        if (Duration.between(now, trigger.scheduledFor()).compareTo(NOW) > 0) {
            held.put(timerOf(trigger), trigger);
            return Decision.HOLD;
        }
        forgetOld(now);
        done.put(moment, now);
        return Decision.ACT;
    }

    /** The trigger a moment timer held, now due; empty for a timer that is not a moment's, or was already let go. */
    Optional<AiringTrigger> release(String timer) {
        return Optional.ofNullable(held.remove(timer));
    }

    /** The name of the station timer that holds this trigger until its moment. */
    static String timerOf(AiringTrigger trigger) {
        return TIMER + momentOf(trigger);
    }

    /** How long until the trigger's moment, in whole milliseconds rounded up (never early). */
    static Duration until(AiringTrigger trigger, Instant now) {
        long nanos = Math.max(0, Duration.between(now, trigger.scheduledFor()).toNanos());
        return Duration.ofMillis((nanos + 999_999) / 1_000_000);
    }

    private static String momentOf(AiringTrigger trigger) {
        return trigger.airing().value() + ":" + trigger.phase() + ":" + trigger.remaining().toSeconds();
    }

    private void forgetOld(Instant now) {
        Instant before = now.minus(REMEMBERED);
        for (Iterator<Instant> at = done.values().iterator(); at.hasNext() && at.next().isBefore(before); ) {
            at.remove();
        }
    }
}

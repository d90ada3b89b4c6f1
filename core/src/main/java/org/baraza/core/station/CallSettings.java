package org.baraza.core.station;

import java.time.Duration;

import org.baraza.core.DialTemplate;
import org.baraza.core.DomainException;

/**
 * How a station takes calls: how long a call rings before the station answers, whether listeners who hang
 * up unanswered are called back (and how often at most), and how FreeSWITCH calls phones for the station.
 *
 * @param answerDelay          how long a call rings before the station answers; zero answers at once
 * @param callBackMissedCalls  call back a listener who rang and hung up before the answer
 * @param callbackCooldown     at most one call-back per number within this
 * @param callbacksPerDay      at most this many call-backs per number in 24 hours
 * @param outboundDialTemplate how to call phones for this station; null for the configured default
 */
public record CallSettings(Duration answerDelay, boolean callBackMissedCalls, Duration callbackCooldown, int callbacksPerDay,
                           DialTemplate outboundDialTemplate) {

    /** What a station that set nothing gets: answer at once, no call-backs. */
    public static final CallSettings DEFAULTS = new CallSettings(Duration.ZERO, false, Duration.ofHours(1), 3, null);
    /** A call-back needs a call that rings long enough to hang up on. */
    public static final Duration SHORTEST_RING_FOR_CALLBACKS = Duration.ofSeconds(2);

    public CallSettings {
        if (answerDelay == null || answerDelay.isNegative() || answerDelay.compareTo(Duration.ofSeconds(30)) > 0) {
            throw new DomainException.Invalid("a station answers after 0 to 30 seconds, not " + answerDelay);
        }
        if (callbackCooldown == null || callbackCooldown.compareTo(Duration.ofMinutes(1)) < 0
                || callbackCooldown.compareTo(Duration.ofDays(7)) > 0) {
            throw new DomainException.Invalid("a call-back cooldown is 1 minute to 7 days, not " + callbackCooldown);
        }
        if (callbacksPerDay < 1 || callbacksPerDay > 100) {
            throw new DomainException.Invalid("call-backs per day are 1 to 100, not " + callbacksPerDay);
        }
        if (callBackMissedCalls && answerDelay.compareTo(SHORTEST_RING_FOR_CALLBACKS) < 0) {
            throw new DomainException.Invalid("calling back missed calls needs calls to ring at least "
                    + SHORTEST_RING_FOR_CALLBACKS.toSeconds() + " seconds before the answer");
        }
    }
}

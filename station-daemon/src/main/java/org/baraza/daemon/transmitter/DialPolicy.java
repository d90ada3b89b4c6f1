package org.baraza.daemon.transmitter;

import java.time.Duration;
import java.util.List;

/**
 * How a station reaches its transmitter phone: its dial strings in fallback order (SIP first, then SIM 1,
 * SIM 2 ...), and how long to wait before each new round once every dial string has failed. A leg that
 * drops is redialled at once; only whole failed rounds wait.
 *
 * @param roundBackoff the wait before round 2, 3, ...; the last value repeats
 */
public record DialPolicy(List<String> dialStrings, List<Duration> roundBackoff) {

    /** 2 s, 5 s, 10 s, 30 s, then every 60 s: quick for a blip, gentle on a phone that is off. */
    public static final List<Duration> DEFAULT_BACKOFF = List.of(Duration.ofSeconds(2), Duration.ofSeconds(5),
            Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(60));

    public DialPolicy {
        dialStrings = List.copyOf(dialStrings);
        roundBackoff = List.copyOf(roundBackoff);
        if (roundBackoff.isEmpty() || roundBackoff.stream().anyMatch(d -> d.isNegative() || d.isZero())) {
            throw new IllegalArgumentException("the backoff between rounds needs positive durations, got " + roundBackoff);
        }
    }

    public static DialPolicy of(List<String> dialStrings) {
        return new DialPolicy(dialStrings, DEFAULT_BACKOFF);
    }

    /** The wait after {@code failedRounds} whole rounds failed (1 for the first). */
    Duration backoffAfter(int failedRounds) {
        return roundBackoff.get(Math.min(failedRounds, roundBackoff.size()) - 1);
    }
}

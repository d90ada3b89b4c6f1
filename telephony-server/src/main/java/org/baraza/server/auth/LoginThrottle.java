package org.baraza.server.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing: after {@code freeAttempts} failures for an account, or ten times as many from one
 * client address (a village's phones and a whole office share one address behind NAT), each further failure
 * doubles the wait before the next try (1 s, 2 s, 4 s, ... up to {@code maxWait}). A
 * success clears the account's count (not the address's: one account's right password says nothing about the
 * guesses for others). Counts fade once nothing failed for {@code maxWait} after the last wait ended.
 *
 * <p>Kept in memory: one telephony server serves the console, and a restart that forgets the counts costs an
 * attacker as much as it costs us. Thread-safe; lives as long as the server.
 */
public final class LoginThrottle {

    /** How many more failures one address may make than one account. */
    static final int ADDRESS_FACTOR = 10;
    /** More keys than this and the oldest quiet ones are dropped: an address flood cannot exhaust memory. */
    private static final int MOST_KEYS = 100_000;

    private record Failures(int count, Instant last, Instant blockedUntil) {
    }

    private final int freeAttempts;
    private final Duration maxWait;
    private final Clock clock;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    public LoginThrottle(int freeAttempts, Duration maxWait, Clock clock) {
        this.freeAttempts = freeAttempts;
        this.maxWait = maxWait;
        this.clock = clock;
    }

    /** @throws AccessDenied 429 when the account or the address must wait before trying again */
    public void checkAllowed(String email, String address) {
        Instant now = clock.instant();
        long wait = Math.max(waitSeconds(accountKey(email), now), waitSeconds(addressKey(address), now));
        if (wait > 0) {
            throw AccessDenied.tooManyAttempts(wait);
        }
    }

    public void failed(String email, String address) {
        Instant now = clock.instant();
        if (failures.size() > MOST_KEYS) {
            failures.entrySet().removeIf(e -> faded(e.getValue(), now));
        }
        failures.compute(accountKey(email), (key, before) -> next(before, now, freeAttempts));
        failures.compute(addressKey(address), (key, before) -> next(before, now, freeAttempts * ADDRESS_FACTOR));
    }

    public void succeeded(String email) {
        failures.remove(accountKey(email));
    }

    private Failures next(Failures before, Instant now, int free) {
        int count = before == null || faded(before, now) ? 1 : before.count() + 1;
        int over = count - free;
        Duration wait = over <= 0 ? Duration.ZERO : Duration.ofSeconds(1L << Math.min(over - 1, 30));
        if (wait.compareTo(maxWait) > 0) {
            wait = maxWait;
        }
        return new Failures(count, now, now.plus(wait));
    }

    private long waitSeconds(String key, Instant now) {
        Failures f = failures.get(key);
        if (f == null || !f.blockedUntil().isAfter(now)) {
            return 0;
        }
        return Math.max(1, (Duration.between(now, f.blockedUntil()).toMillis() + 999) / 1000);
    }

    private boolean faded(Failures f, Instant now) {
        return f.blockedUntil().plus(maxWait).isBefore(now);
    }

    private static String accountKey(String email) {
        return "account:" + (email == null ? "" : email.strip().toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }
}

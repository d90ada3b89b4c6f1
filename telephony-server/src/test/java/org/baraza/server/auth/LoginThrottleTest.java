package org.baraza.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private Instant now = Instant.parse("2026-03-02T07:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final LoginThrottle throttle = new LoginThrottle(3, Duration.ofMinutes(1), clock);

    @Test
    void afterTheFreeAttemptsEachFailureDoublesTheWaitUpToTheLongest() {
        for (int i = 0; i < 3; i++) {
            throttle.failed("Amina@example.org", "10.0.0." + i);
        }
        assertThatCode(() -> throttle.checkAllowed("amina@example.org", "10.0.0.9")).doesNotThrowAnyException();

        throttle.failed("amina@example.org", "10.0.0.9");
        assertThat(waitFor("AMINA@example.org")).isEqualTo(1);
        now = now.plusSeconds(1);
        throttle.failed("amina@example.org", "10.0.0.9");
        assertThat(waitFor("amina@example.org")).isEqualTo(2);
        for (int i = 0; i < 10; i++) {
            throttle.failed("amina@example.org", "10.0.0." + (20 + i));
        }
        assertThat(waitFor("amina@example.org")).isEqualTo(60);
    }

    @Test
    void aSuccessClearsTheAccountAndQuietTimeFadesTheCount() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("joseph@example.org", "10.1.0." + i);
        }
        throttle.succeeded("joseph@example.org");
        assertThatCode(() -> throttle.checkAllowed("joseph@example.org", "10.1.0.9")).doesNotThrowAnyException();

        for (int i = 0; i < 4; i++) {
            throttle.failed("joseph@example.org", "10.1.0." + i);
        }
        now = now.plus(Duration.ofMinutes(3));
        throttle.failed("joseph@example.org", "10.1.0.9");
        assertThatCode(() -> throttle.checkAllowed("joseph@example.org", "10.1.0.9")).doesNotThrowAnyException();
    }

    @Test
    void oneAddressGuessingManyAccountsWaitsAfterTenTimesTheFreeAttempts() {
        for (int i = 0; i < 3 * LoginThrottle.ADDRESS_FACTOR; i++) {
            throttle.failed("user" + i + "@example.org", "192.0.2.7");
        }
        assertThatCode(() -> throttle.checkAllowed("fresh@example.org", "192.0.2.7")).doesNotThrowAnyException();
        throttle.failed("user-last@example.org", "192.0.2.7");
        assertThatThrownBy(() -> throttle.checkAllowed("fresh@example.org", "192.0.2.7"))
                .isInstanceOfSatisfying(AccessDenied.class, denied -> assertThat(denied.status()).isEqualTo(429));
        assertThatCode(() -> throttle.checkAllowed("fresh@example.org", "192.0.2.8")).doesNotThrowAnyException();
    }

    private long waitFor(String email) {
        try {
            throttle.checkAllowed(email, "203.0.113.1");
            return 0;
        } catch (AccessDenied denied) {
            return denied.retryAfterSeconds();
        }
    }
}

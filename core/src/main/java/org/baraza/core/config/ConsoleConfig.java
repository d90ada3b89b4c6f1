package org.baraza.core.config;

import java.time.Duration;
import java.util.List;

/**
 * The station manager console and its REST API: how long a signed-in session lasts, how hard signing in
 * with a wrong password is made, and what the media library takes as uploads.
 *
 * @param sessionIdleTimeout a session unused for this long ends
 * @param sessionLifetime    a session ends this long after signing in, however active
 * @param loginFreeAttempts  failed sign-ins allowed (per account and per client address) before each further
 *                           failure doubles the wait, from one second
 * @param loginMaxWait       the longest wait the doubling reaches
 * @param mediaMaxBytes      the largest media file an upload may send, in bytes
 * @param mediaSampleRateHz  the sample rate uploads are converted to for telephony: 8000 (narrowband calls, G.711)
 *                           or 16000 (wideband, G.722)
 */
public record ConsoleConfig(Duration sessionIdleTimeout, Duration sessionLifetime, int loginFreeAttempts, Duration loginMaxWait,
                            int mediaMaxBytes, int mediaSampleRateHz) {

    public static final ConfigKey<Duration> SESSION_IDLE_TIMEOUT = ConfigKey.of("console.session-idle-timeout", "30m",
            "A console session unused for this long ends (5m to 24h).",
            Parsers.duration(Duration.ofMinutes(5), Duration.ofHours(24)));
    public static final ConfigKey<Duration> SESSION_LIFETIME = ConfigKey.of("console.session-lifetime", "12h",
            "A console session ends this long after signing in, however active (1h to 720h).",
            Parsers.duration(Duration.ofHours(1), Duration.ofDays(30)));
    public static final ConfigKey<Integer> LOGIN_FREE_ATTEMPTS = ConfigKey.of("console.login-free-attempts", "5",
            "Failed sign-ins allowed per account and per client address before each further one doubles the wait (1 to 100).",
            Parsers.integer(1, 100));
    public static final ConfigKey<Duration> LOGIN_MAX_WAIT = ConfigKey.of("console.login-max-wait", "15m",
            "The longest wait after failed sign-ins (1m to 24h).",
            Parsers.duration(Duration.ofMinutes(1), Duration.ofHours(24)));

    public static final ConfigKey<Integer> MEDIA_MAX_BYTES = ConfigKey.of("console.media-max-bytes", "104857600",
            "The largest media file a console upload may send, in bytes (1 MiB to 1 GiB); larger uploads are refused with 413.",
            Parsers.integer(1 << 20, 1 << 30));
    public static final ConfigKey<Integer> MEDIA_SAMPLE_RATE = ConfigKey.of("console.media-sample-rate", "8000",
            "The sample rate uploaded media is converted to: 8000 (narrowband calls) or 16000 (wideband calls).",
            Parsers.oneOfNumbers(List.of(8000, 16000)));

    static final List<ConfigKey<?>> KEYS = List.of(SESSION_IDLE_TIMEOUT, SESSION_LIFETIME, LOGIN_FREE_ATTEMPTS, LOGIN_MAX_WAIT,
            MEDIA_MAX_BYTES, MEDIA_SAMPLE_RATE);

    static ConsoleConfig from(Settings s) {
        ConsoleConfig config = new ConsoleConfig(s.get(SESSION_IDLE_TIMEOUT), s.get(SESSION_LIFETIME), s.get(LOGIN_FREE_ATTEMPTS),
                s.get(LOGIN_MAX_WAIT), s.get(MEDIA_MAX_BYTES), s.get(MEDIA_SAMPLE_RATE));
        if (config.sessionIdleTimeout().compareTo(config.sessionLifetime()) > 0) {
            throw new ConfigException("console.session-idle-timeout (" + config.sessionIdleTimeout()
                    + ") must not be longer than console.session-lifetime (" + config.sessionLifetime() + ")");
        }
        return config;
    }
}

package org.baraza.core.config;

import java.time.Duration;
import java.util.List;

/**
 * How Baraza texts: which provider carries its SMS and the provider's credentials, how the outbox worker
 * paces and retries what it sends, and when hosts are reminded and managers alerted. With provider
 * {@code none} nothing is sent or accepted: outbound messages wait in the outbox, inbound webhooks are refused.
 *
 * @param twilioAuthToken signs Twilio's webhooks and authenticates Baraza to Twilio's API; never printed
 * @param senderInterval  the least time between two messages from one sender number (the provider's and
 *                        carriers' per-number limits: Twilio sends one message a second from a long code)
 * @param sendTimeout     how long one request to the provider may take before it counts as timed out
 * @param maxAttempts     how many times a message is tried before it is recorded as failed
 * @param retryBackoff    the wait before the first retry; it doubles with each attempt, up to an hour
 * @param reminderLead    how long before a show's start its hosts and subscribers get a reminder
 * @param silenceAlert    how long nothing may be on air while a station should be, before its managers hear of it
 * @param alertCooldown   the least time between two alerts of one kind about one station
 */
public record SmsConfig(String provider, String twilioAccountSid, String twilioAuthToken, Duration senderInterval,
                        Duration sendTimeout, int maxAttempts, Duration retryBackoff, Duration reminderLead,
                        Duration silenceAlert, Duration alertCooldown) {

    public static final String NONE = "none";
    public static final String TWILIO = "twilio";

    public static final ConfigKey<String> PROVIDER = ConfigKey.of("sms.provider", NONE,
            "Which provider carries SMS: none (messages wait in the outbox; webhooks are refused) or twilio.",
            Parsers.oneOf(List.of(NONE, TWILIO)));
    public static final ConfigKey<String> TWILIO_ACCOUNT_SID = ConfigKey.of("sms.twilio-account-sid", "",
            "The Twilio account's SID (AC...), with sms.provider = twilio.", Parsers.text(64));
    public static final ConfigKey<String> TWILIO_AUTH_TOKEN = ConfigKey.secret("sms.twilio-auth-token",
            "The Twilio account's auth token: it signs Twilio's webhooks and authenticates Baraza's requests.");
    public static final ConfigKey<Duration> SENDER_INTERVAL = ConfigKey.of("sms.sender-interval", "1s",
            "The least time between two messages sent from one number.",
            Parsers.duration(Duration.ofMillis(1), Duration.ofHours(1)));
    public static final ConfigKey<Duration> SEND_TIMEOUT = ConfigKey.of("sms.send-timeout", "10s",
            "How long one request to the SMS provider may take before it counts as timed out.",
            Parsers.duration(Duration.ofMillis(100), Duration.ofMinutes(2)));
    public static final ConfigKey<Integer> MAX_ATTEMPTS = ConfigKey.of("sms.max-attempts", "8",
            "How many times an outbound message is tried before it is recorded as failed.", Parsers.integer(1, 50));
    public static final ConfigKey<Duration> RETRY_BACKOFF = ConfigKey.of("sms.retry-backoff", "10s",
            "The wait before a message's first retry; it doubles with each attempt, up to an hour.",
            Parsers.duration(Duration.ofMillis(1), Duration.ofHours(1)));
    public static final ConfigKey<Duration> REMINDER_LEAD = ConfigKey.of("sms.reminder-lead", "15m",
            "How long before a show starts its hosts and its SMS subscribers get a reminder.",
            Parsers.duration(Duration.ofMinutes(1), Duration.ofHours(24)));
    public static final ConfigKey<Duration> SILENCE_ALERT = ConfigKey.of("sms.silence-alert", "5m",
            "How long a station may be off air while it should be on (an airing's slot, or its filler) before its managers get an SMS.",
            Parsers.duration(Duration.ofSeconds(10), Duration.ofHours(24)));
    public static final ConfigKey<Duration> ALERT_COOLDOWN = ConfigKey.of("sms.alert-cooldown", "1h",
            "The least time between two SMS alerts of one kind about one station.",
            Parsers.duration(Duration.ofMinutes(1), Duration.ofDays(7)));

    static final List<ConfigKey<?>> KEYS = List.of(PROVIDER, TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, SENDER_INTERVAL,
            SEND_TIMEOUT, MAX_ATTEMPTS, RETRY_BACKOFF, REMINDER_LEAD, SILENCE_ALERT, ALERT_COOLDOWN);

    static SmsConfig from(Settings s) {
        SmsConfig config = new SmsConfig(s.get(PROVIDER), s.get(TWILIO_ACCOUNT_SID), s.get(TWILIO_AUTH_TOKEN),
                s.get(SENDER_INTERVAL), s.get(SEND_TIMEOUT), s.get(MAX_ATTEMPTS), s.get(RETRY_BACKOFF),
                s.get(REMINDER_LEAD), s.get(SILENCE_ALERT), s.get(ALERT_COOLDOWN));
        if (TWILIO.equals(config.provider()) && (config.twilioAccountSid().isBlank() || config.twilioAuthToken().isBlank())) {
            throw new ConfigException("sms.provider = twilio needs sms.twilio-account-sid and sms.twilio-auth-token");
        }
        return config;
    }

    /** The defaults: no provider. */
    public static SmsConfig none() {
        return new SmsConfig(NONE, "", "", Duration.ofSeconds(1), Duration.ofSeconds(10), 8, Duration.ofSeconds(10),
                Duration.ofMinutes(15), Duration.ofMinutes(5), Duration.ofHours(1));
    }

    /** The same configuration with Twilio as the provider, for these credentials. */
    public SmsConfig withTwilio(String accountSid, String authToken) {
        return new SmsConfig(TWILIO, accountSid, authToken, senderInterval, sendTimeout, maxAttempts, retryBackoff,
                reminderLead, silenceAlert, alertCooldown);
    }

    /** Never prints the token. */
    @Override
    public String toString() {
        return "SmsConfig[" + provider + (twilioAccountSid.isBlank() ? "" : ", account " + twilioAccountSid)
                + ", one message per " + senderInterval + " per sender, " + maxAttempts + " attempts]";
    }
}

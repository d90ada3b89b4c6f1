package org.baraza.daemon.notice;

import java.time.Duration;
import java.util.Optional;

import org.baraza.core.config.SmsConfig;

/**
 * How a daemon's stations text people: the provider that carries their messages, how long before a show its
 * hosts and subscribers are reminded, how long a station may be silent before its managers are alerted, and
 * the least time between two alerts of one kind about one station. Immutable.
 */
public record NoticeSettings(String provider, Duration reminderLead, Duration silenceAllowed, Duration alertCooldown) {

    /**
     * The settings of a configuration; empty with {@code sms.provider = none}: nobody would send the messages,
     * and reminders and alerts that wait in the outbox for a provider would be stale when it came.
     */
    public static Optional<NoticeSettings> of(SmsConfig sms) {
        return SmsConfig.NONE.equals(sms.provider()) ? Optional.empty()
                : Optional.of(new NoticeSettings(sms.provider(), sms.reminderLead(), sms.silenceAlert(), sms.alertCooldown()));
    }
}

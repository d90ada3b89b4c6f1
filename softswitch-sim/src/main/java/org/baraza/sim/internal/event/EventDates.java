package org.baraza.sim.internal.event;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Formats {@code Event-Date-Local} ({@code 2026-11-21 22:03:18}) and {@code Event-Date-GMT}
 * ({@code Sat, 21 Nov 2026 22:03:18 GMT}, day zero-padded as switch_rfc822_date writes it). Events come in
 * bursts within one second, so the last second's strings are kept. Safe for any thread.
 */
final class EventDates {
    private static final DateTimeFormatter GMT =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    record Stamp(long epochSecond, String local, String gmt) {
    }

    private final DateTimeFormatter local;
    private volatile Stamp last = new Stamp(Long.MIN_VALUE, "", "");

    EventDates(ZoneId zone) {
        this.local = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.US).withZone(zone);
    }

    Stamp stamp(long timestampMicros) {
        long second = Math.floorDiv(timestampMicros, 1_000_000L);
        Stamp s = last;
        if (s.epochSecond() != second) {
            Instant instant = Instant.ofEpochSecond(second);
            s = new Stamp(second, local.format(instant), GMT.format(instant));
            last = s;
        }
        return s;
    }
}

package org.baraza.sms.fake;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Twilio's 2010 API writes dates as RFC 2822: {@code Thu, 30 Jul 2015 20:12:31 +0000}. */
final class TwilioDates {
    private static final DateTimeFormatter RFC_2822 = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.US)
            .withZone(ZoneOffset.UTC);

    private TwilioDates() {
    }

    static String format(Instant instant) {
        return RFC_2822.format(instant);
    }
}

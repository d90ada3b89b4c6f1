package org.baraza.core.sms;

import java.util.regex.Pattern;

import org.baraza.core.DomainException;

/** The rule for an SMS provider's name as stored with each message: {@code twilio}, {@code africas_talking}. */
final class ProviderName {
    private static final Pattern SHAPE = Pattern.compile("[a-z][a-z0-9_]{0,31}");

    private ProviderName() {
    }

    static String require(String provider) {
        if (provider == null || !SHAPE.matcher(provider).matches()) {
            throw new DomainException.Invalid("SMS provider must be 1 to 32 lower-case letters, digits and underscores,"
                    + " such as twilio; got \"" + provider + "\"");
        }
        return provider;
    }
}

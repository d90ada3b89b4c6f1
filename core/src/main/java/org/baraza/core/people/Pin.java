package org.baraza.core.people;

import java.util.regex.Pattern;

import org.baraza.core.DomainException;

/**
 * The digits a host types on a keypad to prove who they are: 4 to 8 of them. Stored only as a hash
 * (see {@link Secrets}); {@link #toString()} hides the digits so that logs never show them.
 */
public record Pin(String digits) {

    private static final Pattern DIGITS = Pattern.compile("[0-9]{4,8}");

    public Pin {
        if (digits == null || !DIGITS.matcher(digits).matches()) {
            // The refused value is not echoed: it may be a real PIN with a typo.
            throw new DomainException.Invalid("a PIN must be 4 to 8 digits");
        }
    }

    @Override
    public String toString() {
        return "Pin[hidden]";
    }
}

package org.baraza.core.poll;

import java.util.Locale;
import java.util.regex.Pattern;

import org.baraza.core.DomainException;
import org.baraza.core.PhoneNumber;
import org.baraza.core.Require;

/**
 * An answer as a manager sets it up, checked on construction. The SMS keyword is stored upper-case;
 * at least one way to vote is required.
 */
public record PollOptionSettings(int position, String label, String smsKeyword, String dtmfDigit, PhoneNumber missedCallNumber) {

    private static final Pattern KEYWORD = Pattern.compile("[A-Z0-9]{1,20}");
    private static final Pattern DIGIT = Pattern.compile("[0-9]");

    public PollOptionSettings {
        Require.range("poll option position", position, 1, 9);
        label = Require.displayName("poll option label", label);
        smsKeyword = smsKeyword == null ? null : smsKeyword.strip().toUpperCase(Locale.ROOT);
        if (smsKeyword != null && !KEYWORD.matcher(smsKeyword).matches()) {
            throw new DomainException.Invalid("poll option keyword must be 1 to 20 letters A-Z and digits, got \"" + smsKeyword + "\"");
        }
        if (dtmfDigit != null && !DIGIT.matcher(dtmfDigit).matches()) {
            throw new DomainException.Invalid("poll option key must be one digit 0-9, got \"" + dtmfDigit + "\"");
        }
        if (smsKeyword == null && dtmfDigit == null && missedCallNumber == null) {
            throw new DomainException.Invalid("poll option \"" + label + "\" needs a keyword, a key or a missed-call number to vote with");
        }
    }
}

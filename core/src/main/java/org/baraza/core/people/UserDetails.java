package org.baraza.core.people;

import java.util.regex.Pattern;

import org.baraza.core.DomainException;
import org.baraza.core.PhoneNumber;
import org.baraza.core.Require;

/**
 * Who a console user is: their email (their login, unique whatever its case), the name shown, and the phone
 * that gets SMS alerts about the stations they run (null for none).
 */
public record UserDetails(String email, String displayName, PhoneNumber phoneNumber) {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");

    public UserDetails {
        email = email == null ? null : email.strip();
        if (email == null || email.length() > 254 || !EMAIL.matcher(email).matches()) {
            throw new DomainException.Invalid("an email must look like name@example.org (at most 254 characters), got \""
                    + email + "\"");
        }
        displayName = Require.displayName("user display name", displayName);
    }

    /** Details without a phone number. */
    public UserDetails(String email, String displayName) {
        this(email, displayName, null);
    }
}

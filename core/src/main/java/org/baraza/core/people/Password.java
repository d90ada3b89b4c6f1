package org.baraza.core.people;

import org.baraza.core.DomainException;

/**
 * A password a user chose: 8 to 256 characters. Stored only as a hash (see {@link Secrets});
 * {@link #toString()} hides it so that logs never show it.
 */
public record Password(String value) {

    public Password {
        if (value == null || value.length() < 8) {
            throw new DomainException.Invalid("a password must have at least 8 characters");
        }
        if (value.length() > 256) {
            throw new DomainException.Invalid("a password must have at most 256 characters");
        }
    }

    @Override
    public String toString() {
        return "Password[hidden]";
    }
}

package org.baraza.core.people;

import java.time.Instant;

import org.baraza.core.Ids.NetworkId;
import org.baraza.core.Ids.UserId;
import org.baraza.core.PhoneNumber;

/**
 * A person who signs in to the console. What they may do is in their {@link Role}s; the password hash
 * never leaves the store.
 *
 * @param phoneNumber where they get SMS alerts about the stations they run; null when they gave none
 * @param disabled    true when a manager turned the account off: it cannot sign in
 * @param lastLoginAt when they last signed in, or null when never
 */
public record User(
        UserId id,
        NetworkId networkId,
        String email,
        String displayName,
        PhoneNumber phoneNumber,
        boolean disabled,
        Instant createdAt,
        Instant lastLoginAt) {

    public UserDetails details() {
        return new UserDetails(email, displayName, phoneNumber);
    }
}

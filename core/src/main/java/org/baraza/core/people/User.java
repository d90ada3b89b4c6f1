package org.baraza.core.people;

import java.time.Instant;

import org.baraza.core.Ids.NetworkId;
import org.baraza.core.Ids.UserId;

/**
 * A person who signs in to the console. What they may do is in their {@link Role}s; the password hash
 * never leaves the store.
 *
 * @param disabled    true when a manager turned the account off: it cannot sign in
 * @param lastLoginAt when they last signed in, or null when never
 */
public record User(
        UserId id,
        NetworkId networkId,
        String email,
        String displayName,
        boolean disabled,
        Instant createdAt,
        Instant lastLoginAt) {

    public UserDetails details() {
        return new UserDetails(email, displayName);
    }
}

package org.baraza.core.access;

import java.time.Instant;

import org.baraza.core.Ids.UserId;

/**
 * A bearer token a user made for a script: it acts as that user, with their roles, until revoked. Its secret is
 * shown once when it is made and kept only as a digest.
 *
 * @param lastUsedAt its last use, or null when never used
 * @param revokedAt  when it was revoked, or null while it works
 */
public record ApiToken(long id, UserId userId, String name, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {

    public boolean revoked() {
        return revokedAt != null;
    }
}

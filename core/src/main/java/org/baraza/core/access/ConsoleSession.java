package org.baraza.core.access;

import java.time.Instant;

import org.baraza.core.Ids.UserId;

/**
 * A console user signed in from a browser, known by the secret in their session cookie (kept only as a digest).
 *
 * @param csrfToken  what a state-changing request of this session must carry besides the cookie
 * @param client     the address and browser it was opened from, for the user's list of sessions
 * @param lastSeenAt its last use, for the idle timeout (moved forward at most about once a minute)
 * @param expiresAt  its absolute end
 */
public record ConsoleSession(long id, UserId userId, String csrfToken, String client, Instant createdAt, Instant lastSeenAt,
                             Instant expiresAt) {
}

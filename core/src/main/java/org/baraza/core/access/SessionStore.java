package org.baraza.core.access;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.baraza.core.Ids.UserId;

/** Console sessions, found by their secret's digest. The caller passes every "now". Thread-safe and stateless. */
public interface SessionStore {

    /**
     * Opens a session for the user.
     *
     * @param secret    the cookie's secret; only its digest is stored
     * @param expiresAt the absolute end of the session
     * @throws org.baraza.core.DomainException.NotFound when the user does not exist
     */
    ConsoleSession open(UserId user, String secret, String csrfToken, String client, Instant now, Instant expiresAt);

    /**
     * The live session with this secret: not past its absolute end, used within {@code idle}, and of a user who is
     * not disabled.
     */
    Optional<ConsoleSession> find(String secret, Instant now, Duration idle);

    /** Records a use of the session at {@code at}. */
    void touch(long session, Instant at);

    /** Ends the session with this secret (signing out); nothing happens when there is none. */
    void close(String secret);

    /** Ends every session of the user (password changed, account disabled); returns how many there were. */
    int closeAll(UserId user);

    /** Forgets sessions that can no longer be used at {@code now}; returns how many. */
    int purge(Instant now, Duration idle);
}

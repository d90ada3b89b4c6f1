package org.baraza.core.access;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.baraza.core.Ids.UserId;

/** Users' API tokens, found by their secret's digest. Thread-safe and stateless. */
public interface ApiTokenStore {

    /**
     * @param name   what the token is for (1 to 100 characters), unique among the user's live tokens
     * @param secret the bearer secret; only its digest is stored
     * @throws org.baraza.core.DomainException.AlreadyExists when the user has a live token with the name
     * @throws org.baraza.core.DomainException.NotFound      when the user does not exist
     */
    ApiToken create(UserId user, String name, String secret, Instant now);

    /** The live (not revoked) token with this secret, of a user who is not disabled. */
    Optional<ApiToken> findLive(String secret);

    void markUsed(long token, Instant at);

    /** The user's tokens, live and revoked, newest first. */
    List<ApiToken> list(UserId user);

    /**
     * Revokes one of the user's tokens; revoking it again keeps the first time.
     *
     * @throws org.baraza.core.DomainException.NotFound when the user has no such token
     */
    ApiToken revoke(UserId user, long token, Instant at);
}

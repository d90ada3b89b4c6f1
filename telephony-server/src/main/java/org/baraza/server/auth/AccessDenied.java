package org.baraza.server.auth;

/**
 * A request refused for who is asking: not signed in (401), not allowed (403), touching what the user's network
 * does not hold (404, so that another network's ids reveal nothing), or signing in too often (429). Its message
 * is for the person asking.
 */
public final class AccessDenied extends RuntimeException {

    private final int status;
    private final long retryAfterSeconds;

    private AccessDenied(int status, String message, long retryAfterSeconds) {
        super(message, null, false, false);
        this.status = status;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public static AccessDenied unauthenticated(String message) {
        return new AccessDenied(401, message, 0);
    }

    public static AccessDenied forbidden(String message) {
        return new AccessDenied(403, message, 0);
    }

    public static AccessDenied notFound(String message) {
        return new AccessDenied(404, message, 0);
    }

    public static AccessDenied tooManyAttempts(long retryAfterSeconds) {
        return new AccessDenied(429, "too many failed sign-ins; try again in " + retryAfterSeconds + " s", retryAfterSeconds);
    }

    public int status() {
        return status;
    }

    /** For 429: how long to wait, for the Retry-After header. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}

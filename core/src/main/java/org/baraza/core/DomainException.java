package org.baraza.core;

/**
 * A request the domain refuses: something missing, already there, still in use, invalid, or clashing.
 * Each kind maps to one answer at the edges (HTTP 404/409/409/422/409, a CLI message), and its message is
 * written for the person who made the request: it names the thing and the problem, never SQL.
 */
public abstract sealed class DomainException extends RuntimeException {

    // No stack trace: these are expected answers, not faults. Suppression stays on, so the database's own
    // refusal can ride along (Constraints adds it) for whoever logs the error.
    private DomainException(String message) {
        super(message, null, true, false);
    }

    /** What the request refers to does not exist (or is outside the caller's network). */
    public static final class NotFound extends DomainException {
        public NotFound(String message) {
            super(message);
        }
    }

    /** The thing exists already: a second vote, a message stored twice, a taken name. */
    public static final class AlreadyExists extends DomainException {
        public AlreadyExists(String message) {
            super(message);
        }
    }

    /** The thing cannot be removed because history or other things still refer to it. */
    public static final class InUse extends DomainException {
        public InUse(String message) {
            super(message);
        }
    }

    /** A value breaks a rule of the domain (a time zone that does not exist, a PIN too short, ...). */
    public static final class Invalid extends DomainException {
        public Invalid(String message) {
            super(message);
        }
    }

    /** The request clashes with the current state: overlapping airings, a poll that is closed. */
    public static final class Conflict extends DomainException {
        public Conflict(String message) {
            super(message);
        }
    }
}

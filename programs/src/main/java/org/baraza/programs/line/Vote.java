package org.baraza.programs.line;

/** What came of a listener's keypad vote ({@link Outcome.Votes}), as the station counted it. */
public enum Vote {
    /** Counted. */
    COUNTED,
    /** The caller's number had voted in that poll already, by any channel: nothing changed. */
    ALREADY_VOTED,
    /** The poll closed before the vote reached it. */
    CLOSED,
    /** Not counted: the caller's number is hidden, or the station could not record it. */
    NOT_COUNTED
}

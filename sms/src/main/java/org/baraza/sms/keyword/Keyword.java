package org.baraza.sms.keyword;

/** What the first word of a text asks for; {@link #NONE} when it is no keyword (a poll answer, a message). */
public enum Keyword {
    /** Hear nothing more from the network, ever (until START). */
    STOP,
    /** Undo STOP. */
    START,
    /** Which keywords there are. */
    HELP,
    /** Reminders of a show ({@code SUB <show>}), or of the station ({@code SUB}). */
    SUB,
    UNSUB,
    /** Host only: how many listeners the station has on the line now. */
    LISTENERS,
    /** Host only: call off their next show. */
    CANCEL,
    /** Host only: move their next show later by some minutes ({@code POSTPONE 30}). */
    POSTPONE,
    NONE;

    boolean forHosts() {
        return this == LISTENERS || this == CANCEL || this == POSTPONE;
    }
}

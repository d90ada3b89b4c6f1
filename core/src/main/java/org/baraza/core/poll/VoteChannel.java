package org.baraza.core.poll;

/** How a listener voted: an SMS keyword, a key on the listener line, or a missed call to an answer's number. */
public enum VoteChannel {
    SMS,
    KEYPAD,
    MISSED_CALL
}

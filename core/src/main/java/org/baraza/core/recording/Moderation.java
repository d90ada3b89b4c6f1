package org.baraza.core.recording;

/** Where a recording is in moderation: only a listener message waits for a person to approve or reject it. */
public enum Moderation {
    PENDING,
    APPROVED,
    REJECTED,
    /** Recordings that are not listener messages: nobody needs to look at them first. */
    NOT_NEEDED
}

package org.baraza.core.call;

/** How a call went for the people in it. */
public enum CallDisposition {
    /** It was answered and ran its course. */
    COMPLETED,
    /** Nobody answered: no station replied in time, or a beep (missed call) to be called back. */
    MISSED,
    /** Baraza turned it away: a blocked caller, a line that was full. */
    REJECTED,
    /** It broke: a network error, an unreachable number. */
    FAILED,
    /** The caller hung up before being served. */
    ABANDONED
}

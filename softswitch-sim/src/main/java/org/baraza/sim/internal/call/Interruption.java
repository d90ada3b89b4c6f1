package org.baraza.sim.internal.call;

/** Why a running application is cut short. */
public enum Interruption {
    /** The channel hangs up. */
    HANGUP,
    /** The channel is transferred elsewhere in the dialplan (uuid_transfer). */
    TRANSFER,
    /** uuid_break: stop what plays. */
    BREAK
}

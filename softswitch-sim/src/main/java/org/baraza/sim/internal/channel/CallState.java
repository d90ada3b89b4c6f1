package org.baraza.sim.internal.channel;

/** switch_channel_callstate_t: what a call looks like from outside, with FreeSWITCH's numbers. */
public enum CallState {
    DOWN, DIALING, RINGING, EARLY, ACTIVE, HELD, RING_WAIT, HANGUP, UNHELD;

    public int number() {
        return ordinal();
    }
}

package org.baraza.sim.internal.httapi;

/** A work tag that waits on the caller (playback with binds, record): it hears keys and can be cut short. */
interface TagInput {
    void digit(char d);

    /** The leg went away: stop playing or recording at once. */
    void stop();
}

package org.baraza.programs;

/**
 * Who a program has on its air, for the console's live board: whether its host is in the conference, how many
 * callers and answered guests speak, and how many listeners wait to speak. Programs without people (prerecorded,
 * filler) have {@link #NONE}.
 *
 * @param host    whether the host is in the conference
 * @param onAir   callers and guests on air (answered, in the conference, not held)
 * @param waiting listeners queued to speak
 */
public record People(boolean host, int onAir, int waiting) {

    public static final People NONE = new People(false, 0, 0);

    public People {
        if (onAir < 0 || waiting < 0) {
            throw new IllegalArgumentException("counts of people cannot be negative");
        }
    }
}

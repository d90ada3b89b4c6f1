package org.baraza.sim.internal.conference;

import java.util.ArrayList;
import java.util.List;

import org.baraza.sim.internal.call.Leg;

/**
 * One leg in a conference: its member id (numbered across the whole switch, as mod_conference numbers
 * them), what it may do (hear, speak), whether it talks, is a moderator or ends the conference when it
 * leaves, who to tell when it is made to leave, and the files played to it alone. Switch thread only.
 */
final class Member {
    private final int id;
    private final Leg leg;
    private final long joinedMicros;
    private final boolean moderator;
    private final boolean endsConference;
    private final Runnable onLeave;
    private boolean canHear = true;
    private boolean canSpeak = true;
    private boolean talking;
    private long lastTalkingMicros;
    /** Files played to this member alone, the head playing (mod_conference's member fnode list). */
    final List<Conference.PlayingFile> files = new ArrayList<>();

    Member(int id, Leg leg, long joinedMicros, boolean moderator, boolean endsConference, Runnable onLeave) {
        this.id = id;
        this.leg = leg;
        this.joinedMicros = joinedMicros;
        this.moderator = moderator;
        this.endsConference = endsConference;
        this.onLeave = onLeave;
    }

    int id() {
        return id;
    }

    Leg leg() {
        return leg;
    }

    long joinedMicros() {
        return joinedMicros;
    }

    boolean moderator() {
        return moderator;
    }

    boolean endsConference() {
        return endsConference;
    }

    Runnable onLeave() {
        return onLeave;
    }

    boolean canHear() {
        return canHear;
    }

    void canHear(boolean value) {
        canHear = value;
    }

    boolean canSpeak() {
        return canSpeak;
    }

    void canSpeak(boolean value) {
        canSpeak = value;
        if (!value) {
            talking = false;
        }
    }

    boolean talking() {
        return talking;
    }

    void talking(boolean value, long nowMicros) {
        talking = value;
        if (value) {
            lastTalkingMicros = nowMicros;
        }
    }

    long lastTalkingMicros() {
        return lastTalkingMicros;
    }
}

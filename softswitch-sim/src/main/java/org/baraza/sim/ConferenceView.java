package org.baraza.sim;

import java.util.List;

/**
 * A snapshot of one running conference and its members (in the order they joined). Immutable.
 */
public record ConferenceView(String name, String uuid, boolean locked, boolean recording, List<Member> members) {
    public ConferenceView {
        members = List.copyOf(members);
    }

    /** One member: its id, its channel, and what it may do now. */
    public record Member(int id, String uuid, String channelName, boolean canHear, boolean canSpeak,
                         boolean talking, boolean hasFloor, boolean moderator) {
    }

    public int size() {
        return members.size();
    }
}

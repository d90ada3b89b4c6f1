package org.baraza.sim.internal.conference;

import java.util.Set;

/**
 * The member flags of {@code conference name@profile+flags{mute|deaf|moderator|endconf}}: join muted (a
 * caller waiting to go on air, a listener), deaf, as a moderator, or ending the conference on leaving.
 */
record JoinFlags(boolean mute, boolean deaf, boolean moderator, boolean endConference) {
    static final JoinFlags NONE = new JoinFlags(false, false, false, false);

    static JoinFlags parse(String flags) {
        Set<String> words = Set.of(flags.split("\\|"));
        return new JoinFlags(words.contains("mute"), words.contains("deaf"), words.contains("moderator"),
                words.contains("endconf") || words.contains("mandatory_member_endconf"));
    }
}

package org.baraza.sim;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Starting simulators for tests: on a free port, with the heartbeat off unless a test wants it. */
final class SimFixture {
    private SimFixture() {
    }

    static SoftswitchConfig.Builder config() {
        return SoftswitchConfig.builder().eslPort(0).heartbeat(java.time.Duration.ZERO);
    }

    static Softswitch start(SoftswitchConfig.Builder builder) {
        try {
            return Softswitch.start(builder.build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Softswitch realTime() {
        return start(config());
    }

    /** The cause the channel's CHANNEL_HANGUP_COMPLETE (at or after the position) gives, waiting for it. */
    static String hangupCause(Softswitch sim, long from, String uuid) {
        return sim.awaitEvent(from, e -> e.name().equals("CHANNEL_HANGUP_COMPLETE") && uuid.equals(e.uniqueId()),
                java.time.Duration.ofSeconds(5)).header("Hangup-Cause");
    }
}

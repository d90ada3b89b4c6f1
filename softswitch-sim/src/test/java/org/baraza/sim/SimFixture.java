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
}

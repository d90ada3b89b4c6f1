package org.baraza.sim.internal.call;

import java.time.Duration;

/** {@code sleep <ms>}: waits, then finishes. */
final class SleepApp implements Application {
    @Override
    public void start(AppRun run) {
        long ms;
        try {
            ms = Math.max(0, Long.parseLong(run.data().trim()));
        } catch (NumberFormatException e) {
            ms = 0;
        }
        run.after(Duration.ofMillis(ms), run::finish);
    }
}

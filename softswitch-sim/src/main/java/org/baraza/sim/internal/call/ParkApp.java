package org.baraza.sim.internal.call;

import org.baraza.sim.internal.event.EventSource;

/** {@code park}: CHANNEL_PARK, then nothing until the leg is transferred or hangs up (CHANNEL_UNPARK). */
final class ParkApp implements Application {
    private AppRun run;

    @Override
    public void start(AppRun r) {
        run = r;
        r.switchboard().events().about(EventSource.CHANNEL_PARK, r.leg().channel()).withVariables().fire();
    }

    @Override
    public boolean interrupt(Interruption why) {
        if (why == Interruption.BREAK) {
            return false;
        }
        run.switchboard().events().about(EventSource.CHANNEL_UNPARK, run.leg().channel()).withVariables().fire();
        return true;
    }
}

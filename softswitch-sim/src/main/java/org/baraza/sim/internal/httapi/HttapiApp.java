package org.baraza.sim.internal.httapi;

import org.baraza.sim.internal.call.AppRun;
import org.baraza.sim.internal.call.Application;
import org.baraza.sim.internal.call.Interruption;

/**
 * {@code httapi {url=...}}: runs an {@link HttapiSession} on the leg until it ends; the leg's keys reach the
 * tag that waits for them.
 */
final class HttapiApp implements Application {
    private final Httapi httapi;
    private HttapiSession session;

    HttapiApp(Httapi httapi) {
        this.httapi = httapi;
    }

    @Override
    public void start(AppRun run) {
        session = httapi.open(run);
        session.start();
    }

    @Override
    public boolean interrupt(Interruption why) {
        if (why == Interruption.BREAK) {
            return false;
        }
        session.interrupted();
        return true;
    }

    @Override
    public void dtmf(char digit) {
        session.digit(digit);
    }

}

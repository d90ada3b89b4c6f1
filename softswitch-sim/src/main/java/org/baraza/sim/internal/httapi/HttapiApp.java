package org.baraza.sim.internal.httapi;

import org.baraza.sim.internal.call.AppRun;
import org.baraza.sim.internal.call.Application;
import org.baraza.sim.internal.call.Interruption;

/**
 * {@code httapi {httapi_profile=...}} or {@code httapi {url=...}}: runs an {@link HttapiSession} on the leg
 * until it ends; the leg's keys reach the tag that waits for them. Without a profile to run it ends at once.
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
        if (session == null) {
            run.finish();
            return;
        }
        session.start();
    }

    @Override
    public boolean interrupt(Interruption why) {
        if (why == Interruption.BREAK) {
            return false;
        }
        if (session != null) {
            session.interrupted();
        }
        return true;
    }

    @Override
    public void dtmf(char digit) {
        if (session != null) {
            session.digit(digit);
        }
    }
}

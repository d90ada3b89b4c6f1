package org.baraza.sim.internal.call;

import org.baraza.sim.internal.channel.HangupCause;

/** {@code hangup [cause]}: hangs the leg up, NORMAL_CLEARING unless a cause is named. */
final class HangupApp implements Application {
    @Override
    public void start(AppRun run) {
        run.switchboard().hangup(run.leg(), HangupCause.parse(run.data()).orElse(HangupCause.NORMAL_CLEARING));
    }
}

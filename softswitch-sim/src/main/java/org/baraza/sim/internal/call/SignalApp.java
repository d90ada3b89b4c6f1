package org.baraza.sim.internal.call;

/**
 * The applications that signal the far end and finish at once: {@code answer}, {@code pre_answer},
 * {@code ring_ready} and {@code acknowledge_call} (which FreeSWITCH accepts without a visible event).
 */
final class SignalApp implements Application {
    enum Signal { ANSWER, PRE_ANSWER, RING_READY, ACKNOWLEDGE }

    private final Signal signal;

    SignalApp(Signal signal) {
        this.signal = signal;
    }

    @Override
    public void start(AppRun run) {
        Switchboard board = run.switchboard();
        switch (signal) {
            case ANSWER -> board.answer(run.leg());
            case PRE_ANSWER -> board.preAnswer(run.leg());
            case RING_READY -> board.ringReady(run.leg());
            case ACKNOWLEDGE -> {
                // acknowledge_call marks the call acknowledged; nothing shows on the event socket.
            }
        }
        run.finish();
    }
}

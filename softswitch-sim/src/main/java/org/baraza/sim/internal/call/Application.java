package org.baraza.sim.internal.call;

/**
 * A dialplan application running on a leg: park, playback, conference, httapi... Started by the runner
 * after CHANNEL_EXECUTE; it calls {@link AppRun#finish} when done (at once, or later from a timer), and the
 * runner fires CHANNEL_EXECUTE_COMPLETE. All methods run on the switch thread.
 */
public interface Application {
    void start(AppRun run);

    /**
     * The leg hangs up, is transferred or broken while this application runs. Fire what FreeSWITCH fires when
     * the application is cut short (CHANNEL_UNPARK, del-member, PLAYBACK_STOP with status break), cancel timers,
     * and return: the runner finishes the application. A BREAK the application ignores returns false.
     */
    default boolean interrupt(Interruption why) {
        return true;
    }

    /** A DTMF digit reached the leg while this application runs. */
    default void dtmf(char digit) {
    }
}

package org.baraza.sim.internal.call;

import java.time.Duration;
import java.util.UUID;
import java.util.function.Consumer;

import org.baraza.sim.internal.loop.Timer;

/**
 * One execution of an application on a leg, between its CHANNEL_EXECUTE and CHANNEL_EXECUTE_COMPLETE: what
 * the application needs (its leg, the switchboard, its argument, timers) and the way to say it is done.
 * Timers taken through {@link #after} die with the execution. Switch thread only.
 */
public final class AppRun {
    private final Leg leg;
    private final Switchboard board;
    private final AppCall call;
    private final Application application;
    private final String uuid = UUID.randomUUID().toString();
    private final Consumer<AppRun> onFinish;
    private Timer timer;
    private boolean finished;

    AppRun(Leg leg, Switchboard board, AppCall call, Application application, Consumer<AppRun> onFinish) {
        this.leg = leg;
        this.board = board;
        this.call = call;
        this.application = application;
        this.onFinish = onFinish;
    }

    public Leg leg() {
        return leg;
    }

    public Switchboard switchboard() {
        return board;
    }

    public String name() {
        return call.name();
    }

    public String data() {
        return call.data();
    }

    public String uuid() {
        return uuid;
    }

    Application application() {
        return application;
    }

    public boolean finished() {
        return finished;
    }

    /** Runs the action after the simulated delay unless the execution has ended by then; one timer at a time. */
    public void after(Duration delay, Runnable action) {
        cancelTimer();
        timer = board.loop().schedule(delay, () -> {
            timer = null;
            if (!finished) {
                action.run();
            }
        });
    }

    public void cancelTimer() {
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
    }

    /** Ends the execution: the runner fires CHANNEL_EXECUTE_COMPLETE and moves on. Idempotent. */
    public void finish() {
        if (!finished) {
            finished = true;
            cancelTimer();
            onFinish.accept(this);
        }
    }
}

package org.baraza.sim.internal.loop;

import java.time.Duration;
import java.time.Instant;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that owns every channel, conference and timer of a simulator ("sim-switch"), so that the
 * switch's state needs no locks and events come out in one well-defined order. Other threads hand it work
 * with {@link #execute} or {@link #call}; timers ({@link #schedule}) count simulated time, which either runs
 * at a multiple of the wall clock or stands still until {@link #advance} moves it, so tests are
 * deterministic (on a manual clock, timers due at the present instant still run without an advance). Lives from {@link #start} to {@link #close}.
 */
public final class SwitchLoop implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SwitchLoop.class);

    private final SimTime time;
    private final LinkedBlockingQueue<Runnable> tasks = new LinkedBlockingQueue<>();
    private final PriorityQueue<Timer> timers = new PriorityQueue<>();
    private final CopyOnWriteArrayList<Runnable> turnListeners = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private long timerOrder;
    private volatile boolean running = true;

    private SwitchLoop(SimTime time) {
        this.time = time;
        this.thread = Thread.ofPlatform().name("sim-switch").daemon(true).unstarted(this::run);
    }

    /** A loop whose simulated time runs {@code scale} times as fast as the wall clock from {@code epoch}. */
    public static SwitchLoop scaled(Instant epoch, double scale) {
        SwitchLoop loop = new SwitchLoop(new ScaledTime(toNanos(epoch), scale));
        loop.thread.start();
        return loop;
    }

    /** A loop whose simulated time stands at {@code epoch} until {@link #advance} moves it. */
    public static SwitchLoop manual(Instant epoch) {
        SwitchLoop loop = new SwitchLoop(new ManualTime(toNanos(epoch)));
        loop.thread.start();
        return loop;
    }

    public boolean isManual() {
        return time instanceof ManualTime;
    }

    /** Simulated now. Any thread. */
    public Instant now() {
        long nanos = time.nowNanos();
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    }

    /** Simulated now in microseconds since the epoch, as FreeSWITCH stamps events. Any thread. */
    public long nowMicros() {
        return time.nowNanos() / 1_000L;
    }

    /** Runs the task on the loop thread, after the tasks already queued. Any thread. */
    public void execute(Runnable task) {
        if (!running) {
            throw new RejectedExecutionException("the simulator is closed");
        }
        tasks.add(task);
    }

    /** Runs the function on the loop thread and completes with its result or failure. Any thread. */
    public <T> CompletableFuture<T> call(Supplier<T> function) {
        CompletableFuture<T> result = new CompletableFuture<>();
        execute(() -> {
            try {
                result.complete(function.get());
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    /** Runs the action after the simulated delay. Loop thread only. */
    public Timer schedule(Duration delay, Runnable action) {
        assertInLoop();
        long due = time.nowNanos() + Math.max(0, delay.toNanos());
        Timer timer = new Timer(due, timerOrder++, action);
        timers.add(timer);
        return timer;
    }

    /** Called on the loop thread after every task and timer, e.g. to complete waiters whose condition holds. */
    public void afterEachTurn(Runnable listener) {
        turnListeners.add(listener);
    }

    /**
     * Moves a manual clock forward, running every timer that falls due on the way at its own instant, and
     * returns when done. Not on the loop thread.
     */
    public void advance(Duration by) {
        if (!(time instanceof ManualTime manual)) {
            throw new IllegalStateException("the clock runs by itself (time scale mode); only a manual clock advances");
        }
        if (by.isNegative()) {
            throw new IllegalArgumentException("cannot advance the clock backwards: " + by);
        }
        if (inLoop()) {
            throw new IllegalStateException("advance() must not be called on the switch thread");
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        execute(() -> {
            long target = manual.nowNanos() + by.toNanos();
            Timer next;
            while ((next = timers.peek()) != null && next.dueNanos <= target) {
                timers.poll();
                manual.set(next.dueNanos);
                fire(next);
                drainTasks();
            }
            manual.set(target);
            done.complete(null);
        });
        done.join();
    }

    public boolean inLoop() {
        return Thread.currentThread() == thread;
    }

    public void assertInLoop() {
        if (!inLoop()) {
            throw new IllegalStateException("switch state touched outside the switch thread by "
                    + Thread.currentThread().getName());
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        while (running) {
            try {
                Runnable task = tasks.poll(waitNanos(), TimeUnit.NANOSECONDS);
                if (task != null) {
                    runTask(task);
                }
                // A manual clock stands still, but what falls due at the present instant (a zero delay) runs now.
                fireDueTimers();
            } catch (InterruptedException e) {
                if (!running) {
                    return;
                }
            }
        }
    }

    private long waitNanos() {
        Timer next = timers.peek();
        return next == null ? Long.MAX_VALUE : Math.max(0, time.realNanosUntil(next.dueNanos));
    }

    private void fireDueTimers() {
        long now = time.nowNanos();
        Timer next;
        while ((next = timers.peek()) != null && next.dueNanos <= now) {
            timers.poll();
            fire(next);
        }
    }

    private void drainTasks() {
        Runnable task;
        while ((task = tasks.poll()) != null) {
            runTask(task);
        }
    }

    private void fire(Timer timer) {
        if (!timer.cancelled()) {
            runTask(timer.action);
        }
    }

    private void runTask(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            // One bad task (a bug, or input nobody foresaw) must not stop the switch for every other call.
            LOG.error("simulator task failed", e);
        }
        for (Runnable listener : turnListeners) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                LOG.error("simulator turn listener failed", e);
            }
        }
    }

    private static long toNanos(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
    }
}

package org.baraza.sim;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Conditions someone waits for, checked on the switch thread after every task and timer (so a condition is
 * seen the moment it becomes true, with no polling). Registered from any thread.
 */
final class Waiters {
    private record Waiter<T>(Supplier<T> probe, CompletableFuture<T> done) {
        boolean check() {
            if (done.isDone()) {
                return true;
            }
            T value;
            try {
                value = probe.get();
            } catch (RuntimeException e) {
                // A condition that throws (a caller's predicate) fails its waiter rather than every later turn.
                done.completeExceptionally(e);
                return true;
            }
            if (value != null) {
                done.complete(value);
                return true;
            }
            return false;
        }
    }

    private final List<Waiter<?>> waiting = new ArrayList<>();

    /** The probe returns null until the condition holds, then the value to complete with. Switch thread. */
    <T> void add(Supplier<T> probe, CompletableFuture<T> done) {
        Waiter<T> w = new Waiter<>(probe, done);
        if (!w.check()) {
            waiting.add(w);
        }
    }

    /** Switch thread, after every turn. */
    void check() {
        Iterator<Waiter<?>> it = waiting.iterator();
        while (it.hasNext()) {
            if (it.next().check()) {
                it.remove();
            }
        }
    }
}

package org.baraza.core.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Runs actions on threads of their own, released together at a barrier, for tests of what the database
 * does when requests collide (two enqueues of one key, two workers claiming, three votes at once).
 */
public final class Concurrently {
    private Concurrently() {
    }

    /** Each action's result, in the order given; the first failure is rethrown as it was thrown. */
    @SafeVarargs
    public static <T> List<T> run(Supplier<T>... actions) throws InterruptedException {
        CyclicBarrier start = new CyclicBarrier(actions.length);
        List<Future<T>> futures = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(actions.length)) {
            for (Supplier<T> action : actions) {
                futures.add(threads.submit(() -> {
                    start.await();
                    return action.get();
                }));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(resultOf(future));
            }
            return results;
        }
    }

    private static <T> T resultOf(Future<T> future) throws InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}

package org.baraza.sim.testing;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Runs a blocking call (an {@code originate} that waits for the far end) on its own virtual thread, so a test
 * can move a manual clock while the call waits.
 */
public final class Background {
    private Background() {
    }

    public static <T> CompletableFuture<T> run(String name, Supplier<T> call) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread.ofVirtual().name(name).start(() -> {
            try {
                result.complete(call.get());
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }
}

package org.baraza.app;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** How the long-running commands run: until Ctrl-C or SIGTERM, or for a set time, then closed once. */
final class Lifetime {

    private Lifetime() {
    }

    /**
     * Blocks until the JVM is asked to stop (the shutdown hook closes {@code running}) or, with
     * {@code stopAfterSeconds}, until that much time passed (then closes it here).
     */
    static void runUntilStopped(AutoCloseable running, Long stopAfterSeconds, String name) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            closeQuietly(running);
            stopped.countDown();
        }, name + "-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        if (stopAfterSeconds == null) {
            stopped.await();
            return;
        }
        if (!stopped.await(stopAfterSeconds, TimeUnit.SECONDS)) {
            Runtime.getRuntime().removeShutdownHook(hook);
            closeQuietly(running);
        }
    }

    private static void closeQuietly(AutoCloseable running) {
        try {
            running.close();
        } catch (Exception e) {
            System.err.println("baraza: stopping failed: " + e.getMessage());
        }
    }
}

package org.baraza.bench;

import java.io.PrintWriter;

/** Where a run says what it is doing, a line at a time (standard error for {@code baraza bench}). Thread-safe. */
@FunctionalInterface
public interface Progress {

    void say(String line);

    /** Each line after "bench", with the seconds since this progress was made: where a run spends its time. */
    static Progress to(PrintWriter out) {
        long start = System.nanoTime();
        return line -> {
            synchronized (out) {
                out.printf(java.util.Locale.ROOT, "bench [%6.1f s]: %s%n", (System.nanoTime() - start) / 1e9, line);
                out.flush();
            }
        };
    }

    default void say(String format, Object... args) {
        say(String.format(java.util.Locale.ROOT, format, args));
    }
}

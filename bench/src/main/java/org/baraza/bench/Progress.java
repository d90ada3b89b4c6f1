package org.baraza.bench;

import java.io.PrintWriter;

/** Where a run says what it is doing, a line at a time (standard error for {@code baraza bench}). Thread-safe. */
@FunctionalInterface
public interface Progress {

    void say(String line);

    static Progress to(PrintWriter out) {
        return line -> {
            synchronized (out) {
                out.println("bench: " + line);
                out.flush();
            }
        };
    }

    default void say(String format, Object... args) {
        say(String.format(java.util.Locale.ROOT, format, args));
    }
}

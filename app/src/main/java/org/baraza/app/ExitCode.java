package org.baraza.app;

/** What {@code baraza} exits with; the README lists them. */
final class ExitCode {
    static final int OK = 0;
    /** The command ran and failed: a database that cannot be reached, a refused change. */
    static final int FAILED = 1;
    /** The command line or the configuration is wrong; nothing was done. */
    static final int BAD_CONFIGURATION = 2;

    private ExitCode() {
    }
}

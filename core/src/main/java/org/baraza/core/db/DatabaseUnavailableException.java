package org.baraza.core.db;

import java.net.UnknownHostException;
import java.sql.SQLException;

/**
 * The database cannot be reached or started: a wrong URL or password, a server that is down. The message
 * is one line for a person (no stack trace needed); the cause keeps the details for the log.
 */
public final class DatabaseUnavailableException extends RuntimeException {

    public DatabaseUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * The most telling line of an error chain: the driver's own message when there is one (it names the
     * host, the user, the server's refusal), with what the wrappers add dropped ("Failed to initialize
     * pool: ..."); otherwise the deepest message.
     */
    static String oneLine(Throwable e) {
        String deepest = null;
        String driver = null;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnknownHostException) {
                return "unknown host " + t.getMessage();
            }
            String message = firstLine(t.getMessage());
            if (message == null) {
                continue;
            }
            deepest = message;
            if (driver == null && t instanceof SQLException) {
                String cause = t.getCause() == null ? null : firstLine(t.getCause().getMessage());
                driver = cause == null || message.contains(cause) ? message : message + " (" + cause + ")";
            }
        }
        if (driver != null) {
            return driver;
        }
        return deepest == null ? e.getClass().getSimpleName() : deepest;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return null;
        }
        return message.lines().map(String::strip).filter(line -> !line.isEmpty()).findFirst().orElse(null);
    }
}

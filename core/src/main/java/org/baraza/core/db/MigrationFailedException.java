package org.baraza.core.db;

/**
 * A migration could not be applied: the database refused a statement (missing privileges, a server too
 * old). PostgreSQL runs each migration in a transaction, so nothing of the failed one stays behind.
 * The message is one line for a person; the cause keeps the details.
 */
public final class MigrationFailedException extends RuntimeException {
    public MigrationFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}

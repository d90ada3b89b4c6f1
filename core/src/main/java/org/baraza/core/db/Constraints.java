package org.baraza.core.db;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.baraza.core.DomainException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Turns the database's refusals into domain errors. A store names the constraints an operation can
 * break and the error each one means ({@code on("poll_votes_one_per_voter", () -> new AlreadyExists(...))});
 * a refusal it did not name still becomes a domain error, from the SQL state, with the constraint's name.
 *
 * <p>Built per call, used once, on the caller's thread.
 */
final class Constraints {

    private final Map<String, Supplier<? extends DomainException>> meanings = new LinkedHashMap<>();

    private Constraints() {
    }

    static Constraints on(String constraint, Supplier<? extends DomainException> meaning) {
        return new Constraints().and(constraint, meaning);
    }

    Constraints and(String constraint, Supplier<? extends DomainException> meaning) {
        meanings.put(constraint, meaning);
        return this;
    }

    <T> T run(Supplier<T> statement) {
        try {
            return statement.get();
        } catch (RuntimeException e) {
            throw translate(e, meanings);
        }
    }

    void run(Runnable statement) {
        run(() -> {
            statement.run();
            return null;
        });
    }

    /** Runs a statement that names no constraints: every refusal gets the generic translation. */
    static <T> T guard(Supplier<T> statement) {
        return new Constraints().run(statement);
    }

    private static RuntimeException translate(RuntimeException e, Map<String, Supplier<? extends DomainException>> meanings) {
        PSQLException refusal = integrityViolation(e);
        if (refusal == null) {
            return e;
        }
        ServerErrorMessage server = refusal.getServerErrorMessage();
        String constraint = server == null ? null : server.getConstraint();
        if (constraint != null && meanings.containsKey(constraint)) {
            DomainException meaning = meanings.get(constraint).get();
            meaning.addSuppressed(refusal);
            return meaning;
        }
        return generic(refusal, server, constraint);
    }

    private static DomainException generic(PSQLException refusal, ServerErrorMessage server, String constraint) {
        String table = server == null || server.getTable() == null ? "" : server.getTable() + ": ";
        String detail = server == null || server.getDetail() == null ? "" : " (" + server.getDetail() + ")";
        String rule = constraint == null ? "" : " " + constraint;
        DomainException error = switch (refusal.getSQLState()) {
            case "23505" -> new DomainException.AlreadyExists(table + "already exists" + rule + detail);
            case "23503" -> isDeleteRefusal(server)
                    ? new DomainException.InUse(table + "still refers to it" + rule + detail)
                    : new DomainException.NotFound(table + "refers to something that does not exist" + rule + detail);
            case "23P01" -> new DomainException.Conflict(table + "clashes with an existing row" + rule + detail);
            case "23502" -> new DomainException.Invalid(table + (server == null ? "a required value" : server.getColumn()) + " is required");
            default -> new DomainException.Invalid(table + "breaks the rule" + rule + detail);
        };
        error.addSuppressed(refusal);
        return error;
    }

    /**
     * A foreign key refuses either a row that points at nothing or the removal of a row still pointed at;
     * the server says which only in its message ("update or delete on table ..."). Only this fallback
     * reads it: stores name the constraints they expect.
     */
    private static boolean isDeleteRefusal(ServerErrorMessage server) {
        return server != null && server.getMessage() != null && server.getMessage().startsWith("update or delete");
    }

    /** The PostgreSQL integrity violation (SQL state class 23) somewhere in the cause chain, if any. */
    private static PSQLException integrityViolation(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof PSQLException psql && isIntegrityViolation(psql)) {
                return psql;
            }
        }
        return null;
    }

    private static boolean isIntegrityViolation(SQLException e) {
        return e.getSQLState() != null && e.getSQLState().startsWith("23");
    }
}

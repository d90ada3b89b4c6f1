package org.baraza.core.audit;

import java.time.Instant;
import java.util.List;

import org.baraza.core.Ids.NetworkId;

/**
 * The audit log: append-only (the database refuses UPDATE, DELETE and TRUNCATE on it). Thread-safe and
 * stateless.
 */
public interface AuditLog {

    AuditEntry append(NewAuditEntry entry);

    /** The network's entries from {@code from} (inclusive) until {@code to} (exclusive), newest first, at most {@code limit}. */
    List<AuditEntry> list(NetworkId network, Instant from, Instant to, int limit);

    /** What happened to one thing, newest first, at most {@code limit}. */
    List<AuditEntry> history(String entityType, String entityId, int limit);
}

package org.baraza.core.audit;

import java.time.Instant;

import org.baraza.core.Ids.NetworkId;
import org.baraza.core.Ids.StationId;
import org.baraza.core.Ids.UserId;

/**
 * One line of the audit log: who changed what, when, and the thing before and after. It outlives what it
 * describes, so its ids refer to nothing the database checks.
 *
 * @param actor  who did it: {@code user:12}, {@code system}, {@code sms:+256700100200}
 * @param action what was done: {@code schedule.create}, {@code recording.approve}
 * @param before the thing before, as JSON text (normalised by the database); null for a creation
 * @param after  the thing after, as JSON text; null for a removal
 */
public record AuditEntry(
        long id,
        Instant occurredAt,
        NetworkId networkId,
        StationId stationId,
        String actor,
        UserId userId,
        String action,
        String entityType,
        String entityId,
        String before,
        String after) {
}

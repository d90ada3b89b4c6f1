package org.baraza.core.db;

import java.time.Instant;
import java.util.List;

import org.baraza.core.Ids.NetworkId;
import org.baraza.core.Require;
import org.baraza.core.audit.AuditEntry;
import org.baraza.core.audit.AuditLog;
import org.baraza.core.audit.NewAuditEntry;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

final class JdbiAuditLog implements AuditLog {

    interface Sql {
        @SqlQuery("""
                insert into audit_log (occurred_at, network_id, station_id, actor, user_id, action, entity_type, entity_id,
                                       before, after)
                values (:e.occurredAt, :e.network, :e.station, :e.actor, :e.user, :e.action, :e.entityType, :e.entityId,
                        cast(:e.before as jsonb), cast(:e.after as jsonb))
                returning id, occurred_at, network_id, station_id, actor, user_id, action, entity_type, entity_id,
                          before::text as before, after::text as after
                """)
        AuditEntry insert(@BindMethods("e") NewAuditEntry entry);

        @SqlQuery("""
                select id, occurred_at, network_id, station_id, actor, user_id, action, entity_type, entity_id,
                       before::text as before, after::text as after
                  from audit_log
                 where network_id = :network and occurred_at >= :from and occurred_at < :to
                 order by occurred_at desc, id desc
                 limit :limit
                """)
        List<AuditEntry> list(NetworkId network, Instant from, Instant to, int limit);

        @SqlQuery("""
                select id, occurred_at, network_id, station_id, actor, user_id, action, entity_type, entity_id,
                       before::text as before, after::text as after
                  from audit_log
                 where entity_type = :entityType and entity_id = :entityId
                 order by occurred_at desc, id desc
                 limit :limit
                """)
        List<AuditEntry> history(String entityType, String entityId, int limit);
    }

    private static final int MOST = 1000;

    private final Sql sql;

    JdbiAuditLog(Jdbi jdbi) {
        this.sql = RecordRows.onDemand(jdbi, Sql.class, AuditEntry.class);
    }

    @Override
    public AuditEntry append(NewAuditEntry entry) {
        return Constraints.guard(() -> sql.insert(Require.present("audit entry", entry)));
    }

    @Override
    public List<AuditEntry> list(NetworkId network, Instant from, Instant to, int limit) {
        return sql.list(network, from, to, Require.range("audit entries", limit, 1, MOST));
    }

    @Override
    public List<AuditEntry> history(String entityType, String entityId, int limit) {
        return sql.history(entityType, entityId, Require.range("audit entries", limit, 1, MOST));
    }
}

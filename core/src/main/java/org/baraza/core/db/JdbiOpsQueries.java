package org.baraza.core.db;

import org.baraza.core.ops.OpsQueries;
import org.jdbi.v3.core.Jdbi;

final class JdbiOpsQueries implements OpsQueries {

    private final Jdbi jdbi;

    JdbiOpsQueries(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public boolean ping() {
        try {
            return jdbi.withHandle(h -> h.createQuery("select 1").setQueryTimeout(1).mapTo(Integer.class).one()) == 1;
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public long callsLogged() {
        return count("select count(*) from calls");
    }

    @Override
    public long callsOpen() {
        return count("select count(*) from calls where ended_at is null");
    }

    @Override
    public long airingsOnAir() {
        return count("select count(*) from airings where status = 'on_air'");
    }

    @Override
    public long airingsAired() {
        return count("select count(*) from airings where status in ('aired', 'partial')");
    }

    @Override
    public long outboxDepth() {
        return count("select count(*) from sms_outbox");
    }

    private long count(String sql) {
        return jdbi.withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }
}

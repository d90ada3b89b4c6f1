package org.baraza.core.db;

import java.time.Duration;
import java.time.Instant;

import org.baraza.core.DomainException;
import org.baraza.core.Ids.StationId;
import org.baraza.core.Require;
import org.baraza.core.alert.AlertKind;
import org.baraza.core.alert.AlertStore;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

final class JdbiAlertStore implements AlertStore {

    interface Sql {
        // The conflicting row is locked and its condition read again after a concurrent update commits: of two
        // daemons taking the turn together, the second finds it moved on and changes nothing.
        @SqlUpdate("""
                insert into station_alerts (station_id, kind, last_sent_at) values (:station, :kind, :now)
                on conflict (station_id, kind) do update set last_sent_at = excluded.last_sent_at
                 where station_alerts.last_sent_at <= :cooledDownBy
                """)
        int take(StationId station, String kind, Instant now, Instant cooledDownBy);
    }

    private final Sql sql;

    JdbiAlertStore(Jdbi jdbi) {
        this.sql = jdbi.onDemand(Sql.class);
    }

    @Override
    public boolean takeTurn(StationId station, AlertKind kind, Instant now, Duration cooldown) {
        Require.present("alert kind", kind);
        Require.present("time of the alert", now);
        Require.present("alert cooldown", cooldown);
        return Constraints.on("station_alerts_station_fk", () -> new DomainException.NotFound(station + " does not exist"))
                .run(() -> sql.take(station, kind.key(), now, now.minus(cooldown))) == 1;
    }
}

package org.baraza.bench;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.jdbi.v3.core.Jdbi;

/**
 * Where a flash spent its time, from what Baraza itself wrote down as it went: the call's {@code ended_at} is the
 * instant the call router began on the exiting request, and the call-back's {@code requested_at} the instant the
 * station's desk began on it. Both are the wall clock ({@code Clock.systemUTC}); {@link #offsetMicros} (wall
 * minus the simulator's clock, taken when the run starts) brings them onto the simulator's clock. Read once,
 * after the run.
 *
 * @param routerStarted call (session) → when the router began on its exiting request, µs on the simulator's clock
 * @param deskStarted   call → when the desk began on it, µs on the simulator's clock
 * @param callbacks     call-backs by status (dialling, failed, answered, refused)
 */
record Stamps(Map<UUID, Long> routerStarted, Map<UUID, Long> deskStarted, Map<String, Integer> callbacks) {

    private record Row(UUID call, OffsetDateTime ended, OffsetDateTime requested) {
    }

    static Stamps read(Jdbi jdbi, long offsetMicros) {
        Map<UUID, Long> router = new HashMap<>();
        Map<UUID, Long> desk = new HashMap<>();
        Map<String, Integer> statuses = new LinkedHashMap<>();
        jdbi.useHandle(h -> {
            h.createQuery("select c.id, c.ended_at, b.requested_at from calls c left join callbacks b on b.missed_call_id = c.id "
                    + "where c.direction = 'inbound'")
                    .map((rs, ctx) -> new Row(rs.getObject("id", UUID.class), rs.getObject("ended_at", OffsetDateTime.class),
                            rs.getObject("requested_at", OffsetDateTime.class)))
                    .forEach(row -> {
                        if (row.ended() != null) {
                            router.put(row.call(), micros(row.ended()) - offsetMicros);
                        }
                        if (row.requested() != null) {
                            desk.put(row.call(), micros(row.requested()) - offsetMicros);
                        }
                    });
            h.createQuery("select status, count(*) as n from callbacks group by status order by status")
                    .map((rs, ctx) -> Map.entry(rs.getString("status"), rs.getInt("n")))
                    .forEach(entry -> statuses.put(entry.getKey(), entry.getValue()));
        });
        return new Stamps(router, desk, statuses);
    }

    private static long micros(OffsetDateTime at) {
        return at.toEpochSecond() * 1_000_000L + at.getNano() / 1_000;
    }
}

package org.baraza.core.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.baraza.core.Ids.StationId;
import org.baraza.core.PhoneNumber;
import org.baraza.core.testing.PostgresExtension;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class RecordRowsTest {

    record Listing(StationId stationId, String name, ZoneId timeZone, PhoneNumber number, List<String> languages,
                   boolean keepLeg, int plays, Instant createdAt) {
    }

    record Stray(long id) {
    }

    interface Sql {
        @SqlQuery("""
                select 7 as station_id, 'Radio <b>Pacis</b>' as name, 'Africa/Kampala' as time_zone, '+256700000001' as number,
                       array['en', 'lg'] as languages, true as keepleg, null::int as plays, timestamptz '2026-12-05 06:00Z' as created_at,
                       'ignored' as extra
                """)
        Listing listing();

        @SqlQuery("select null::bigint as station_id, null as name, null as time_zone, null as number, array[]::text[] as languages, false as keep_leg, 3 as plays, null::timestamptz as created_at")
        Listing empty();

        @SqlQuery("select 'Radio' as name")
        Listing missing();

        @SqlQuery("select 1 as station_id, 2 as \"stationId\", 'x' as name, null as time_zone, null as number, array[]::text[] as languages, false as keep_leg, 0 as plays, null::timestamptz as created_at")
        Listing twice();

        @SqlQuery("select 1 as id")
        Stray stray();

        @SqlQuery("select 7")
        StationId bareId();
    }

    private final Sql sql;

    RecordRowsTest(Jdbi jdbi) {
        this.sql = RecordRows.onDemand(jdbi, Sql.class, Listing.class);
    }

    @Test
    void eachComponentComesFromTheColumnOfItsNameSnakeCaseOrNotThroughBarazasColumnMappers() {
        assertThat(sql.listing()).isEqualTo(new Listing(new StationId(7), "Radio <b>Pacis</b>", ZoneId.of("Africa/Kampala"),
                new PhoneNumber("+256700000001"), List.of("en", "lg"), true, 0, Instant.parse("2026-12-05T06:00:00Z")));
    }

    @Test
    void sqlNullsBecomeNullsAndPrimitivesTheirZero() {
        assertThat(sql.empty()).isEqualTo(new Listing(null, null, null, null, List.of(), false, 3, null));
    }

    @Test
    void aComponentWithoutItsColumnOrWithTwoIsRefusedSayingWhich() {
        assertThatThrownBy(sql::missing).hasMessageContaining("Listing.stationId: no column of that name");
        assertThatThrownBy(sql::twice).hasMessageContaining("Listing.stationId: more than one column of that name");
    }

    @Test
    void onlyTheRecordsAStoreNamedAreMappedAsRowsAndValueRecordsStayColumns() {
        assertThatThrownBy(sql::stray).hasMessageContaining("Stray");
        assertThat(sql.bareId()).isEqualTo(new StationId(7));
    }

    @Test
    void aClassThatIsNotARecordIsRefusedWhenNamed() {
        assertThatThrownBy(() -> new RecordRows.Types().add(String.class)).hasMessageContaining("java.lang.String is not a record");
    }
}

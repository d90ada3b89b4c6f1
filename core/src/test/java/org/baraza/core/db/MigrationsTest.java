package org.baraza.core.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.baraza.core.testing.TestDatabase;
import org.baraza.core.testing.TestPostgres;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

class MigrationsTest {

    @Test
    void migrationsApplyToAnEmptyDatabaseAndAgainChangeNothing() {
        try (TestDatabase empty = TestPostgres.shared().createEmptyDatabase()) {
            Migrations.Report first = Migrations.migrate(empty.dataSource());
            assertThat(first.applied()).isGreaterThanOrEqualTo(2);
            assertThat(first.fromVersion()).isNull();
            String schemaAfterFirst = schemaOf(empty.jdbi());

            Migrations.Report second = Migrations.migrate(empty.dataSource());

            assertThat(second.applied()).isZero();
            assertThat(second.toVersion()).isEqualTo(first.toVersion());
            assertThat(second.describe()).isEqualTo("schema is up to date at version " + first.toVersion());
            assertThat(schemaOf(empty.jdbi())).isEqualTo(schemaAfterFirst);
            assertThat(Migrations.pending(empty.dataSource())).isZero();
        }
    }

    @Test
    void theSchemaHoldsTheDomainAndQuartzTables() {
        try (TestDatabase empty = TestPostgres.shared().createEmptyDatabase()) {
            Migrations.migrate(empty.dataSource());
            List<String> tables = empty.jdbi().withHandle(h -> h.createQuery(
                    "select table_name from information_schema.tables where table_schema = 'public' order by 1")
                    .mapTo(String.class).list());
            assertThat(tables).contains("networks", "stations", "station_numbers", "transmitter_dial_strings",
                    "hosts", "callers", "caller_blocks", "users", "user_roles", "media_assets", "playlists",
                    "playlist_items", "programs", "schedules", "airings", "airing_gaps", "airing_items", "calls",
                    "legs", "recordings", "sms_messages", "sms_outbox", "sms_subscriptions", "sms_opt_outs",
                    "polls", "poll_options", "poll_votes", "station_leases", "audit_log", "station_alerts",
                    "qrtz_job_details", "qrtz_triggers", "qrtz_fired_triggers", "qrtz_locks");
        }
    }

    /** Every column, constraint and index, as text: what a second run must leave exactly as it was. */
    private static String schemaOf(Jdbi jdbi) {
        return jdbi.withHandle(h -> String.join("\n", h.createQuery("""
                select 'column ' || table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable
                       || ' ' || coalesce(column_default, '')
                  from information_schema.columns where table_schema = 'public'
                union all
                select 'constraint ' || conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid)
                  from pg_constraint where connamespace = 'public'::regnamespace
                union all
                select 'index ' || indexdef from pg_indexes where schemaname = 'public'
                order by 1
                """).mapTo(String.class).list()));
    }
}

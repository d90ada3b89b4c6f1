package org.baraza.core.db;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings a database to Baraza's schema with Flyway, from the SQL in the {@code migrations} module.
 * Applying them again changes nothing. {@code clean} is disabled: nothing here ever drops data.
 */
public final class Migrations {

    /** What a run did: how many migrations it applied, and the versions before and after. */
    public record Report(int applied, String fromVersion, String toVersion) {
        public String describe() {
            if (applied == 0) {
                return "schema is up to date at version " + toVersion;
            }
            String from = fromVersion == null ? "an empty database" : "version " + fromVersion;
            return "applied " + applied + (applied == 1 ? " migration" : " migrations")
                    + " (" + from + " -> version " + toVersion + ")";
        }
    }

    private Migrations() {
    }

    /** @throws MigrationFailedException when the database refuses a migration */
    public static Report migrate(DataSource dataSource) {
        MigrateResult result;
        try {
            result = flyway(dataSource).migrate();
        } catch (FlywayException e) {
            throw new MigrationFailedException("migration failed: " + DatabaseUnavailableException.oneLine(e), e);
        }
        return new Report(result.migrationsExecuted, result.initialSchemaVersion, result.targetSchemaVersion == null
                ? currentVersion(dataSource)
                : result.targetSchemaVersion);
    }

    /** The version the database is at, or null when no migration was ever applied. */
    public static String currentVersion(DataSource dataSource) {
        MigrationInfo current = flyway(dataSource).info().current();
        return current == null ? null : current.getVersion().getVersion();
    }

    /** How many known migrations the database still lacks. */
    public static int pending(DataSource dataSource) {
        return flyway(dataSource).info().pending().length;
    }

    private static Flyway flyway(DataSource dataSource) {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .failOnMissingLocations(true)
                .validateMigrationNaming(true)
                .cleanDisabled(true)
                .load();
    }
}

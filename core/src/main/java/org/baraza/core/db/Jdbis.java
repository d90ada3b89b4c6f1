package org.baraza.core.db;

import java.time.ZoneId;

import javax.sql.DataSource;

import org.baraza.core.PhoneNumber;
import org.baraza.core.program.ProgramConfig;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/** Builds the one {@link Jdbi} a process uses: PostgreSQL types, SqlObject, Baraza's value types and its records' rows. */
public final class Jdbis {
    private Jdbis() {
    }

    public static Jdbi create(DataSource dataSource) {
        Jdbi jdbi = Jdbi.create(dataSource)
                .installPlugin(new SqlObjectPlugin())
                .installPlugin(new PostgresPlugin());
        jdbi.registerArgument(new ValueTypes.LongIdArguments());
        jdbi.registerColumnMapper(new ValueTypes.LongIdColumns());
        jdbi.registerArgument(new ValueTypes.PhoneNumberArguments());
        jdbi.registerColumnMapper(PhoneNumber.class, ValueTypes.phoneNumbers());
        jdbi.registerArgument(new ValueTypes.ZoneIdArguments());
        jdbi.registerColumnMapper(ZoneId.class, ValueTypes.zoneIds());
        jdbi.registerArgument(new ValueTypes.ProgramConfigArguments());
        jdbi.registerColumnMapper(ProgramConfig.class, ValueTypes.programConfigs());
        RecordRows.install(jdbi);
        return jdbi;
    }
}

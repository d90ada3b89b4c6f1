package org.baraza.bench.jmh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.baraza.core.Ids.StationId;
import org.baraza.core.config.DatabaseConfig;
import org.baraza.core.db.Database;
import org.baraza.core.db.EmbeddedDatabase;
import org.baraza.core.db.Stores;
import org.baraza.core.station.Network;
import org.baraza.core.station.Station;
import org.baraza.core.station.StationSettings;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH: one read of a station by its id, the statement a station's prepare makes most, four ways on one embedded
 * PostgreSQL (durable settings, a pool of two (migrating needs both), one thread): through Baraza's store (an on-demand SqlObject,
 * rows mapped by {@code RecordRows}); the same through Jdbi's fluent API with the {@code ConstructorMapper} registered
 * on the statement, as {@code @RegisterConstructorMapper} did on every call before; the fluent API with
 * {@code RecordRows}; and plain JDBC reading every column. The time includes the round trip to PostgreSQL, which is
 * the same in all four: the differences are the client's cost.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class StoreReadBenchmark {

    private static final String SQL = "select * from stations where id = :id";

    private Path home;
    private EmbeddedDatabase postgres;
    private Database database;
    private Stores stores;
    private StationId id;

    @Setup(Level.Trial)
    public void start() throws IOException {
        home = Files.createTempDirectory("baraza-jmh-db-");
        postgres = EmbeddedDatabase.startPersistent(home.resolve("postgres"), 0);
        postgres.ensureDatabase(Database.EMBEDDED_DATABASE_NAME);
        database = Database.open(new DatabaseConfig(postgres.jdbcUrl(Database.EMBEDDED_DATABASE_NAME),
                EmbeddedDatabase.SUPERUSER, "", 2, Duration.ofSeconds(10), null, 0));
        database.migrate();
        stores = Stores.on(database.jdbi());
        Network network = stores.networks().create("jmh", "JMH");
        id = stores.stations().create(network.id(), new StationSettings("radio-jmh", "Radio JMH", ZoneId.of("Africa/Kampala"),
                List.of("en", "sw"), true, null)).id();
    }

    @TearDown(Level.Trial)
    public void stop() throws IOException {
        database.close();
        postgres.close();
        try (Stream<Path> files = Files.walk(home)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @Benchmark
    public Station store() {
        return stores.stations().get(id);
    }

    @Benchmark
    public Station fluentConstructorMapper() {
        return database.jdbi().withHandle(handle -> handle.createQuery(SQL).bind("id", id)
                .registerRowMapper(ConstructorMapper.factory(Station.class)).mapTo(Station.class).one());
    }

    @Benchmark
    public Station fluentRecordRows() {
        return database.jdbi().withHandle(handle -> handle.createQuery(SQL).bind("id", id).mapTo(Station.class).one());
    }

    @Benchmark
    public long plainJdbc() throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement statement = connection.prepareStatement("select * from stations where id = ?")) {
            statement.setLong(1, id.value());
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                long sum = row.getLong("id") + row.getLong("network_id") + row.getString("slug").length()
                        + row.getString("name").length() + row.getString("time_zone").length()
                        + row.getArray("languages").hashCode() + (row.getBoolean("keep_leg_between_programs") ? 1 : 0)
                        + row.getLong("filler_playlist_id") + row.getTimestamp("created_at").getTime()
                        + row.getTimestamp("updated_at").getTime();
                return sum;
            }
        }
    }
}

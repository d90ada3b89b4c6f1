package org.baraza.core.db;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.config.JdbiConfig;
import org.jdbi.v3.core.generic.GenericTypes;
import org.jdbi.v3.core.mapper.ColumnMapper;
import org.jdbi.v3.core.mapper.ColumnMappers;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.mapper.RowMapperFactory;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Maps rows to Baraza's records: each component from the column of its name, in snake_case or not, case ignored
 * ({@code fillerPlaylistId} from {@code filler_playlist_id}); extra columns are ignored, a component without its column
 * or with two is an error. It is what Jdbi's {@code @RegisterConstructorMapper} did for these records, without its
 * cost: that one is registered again on every call of an on-demand SqlObject, so every statement started from empty
 * caches and looked up each component's column mapper, qualifiers and all, again (about 100 µs of CPU a statement
 * on this project's machines, the largest single cost of a station's prepare in the schedule burst's profile). Here
 * the constructor and the column mappers are worked out once per record type and Jdbi; a result set only has its
 * columns found by name.
 *
 * <p>A store names the records its statements return when it makes its SqlObject ({@link #onDemand}); only those
 * are mapped here (a value type that is a record, such as an id, stays a single column). Thread-safe.
 */
public final class RecordRows implements RowMapperFactory {

    private final ConcurrentMap<Class<?>, Shape> shapes = new ConcurrentHashMap<>();

    /** Registers this mapping on a {@link Jdbi}; {@link Jdbis#create} does. */
    static void install(Jdbi jdbi) {
        jdbi.registerRowMapper(new RecordRows());
    }

    /** {@code jdbi.onDemand(sqlObject)}, its statements returning {@code rows} mapped here. */
    static <T> T onDemand(Jdbi jdbi, Class<T> sqlObject, Class<?>... rows) {
        jdbi.getConfig(Types.class).add(rows);
        return jdbi.onDemand(sqlObject);
    }

    @Override
    public Optional<RowMapper<?>> build(Type type, ConfigRegistry config) {
        Class<?> raw = GenericTypes.getErasedType(type);
        if (!config.get(Types.class).contains(raw)) {
            return Optional.empty();
        }
        return Optional.of(shapes.computeIfAbsent(raw, record -> Shape.of(record, config.get(ColumnMappers.class))));
    }

    /** The records mapped here: shared by every copy of a Jdbi's configuration, so a store's registration lasts. */
    public static final class Types implements JdbiConfig<Types> {
        private final Set<Class<?>> records;

        public Types() {
            this.records = ConcurrentHashMap.newKeySet();
        }

        private Types(Types of) {
            this.records = of.records;
        }

        void add(Class<?>... rows) {
            for (Class<?> row : rows) {
                if (!row.isRecord()) {
                    throw new IllegalArgumentException(row.getName() + " is not a record");
                }
                records.add(row);
            }
        }

        boolean contains(Class<?> type) {
            return records.contains(type);
        }

        @Override
        public Types createCopy() {
            return new Types(this);
        }
    }

    /** A record's canonical constructor and, per component, the name to find its column by and its column mapper. */
    private static final class Shape implements RowMapper<Object> {
        private final Class<?> record;
        private final MethodHandle constructor;
        private final String[] keys;
        private final ColumnMapper<?>[] mappers;

        private Shape(Class<?> record, MethodHandle constructor, String[] keys, ColumnMapper<?>[] mappers) {
            this.record = record;
            this.constructor = constructor;
            this.keys = keys;
            this.mappers = mappers;
        }

        static Shape of(Class<?> record, ColumnMappers columns) {
            RecordComponent[] components = record.getRecordComponents();
            Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
            String[] keys = new String[components.length];
            ColumnMapper<?>[] mappers = new ColumnMapper<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                keys[i] = key(components[i].getName());
                Type type = components[i].getGenericType();
                mappers[i] = columns.findFor(type).orElseThrow(() -> new IllegalArgumentException(
                        "no column mapper for " + type.getTypeName() + " (" + record.getName() + ")"));
            }
            try {
                Constructor<?> canonical = record.getDeclaredConstructor(types);
                canonical.setAccessible(true);
                MethodHandle handle = MethodHandles.lookup().unreflectConstructor(canonical)
                        .asSpreader(Object[].class, components.length);
                return new Shape(record, handle, keys, mappers);
            } catch (ReflectiveOperationException e) {
                throw new IllegalArgumentException(record.getName() + ": no canonical constructor to map rows with", e);
            }
        }

        /** A name as columns and components are matched: lower case, without underscores. */
        private static String key(String name) {
            return name.replace("_", "").toLowerCase(Locale.ROOT);
        }

        @Override
        public Object map(ResultSet rs, StatementContext ctx) throws SQLException {
            return specialize(rs, ctx).map(rs, ctx);
        }

        @Override
        public RowMapper<Object> specialize(ResultSet rs, StatementContext ctx) throws SQLException {
            ResultSetMetaData meta = rs.getMetaData();
            Map<String, Integer> byKey = new HashMap<>();
            for (int column = 1; column <= meta.getColumnCount(); column++) {
                Integer earlier = byKey.putIfAbsent(key(meta.getColumnLabel(column)), column);
                if (earlier != null) {
                    byKey.put(key(meta.getColumnLabel(column)), -1);
                }
            }
            int[] columns = new int[keys.length];
            for (int i = 0; i < keys.length; i++) {
                Integer column = byKey.get(keys[i]);
                if (column == null || column < 0) {
                    throw new IllegalArgumentException(record.getSimpleName() + "." + record.getRecordComponents()[i].getName()
                            + (column == null ? ": no column of that name in the result" : ": more than one column of that name in the result"));
                }
                columns[i] = column;
            }
            return (row, context) -> {
                Object[] arguments = new Object[columns.length];
                for (int i = 0; i < columns.length; i++) {
                    arguments[i] = mappers[i].map(row, columns[i], context);
                }
                try {
                    return constructor.invoke(arguments);
                } catch (RuntimeException | Error e) {
                    throw e;
                } catch (Throwable e) {
                    throw new IllegalStateException(record.getSimpleName() + " could not be made from its row", e);
                }
            };
        }
    }
}

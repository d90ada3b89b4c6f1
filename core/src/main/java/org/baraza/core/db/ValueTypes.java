package org.baraza.core.db;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Type;
import java.sql.Types;
import java.time.ZoneId;
import java.util.Optional;
import java.util.function.Function;

import org.baraza.core.LongId;
import org.baraza.core.PhoneNumber;
import org.baraza.core.program.ProgramConfig;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.argument.ArgumentFactory;
import org.jdbi.v3.core.argument.NullArgument;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.generic.GenericTypes;
import org.jdbi.v3.core.mapper.ColumnMapper;
import org.jdbi.v3.core.mapper.ColumnMapperFactory;
import org.postgresql.util.PGobject;

/**
 * How Baraza's value types cross into SQL and back: typed ids as bigint, phone numbers and zones as text,
 * program configs as jsonb.
 */
final class ValueTypes {
    private ValueTypes() {
    }

    /** Binds any {@link LongId} as its number. */
    static final class LongIdArguments implements ArgumentFactory.Preparable {
        @Override
        public Optional<Function<Object, Argument>> prepare(Type type, ConfigRegistry config) {
            if (!LongId.class.isAssignableFrom(GenericTypes.getErasedType(type))) {
                return Optional.empty();
            }
            return Optional.of(value -> value == null
                    ? new NullArgument(Types.BIGINT)
                    : (position, statement, context) -> statement.setLong(position, ((LongId) value).value()));
        }
    }

    /** Maps a bigint column to the {@link LongId} record the target expects; SQL null stays null. */
    static final class LongIdColumns implements ColumnMapperFactory {
        @Override
        public Optional<ColumnMapper<?>> build(Type type, ConfigRegistry config) {
            Class<?> raw = GenericTypes.getErasedType(type);
            if (!LongId.class.isAssignableFrom(raw) || !raw.isRecord()) {
                return Optional.empty();
            }
            MethodHandle constructor = constructorOf(raw);
            return Optional.of((results, column, context) -> {
                long value = results.getLong(column);
                if (results.wasNull()) {
                    return null;
                }
                try {
                    return constructor.invoke(value);
                } catch (Throwable e) {
                    throw new IllegalStateException("cannot make a " + raw.getSimpleName() + " of " + value, e);
                }
            });
        }

        private static MethodHandle constructorOf(Class<?> idType) {
            try {
                return MethodHandles.publicLookup().findConstructor(idType, MethodType.methodType(void.class, long.class));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(idType + " must be a public record of one long", e);
            }
        }
    }

    static final class PhoneNumberArguments extends AbstractArgumentFactory<PhoneNumber> {
        PhoneNumberArguments() {
            super(Types.VARCHAR);
        }

        @Override
        protected Argument build(PhoneNumber number, ConfigRegistry config) {
            return (position, statement, context) -> statement.setString(position, number.value());
        }
    }

    static final class ZoneIdArguments extends AbstractArgumentFactory<ZoneId> {
        ZoneIdArguments() {
            super(Types.VARCHAR);
        }

        @Override
        protected Argument build(ZoneId zone, ConfigRegistry config) {
            return (position, statement, context) -> statement.setString(position, zone.getId());
        }
    }

    static ColumnMapper<PhoneNumber> phoneNumbers() {
        return (results, column, context) -> {
            String value = results.getString(column);
            return value == null ? null : new PhoneNumber(value);
        };
    }

    static ColumnMapper<ZoneId> zoneIds() {
        return (results, column, context) -> {
            String value = results.getString(column);
            return value == null ? null : ZoneId.of(value);
        };
    }

    /** Binds a {@link ProgramConfig} as jsonb, so that statements need no cast. */
    static final class ProgramConfigArguments extends AbstractArgumentFactory<ProgramConfig> {
        ProgramConfigArguments() {
            super(Types.OTHER);
        }

        @Override
        protected Argument build(ProgramConfig config, ConfigRegistry registry) {
            return (position, statement, context) -> {
                PGobject json = new PGobject();
                json.setType("jsonb");
                json.setValue(config.json());
                statement.setObject(position, json);
            };
        }
    }

    static ColumnMapper<ProgramConfig> programConfigs() {
        return (results, column, context) -> {
            String value = results.getString(column);
            return value == null ? null : new ProgramConfig(value);
        };
    }
}

package org.baraza.core.testing;

import javax.sql.DataSource;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives a test class its own migrated database: {@code @ExtendWith(PostgresExtension.class)}, then ask
 * for a {@link Jdbi}, {@link DataSource} or {@link TestDatabase} as a constructor or method parameter.
 * The database lives for the whole class and is dropped after it; tests in the class share it, so each
 * makes its own network (see {@link Fixtures}) rather than counting rows.
 */
public final class PostgresExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(PostgresExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        database(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == Jdbi.class || type == DataSource.class || type == TestDatabase.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        TestDatabase database = database(context);
        Class<?> type = parameter.getParameter().getType();
        if (type == Jdbi.class) {
            return database.jdbi();
        }
        return type == DataSource.class ? database.dataSource() : database;
    }

    private static TestDatabase database(ExtensionContext context) {
        ExtensionContext classContext = context;
        while (classContext.getTestMethod().isPresent() && classContext.getParent().isPresent()) {
            classContext = classContext.getParent().get();
        }
        return classContext.getStore(NAMESPACE)
                .getOrComputeIfAbsent("database", key -> TestPostgres.shared().createDatabase(), TestDatabase.class);
    }
}

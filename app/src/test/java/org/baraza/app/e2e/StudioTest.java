package org.baraza.app.e2e;

import java.nio.file.Path;

import javax.sql.DataSource;

import org.baraza.core.db.Stores;
import org.baraza.core.testing.PostgresExtension;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** An end-to-end test class: a database of its own, and a fresh {@link Studio} for each test. */
@ExtendWith(PostgresExtension.class)
abstract class StudioTest {

    final Stores stores;
    private final DataSource dataSource;

    @TempDir
    Path directory;

    Studio studio;

    StudioTest(Jdbi jdbi, DataSource dataSource) {
        this.stores = Stores.on(jdbi);
        this.dataSource = dataSource;
    }

    @BeforeEach
    void openStudio() {
        studio = new Studio(directory, stores, dataSource);
    }

    @AfterEach
    void closeStudio() {
        studio.close();
    }
}

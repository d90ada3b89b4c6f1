package org.baraza.daemon.e2e;

import java.nio.file.Path;

import javax.sql.DataSource;

import org.baraza.core.db.Stores;
import org.baraza.core.testing.PostgresExtension;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** An end-to-end test class of the daemon: a database of its own, and a fresh {@link OnAir} for each test. */
@ExtendWith(PostgresExtension.class)
abstract class OnAirTest {

    final Stores stores;
    private final DataSource dataSource;

    @TempDir
    Path root;

    OnAir onAir;

    OnAirTest(Jdbi jdbi, DataSource dataSource) {
        this.stores = Stores.on(jdbi);
        this.dataSource = dataSource;
    }

    @BeforeEach
    void putOnAir() {
        onAir = new OnAir(root, stores, dataSource);
    }

    @AfterEach
    void takeOffAir() {
        onAir.close();
    }
}

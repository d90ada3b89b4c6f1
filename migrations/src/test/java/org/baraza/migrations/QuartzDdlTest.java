package org.baraza.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Our migration holds exactly the Quartz jar's PostgreSQL DDL, minus the statements a migration must not run. */
class QuartzDdlTest {

    @Test
    void theQuartzMigrationIsTheJarsDdlWithoutDropsAndCommit() throws IOException {
        List<String> shipped = statements(read("org/quartz/impl/jdbcjobstore/tables_postgres.sql"));
        List<String> ours = statements(read("db/migration/V2__quartz_tables.sql"));

        assertThat(shipped).anyMatch(s -> s.startsWith("DROP TABLE")).contains("COMMIT");
        assertThat(ours).isEqualTo(shipped.stream()
                .filter(s -> !s.startsWith("DROP TABLE") && !s.equals("COMMIT"))
                .toList());
        assertThat(ours).hasSizeGreaterThan(20);
    }

    /** The SQL statements of a script, comments dropped and whitespace folded. */
    private static List<String> statements(String script) {
        String withoutComments = script.lines()
                .filter(line -> !line.strip().startsWith("--"))
                .reduce("", (a, b) -> a + "\n" + b);
        return Arrays.stream(withoutComments.split(";"))
                .map(s -> s.replaceAll("\\s+", " ").strip())
                .filter(s -> !s.isEmpty())
                .toList();
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = QuartzDdlTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

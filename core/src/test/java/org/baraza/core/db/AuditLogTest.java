package org.baraza.core.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Locale;

import org.baraza.core.DomainException;
import org.baraza.core.Ids.UserId;
import org.baraza.core.audit.AuditEntry;
import org.baraza.core.audit.NewAuditEntry;
import org.baraza.core.station.Network;
import org.baraza.core.station.Station;
import org.baraza.core.testing.Fixtures;
import org.baraza.core.testing.PostgresExtension;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.util.PSQLException;

@ExtendWith(PostgresExtension.class)
class AuditLogTest {

    private static final Instant T = Instant.parse("2026-03-02T07:00:00Z");

    private final Jdbi jdbi;
    private final Stores stores;
    private final Fixtures fixtures;

    AuditLogTest(Jdbi jdbi) {
        this.jdbi = jdbi;
        this.stores = Stores.on(jdbi);
        this.fixtures = new Fixtures(stores);
    }

    @Test
    void anEntryIsAppendedWithItsBeforeAndAfterAsJson() {
        Station station = fixtures.station(fixtures.network());
        UserId user = new UserId(12);

        AuditEntry entry = stores.audit().append(NewAuditEntry.byUser(T, station.networkId(), station.id(), user, "schedule.update",
                "schedule", "42", "{\"active\": true, \"rrule\": \"FREQ=DAILY\"}", "{\"active\":false,\"rrule\":\"FREQ=DAILY\"}"));

        assertThat(entry.actor()).isEqualTo("user:12");
        assertThat(entry.userId()).isEqualTo(user);
        assertThat(entry.occurredAt()).isEqualTo(T);
        // The database keeps JSON in its own normal form.
        assertThat(entry.before()).isEqualTo("{\"rrule\": \"FREQ=DAILY\", \"active\": true}");
        assertThat(entry.after()).isEqualTo("{\"rrule\": \"FREQ=DAILY\", \"active\": false}");
        assertThat(stores.audit().history("schedule", "42", 10)).contains(entry);
    }

    @Test
    void aNetworksEntriesAreListedNewestFirstInAWindow() {
        Network network = fixtures.network();
        AuditEntry first = append(network, "system", T);
        AuditEntry second = append(network, "sms:+256700100200", T.plusSeconds(60));
        append(network, "system", T.plusSeconds(3600));
        append(fixtures.network(), "system", T.plusSeconds(30));

        assertThat(stores.audit().list(network.id(), T, T.plusSeconds(3600), 100)).containsExactly(second, first);
        assertThat(stores.audit().list(network.id(), T, T.plusSeconds(3600), 1)).containsExactly(second);
    }

    @Test
    void theDatabaseRefusesToChangeOrRemoveEntries() {
        AuditEntry entry = append(fixtures.network(), "system", T);

        for (String statement : new String[] {
                "update audit_log set actor = 'user:1' where id = " + entry.id(),
                "delete from audit_log where id = " + entry.id(),
                "truncate audit_log"}) {
            String operation = statement.split(" ")[0].toUpperCase(Locale.ROOT);
            assertThatThrownBy(() -> jdbi.useHandle(h -> h.execute(statement)))
                    .isInstanceOf(UnableToExecuteStatementException.class)
                    .cause().isInstanceOfSatisfying(PSQLException.class, refusal -> {
                        assertThat(refusal.getSQLState()).isEqualTo("42501");
                        assertThat(refusal.getServerErrorMessage().getMessage())
                                .isEqualTo("audit_log is append-only: " + operation + " is not allowed");
                    });
        }
        assertThat(stores.audit().history("network", "1", 1000)).contains(entry);
    }

    @Test
    void entriesThatBreakTheLogsRulesAreRefusedNamingTheField() {
        assertThatThrownBy(() -> entry("User 12", "schedule.create", "{}"))
                .isInstanceOf(DomainException.Invalid.class)
                .hasMessage("audit actor must look like user:12, system or sms:+256700100200, got \"User 12\"");
        assertThatThrownBy(() -> entry("system", "create schedule", "{}"))
                .isInstanceOf(DomainException.Invalid.class)
                .hasMessage("audit action must look like schedule.create, got \"create schedule\"");
        assertThatThrownBy(() -> entry("system", "schedule.create", "{\"active\": tru}"))
                .isInstanceOf(DomainException.Invalid.class)
                .hasMessageStartingWith("audit after is not JSON: Unrecognized token 'tru'");
        assertThatThrownBy(() -> entry("system", "schedule.create", "{} {}"))
                .isInstanceOf(DomainException.Invalid.class)
                .hasMessageStartingWith("audit after is not JSON: Trailing token");
        assertThatThrownBy(() -> entry("system", "schedule.create", " "))
                .isInstanceOf(DomainException.Invalid.class).hasMessage("audit after is not JSON: it is empty");
    }

    private static NewAuditEntry entry(String actor, String action, String after) {
        return new NewAuditEntry(T, null, null, actor, null, action, "schedule", "1", null, after);
    }

    private AuditEntry append(Network network, String actor, Instant at) {
        return stores.audit().append(new NewAuditEntry(at, network.id(), null, actor, null, "network.update", "network",
                "1", null, "{\"name\": \"x\"}"));
    }
}

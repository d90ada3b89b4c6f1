package org.baraza.core.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.baraza.core.access.ConsoleSession;
import org.baraza.core.people.User;
import org.baraza.core.testing.Fixtures;
import org.baraza.core.testing.PostgresExtension;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class SessionStoreTest {

    private static final Instant T = Instant.parse("2026-03-02T07:00:00Z");
    private static final Duration IDLE = Duration.ofMinutes(30);
    private static final String CSRF = "csrf-token-of-twenty-chars-or-more";

    private final Jdbi jdbi;
    private final Stores stores;
    private final Fixtures fixtures;

    SessionStoreTest(Jdbi jdbi) {
        this.jdbi = jdbi;
        this.stores = Stores.on(jdbi);
        this.fixtures = new Fixtures(stores);
    }

    @Test
    void aSessionIsFoundByItsSecretWhileItIsUsedAndBeforeItsEnd() {
        User user = fixtures.user(fixtures.network());
        String secret = Fixtures.unique("secret");
        ConsoleSession opened = stores.sessions().open(user.id(), secret, CSRF, "127.0.0.1", T, T.plus(Duration.ofHours(12)));

        assertThat(stores.sessions().find(secret, T.plus(Duration.ofMinutes(29)), IDLE)).contains(opened);
        assertThat(stores.sessions().find(secret + "x", T, IDLE)).isEmpty();
        assertThat(stores.sessions().find(secret, T.plus(Duration.ofMinutes(31)), IDLE)).as("idle too long").isEmpty();

        stores.sessions().touch(opened.id(), T.plus(Duration.ofMinutes(20)));
        assertThat(stores.sessions().find(secret, T.plus(Duration.ofMinutes(31)), IDLE)).isPresent();
        assertThat(stores.sessions().find(secret, T.plus(Duration.ofHours(12)), Duration.ofDays(1))).as("past its end").isEmpty();
    }

    @Test
    void onlyTheDigestOfTheSecretIsStored() {
        User user = fixtures.user(fixtures.network());
        String secret = Fixtures.unique("secret");
        stores.sessions().open(user.id(), secret, CSRF, null, T, T.plus(Duration.ofHours(1)));

        int plain = jdbi.withHandle(h -> h.createQuery("select count(*) from console_sessions where encode(secret_hash, 'escape') like :s")
                .bind("s", "%" + secret + "%").mapTo(Integer.class).one());
        assertThat(plain).isZero();
    }

    @Test
    void signingOutOrDisablingTheUserEndsTheSession() {
        User user = fixtures.user(fixtures.network());
        String first = Fixtures.unique("secret");
        String second = Fixtures.unique("secret");
        stores.sessions().open(user.id(), first, CSRF, null, T, T.plus(Duration.ofHours(1)));
        stores.sessions().open(user.id(), second, CSRF, null, T, T.plus(Duration.ofHours(1)));

        stores.sessions().close(first);
        assertThat(stores.sessions().find(first, T, IDLE)).isEmpty();
        assertThat(stores.sessions().find(second, T, IDLE)).isPresent();

        stores.users().disable(user.id());
        assertThat(stores.sessions().find(second, T, IDLE)).isEmpty();
        assertThat(stores.sessions().closeAll(user.id())).isEqualTo(1);
    }

    @Test
    void purgingForgetsSessionsThatCanNoLongerBeUsed() {
        User user = fixtures.user(fixtures.network());
        String old = Fixtures.unique("secret");
        String live = Fixtures.unique("secret");
        stores.sessions().open(user.id(), old, CSRF, null, T.minus(Duration.ofHours(2)), T.plus(Duration.ofHours(1)));
        stores.sessions().open(user.id(), live, CSRF, null, T, T.plus(Duration.ofHours(1)));

        assertThat(stores.sessions().purge(T, IDLE)).isGreaterThanOrEqualTo(1);
        assertThat(stores.sessions().find(live, T, IDLE)).isPresent();
    }
}

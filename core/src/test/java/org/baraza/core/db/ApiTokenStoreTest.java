package org.baraza.core.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.baraza.core.DomainException;
import org.baraza.core.access.ApiToken;
import org.baraza.core.people.User;
import org.baraza.core.station.Network;
import org.baraza.core.testing.Fixtures;
import org.baraza.core.testing.PostgresExtension;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class ApiTokenStoreTest {

    private static final Instant T = Instant.parse("2026-03-02T07:00:00Z");

    private final Stores stores;
    private final Fixtures fixtures;

    ApiTokenStoreTest(Jdbi jdbi) {
        this.stores = Stores.on(jdbi);
        this.fixtures = new Fixtures(stores);
    }

    @Test
    void aTokenWorksUntilItIsRevoked() {
        User user = fixtures.user(fixtures.network());
        String secret = Fixtures.unique("secret");
        ApiToken token = stores.apiTokens().create(user.id(), "backup script", secret, T);

        assertThat(stores.apiTokens().findLive(secret)).contains(token);
        stores.apiTokens().markUsed(token.id(), T.plusSeconds(5));
        assertThat(stores.apiTokens().list(user.id())).extracting(ApiToken::lastUsedAt).containsExactly(T.plusSeconds(5));

        ApiToken revoked = stores.apiTokens().revoke(user.id(), token.id(), T.plusSeconds(10));
        assertThat(revoked.revokedAt()).isEqualTo(T.plusSeconds(10));
        assertThat(stores.apiTokens().findLive(secret)).isEmpty();
        assertThat(stores.apiTokens().revoke(user.id(), token.id(), T.plusSeconds(20)).revokedAt()).isEqualTo(T.plusSeconds(10));
    }

    @Test
    void liveTokensOfAUserHaveDistinctNamesAndOnlyTheirOwnerRevokesThem() {
        Network network = fixtures.network();
        User user = fixtures.user(network);
        User other = fixtures.user(network);
        ApiToken token = stores.apiTokens().create(user.id(), "cron", Fixtures.unique("secret"), T);

        assertThatThrownBy(() -> stores.apiTokens().create(user.id(), "cron", Fixtures.unique("secret"), T))
                .isInstanceOf(DomainException.AlreadyExists.class).hasMessageContaining("cron");
        assertThatThrownBy(() -> stores.apiTokens().revoke(other.id(), token.id(), T))
                .isInstanceOf(DomainException.NotFound.class);

        stores.apiTokens().revoke(user.id(), token.id(), T);
        assertThat(stores.apiTokens().create(user.id(), "cron", Fixtures.unique("secret"), T).name()).isEqualTo("cron");
    }

    @Test
    void aDisabledUsersTokensDoNotWork() {
        User user = fixtures.user(fixtures.network());
        String secret = Fixtures.unique("secret");
        stores.apiTokens().create(user.id(), "cron", secret, T);

        stores.users().disable(user.id());

        assertThat(stores.apiTokens().findLive(secret)).isEmpty();
    }
}

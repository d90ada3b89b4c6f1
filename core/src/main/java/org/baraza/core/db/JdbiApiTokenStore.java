package org.baraza.core.db;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.baraza.core.DomainException;
import org.baraza.core.Ids.UserId;
import org.baraza.core.Require;
import org.baraza.core.access.ApiToken;
import org.baraza.core.access.ApiTokenStore;
import org.baraza.core.access.SecretDigest;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

final class JdbiApiTokenStore implements ApiTokenStore {

    private static final String TOKEN = "t.id, t.user_id, t.name, t.created_at, t.last_used_at, t.revoked_at";

    interface Sql {
        @SqlQuery("insert into api_tokens as t (user_id, name, secret_hash, created_at) values (:user, :name, :hash, :now) returning "
                + TOKEN)
        ApiToken insert(UserId user, String name, byte[] hash, Instant now);

        @SqlQuery("select " + TOKEN + """
                 from api_tokens t join users u on u.id = t.user_id
                 where t.secret_hash = :hash and t.revoked_at is null and not u.disabled
                """)
        Optional<ApiToken> findLive(byte[] hash);

        @SqlUpdate("update api_tokens set last_used_at = :at where id = :id")
        void markUsed(long id, Instant at);

        @SqlQuery("select " + TOKEN + " from api_tokens t where t.user_id = :user order by t.created_at desc, t.id desc")
        List<ApiToken> list(UserId user);

        @SqlQuery("""
                update api_tokens t set revoked_at = coalesce(t.revoked_at, :at) where t.id = :id and t.user_id = :user
                returning\s""" + TOKEN)
        Optional<ApiToken> revoke(UserId user, long id, Instant at);
    }

    private final Sql sql;

    JdbiApiTokenStore(Jdbi jdbi) {
        this.sql = RecordRows.onDemand(jdbi, Sql.class, ApiToken.class);
    }

    @Override
    public ApiToken create(UserId user, String name, String secret, Instant now) {
        String checked = Require.displayName("token name", name);
        if (checked.length() > 100) {
            throw new DomainException.Invalid("a token name has at most 100 characters");
        }
        Require.present("token secret", secret);
        return Constraints.on("api_tokens_user_fk", () -> new DomainException.NotFound(user + " does not exist"))
                .and("api_tokens_live_name", () -> new DomainException.AlreadyExists("you have a token named \"" + checked + "\" already"))
                .run(() -> sql.insert(user, checked, SecretDigest.of(secret), now));
    }

    @Override
    public Optional<ApiToken> findLive(String secret) {
        return secret == null ? Optional.empty() : sql.findLive(SecretDigest.of(secret));
    }

    @Override
    public void markUsed(long token, Instant at) {
        sql.markUsed(token, at);
    }

    @Override
    public List<ApiToken> list(UserId user) {
        return sql.list(user);
    }

    @Override
    public ApiToken revoke(UserId user, long token, Instant at) {
        return sql.revoke(user, token, at).orElseThrow(() -> new DomainException.NotFound("you have no token " + token));
    }
}

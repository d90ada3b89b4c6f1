package org.baraza.core.db;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.baraza.core.DomainException;
import org.baraza.core.Ids.UserId;
import org.baraza.core.Require;
import org.baraza.core.access.ConsoleSession;
import org.baraza.core.access.SecretDigest;
import org.baraza.core.access.SessionStore;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

final class JdbiSessionStore implements SessionStore {

    private static final String SESSION = "s.id, s.user_id, s.csrf_token, s.client, s.created_at, s.last_seen_at, s.expires_at";

    interface Sql {
        @SqlQuery("""
                insert into console_sessions as s (user_id, secret_hash, csrf_token, client, created_at, last_seen_at, expires_at)
                values (:user, :hash, :csrf, :client, :now, :now, :expiresAt)
                returning\s""" + SESSION)
        ConsoleSession insert(UserId user, byte[] hash, String csrf, String client, Instant now, Instant expiresAt);

        @SqlQuery("select " + SESSION + """
                 from console_sessions s join users u on u.id = s.user_id
                 where s.secret_hash = :hash and s.expires_at > :now and s.last_seen_at > :idleSince and not u.disabled
                """)
        Optional<ConsoleSession> find(byte[] hash, Instant now, Instant idleSince);

        @SqlUpdate("update console_sessions set last_seen_at = greatest(last_seen_at, :at) where id = :id")
        void touch(long id, Instant at);

        @SqlUpdate("delete from console_sessions where secret_hash = :hash")
        void close(byte[] hash);

        @SqlUpdate("delete from console_sessions where user_id = :user")
        int closeAll(UserId user);

        @SqlUpdate("delete from console_sessions where expires_at <= :now or last_seen_at <= :idleSince")
        int purge(Instant now, Instant idleSince);
    }

    private final Sql sql;

    JdbiSessionStore(Jdbi jdbi) {
        this.sql = RecordRows.onDemand(jdbi, Sql.class, ConsoleSession.class);
    }

    @Override
    public ConsoleSession open(UserId user, String secret, String csrfToken, String client, Instant now, Instant expiresAt) {
        Require.present("session secret", secret);
        Require.optionalText("session client", client, 200);
        return Constraints.on("console_sessions_user_fk", () -> new DomainException.NotFound(user + " does not exist"))
                .run(() -> sql.insert(user, SecretDigest.of(secret), csrfToken, client, now, expiresAt));
    }

    @Override
    public Optional<ConsoleSession> find(String secret, Instant now, Duration idle) {
        return secret == null ? Optional.empty() : sql.find(SecretDigest.of(secret), now, now.minus(idle));
    }

    @Override
    public void touch(long session, Instant at) {
        sql.touch(session, at);
    }

    @Override
    public void close(String secret) {
        if (secret != null) {
            sql.close(SecretDigest.of(secret));
        }
    }

    @Override
    public int closeAll(UserId user) {
        return sql.closeAll(user);
    }

    @Override
    public int purge(Instant now, Duration idle) {
        return sql.purge(now, now.minus(idle));
    }
}

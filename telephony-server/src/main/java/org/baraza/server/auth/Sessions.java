package org.baraza.server.auth;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.baraza.core.access.ApiToken;
import org.baraza.core.access.ConsoleSession;
import org.baraza.core.audit.NewAuditEntry;
import org.baraza.core.config.ConsoleConfig;
import org.baraza.core.db.Stores;
import org.baraza.core.people.User;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import io.javalin.http.Context;

/**
 * Signing in and out, and making API tokens: the secrets are made here, sent once, and stored only as digests.
 * Failed sign-ins are throttled ({@link LoginThrottle}) and written to the audit log, as are sign-ins.
 *
 * <p>Thread-safe; lives as long as the server.
 */
public final class Sessions {

    /** A session just opened: the user, and the CSRF token their pages must send back. */
    public record Opened(Principal principal, String csrfToken) {
    }

    /** A token just made, with its secret: shown once, never again. */
    public record NewToken(ApiToken token, String secret) {
    }

    private final Stores stores;
    private final ConsoleConfig config;
    private final SessionCookie cookie;
    private final LoginThrottle throttle;
    private final Authenticator authenticator;
    private final Clock clock;

    public Sessions(Stores stores, ConsoleConfig config, SessionCookie cookie, Authenticator authenticator, Clock clock) {
        this.stores = stores;
        this.config = config;
        this.cookie = cookie;
        this.authenticator = authenticator;
        this.throttle = new LoginThrottle(config.loginFreeAttempts(), config.loginMaxWait(), clock);
        this.clock = clock;
    }

    /**
     * Checks the password and opens a session, setting its cookie.
     *
     * @throws AccessDenied 429 while the account or address must wait, 401 for a wrong email or password or a
     *                      disabled account (alike)
     */
    public Opened signIn(Context ctx, String email, String password) {
        String address = ctx.ip();
        throttle.checkAllowed(email, address);
        Optional<User> user = stores.users().authenticate(email, password);
        Instant now = clock.instant();
        if (user.isEmpty()) {
            throttle.failed(email, address);
            stores.users().findByEmail(email).ifPresent(known -> stores.audit().append(new NewAuditEntry(now, known.networkId(),
                    null, "system", null, "session.refused", "user", String.valueOf(known.id().value()), null,
                    addressJson(address))));
            throw AccessDenied.unauthenticated("wrong email or password");
        }
        throttle.succeeded(email);
        User signedIn = stores.users().recordLogin(user.get().id(), now);
        String secret = RandomSecrets.next("bzs_");
        String csrf = RandomSecrets.next("");
        ConsoleSession session = stores.sessions().open(signedIn.id(), secret, csrf, client(ctx), now,
                now.plus(config.sessionLifetime()));
        cookie.set(ctx, secret, config.sessionLifetime());
        stores.audit().append(NewAuditEntry.byUser(now, signedIn.networkId(), null, signedIn.id(), "session.open", "user",
                String.valueOf(signedIn.id().value()), null, addressJson(address)));
        Principal principal = authenticator.principal(signedIn, Optional.of(session))
                .orElseThrow(() -> AccessDenied.unauthenticated("wrong email or password"));
        return new Opened(principal, csrf);
    }

    /** Ends the request's session and clears its cookie. */
    public void signOut(Context ctx) {
        stores.sessions().close(cookie.read(ctx));
        cookie.clear(ctx);
    }

    public NewToken newToken(Principal principal, String name) {
        String secret = RandomSecrets.next("bz_");
        return new NewToken(stores.apiTokens().create(principal.user().id(), name, secret, clock.instant()), secret);
    }

    private static String client(Context ctx) {
        String agent = ctx.userAgent() == null ? "" : " " + ctx.userAgent();
        String client = ctx.ip() + agent;
        return client.length() > 200 ? client.substring(0, 200) : client;
    }

    private static String addressJson(String address) {
        return JsonNodeFactory.instance.objectNode().put("address", address).toString();
    }
}

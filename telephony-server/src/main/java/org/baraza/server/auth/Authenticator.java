package org.baraza.server.auth;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import org.baraza.core.Ids.HostId;
import org.baraza.core.Ids.StationId;
import org.baraza.core.access.ApiToken;
import org.baraza.core.access.ConsoleSession;
import org.baraza.core.config.ConsoleConfig;
import org.baraza.core.db.Stores;
import org.baraza.core.people.User;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;

/**
 * Finds who a request comes from, as a {@code before} handler of the console's paths: a bearer token
 * ({@code Authorization: Bearer bz_...}) or the session cookie. A request with neither goes on unsigned (routes
 * that need a user refuse it); a wrong or revoked token is refused at once (401), while a stale cookie is simply
 * dropped, so that the sign-in page still works. A change (any method but GET, HEAD and OPTIONS) that came with
 * the cookie must carry the session's CSRF token in the {@code X-CSRF-Token} header or a {@code _csrf} form field:
 * a token in a header cannot be sent by another site, a cookie can. Bearer requests need none.
 *
 * <p>Thread-safe; lives as long as the server.
 */
public final class Authenticator {

    public static final String CSRF_HEADER = "X-CSRF-Token";
    public static final String CSRF_FIELD = "_csrf";
    private static final String PRINCIPAL = "baraza.principal";
    private static final String BEARER = "Bearer ";
    /** A session's last use is written at most this often: reads need no write each. */
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private final Stores stores;
    private final ConsoleConfig config;
    private final SessionCookie cookie;
    private final Clock clock;

    public Authenticator(Stores stores, ConsoleConfig config, SessionCookie cookie, Clock clock) {
        this.stores = stores;
        this.config = config;
        this.cookie = cookie;
        this.clock = clock;
    }

    /** The {@code before} handler. */
    public void authenticate(Context ctx) {
        String authorization = ctx.header("Authorization");
        if (authorization != null) {
            ctx.attribute(PRINCIPAL, bearer(authorization));
            return;
        }
        String secret = cookie.read(ctx);
        if (secret == null || secret.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        Optional<ConsoleSession> session = stores.sessions().find(secret, now, config.sessionIdleTimeout());
        if (session.isEmpty()) {
            cookie.clear(ctx);
            return;
        }
        if (!isSafe(ctx.method())) {
            requireCsrf(ctx, session.get());
        }
        if (session.get().lastSeenAt().plus(TOUCH_EVERY).isBefore(now)) {
            stores.sessions().touch(session.get().id(), now);
        }
        principal(stores.users().get(session.get().userId()), session).ifPresent(p -> ctx.attribute(PRINCIPAL, p));
    }

    /** The request's signed-in user, or null. */
    public static Principal principalOf(Context ctx) {
        return ctx.attribute(PRINCIPAL);
    }

    /** The user with their roles and the stations they present on, as a request of theirs sees them. */
    public Optional<Principal> principal(User user, Optional<ConsoleSession> session) {
        if (user.disabled()) {
            return Optional.empty();
        }
        var roles = stores.users().roles(user.id());
        Set<StationId> hostStations = new HashSet<>();
        roles.stream().filter(role -> role.hostId() != null).map(role -> role.hostId())
                .forEach((HostId host) -> hostStations.addAll(stores.hosts().stationsOf(host)));
        return Optional.of(new Principal(user, roles, hostStations, session));
    }

    private Principal bearer(String authorization) {
        if (!authorization.startsWith(BEARER)) {
            throw AccessDenied.unauthenticated("the Authorization header must be \"Bearer <token>\"");
        }
        Optional<ApiToken> token = stores.apiTokens().findLive(authorization.substring(BEARER.length()).strip());
        if (token.isEmpty()) {
            throw AccessDenied.unauthenticated("the API token is unknown or revoked");
        }
        stores.apiTokens().markUsed(token.get().id(), clock.instant());
        return principal(stores.users().get(token.get().userId()), Optional.empty())
                .orElseThrow(() -> AccessDenied.unauthenticated("the API token's user is disabled"));
    }

    private static void requireCsrf(Context ctx, ConsoleSession session) {
        String sent = ctx.header(CSRF_HEADER);
        if (sent == null && isForm(ctx)) {
            sent = ctx.formParam(CSRF_FIELD);
        }
        if (sent == null || !MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8),
                session.csrfToken().getBytes(StandardCharsets.UTF_8))) {
            throw AccessDenied.forbidden("a change made with the session cookie needs the session's CSRF token in the "
                    + CSRF_HEADER + " header or the " + CSRF_FIELD + " form field");
        }
    }

    private static boolean isForm(Context ctx) {
        String type = ctx.contentType();
        return type != null && (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data"));
    }

    private static boolean isSafe(HandlerType method) {
        return method == HandlerType.GET || method == HandlerType.HEAD || method == HandlerType.OPTIONS;
    }
}

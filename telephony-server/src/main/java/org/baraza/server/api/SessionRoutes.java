package org.baraza.server.api;

import static org.baraza.server.auth.Permission.PUBLIC;
import static org.baraza.server.auth.Permission.SIGNED_IN;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.baraza.core.Ids.StationId;
import org.baraza.core.access.ApiToken;
import org.baraza.core.db.Stores;
import org.baraza.core.people.Password;
import org.baraza.core.people.Role;
import org.baraza.core.people.User;
import org.baraza.core.program.Program;
import org.baraza.server.auth.AccessDenied;
import org.baraza.server.auth.Principal;
import org.baraza.server.auth.Sessions;

/**
 * Signing in and out ({@code /api/session}), and what a user does about themself ({@code /api/me}): who they
 * are and may be, their password, their API tokens, a host's own shows. Signing in takes JSON or a plain HTML
 * form (fields {@code email}, {@code password}), so that a server-rendered page needs no script.
 */
final class SessionRoutes {

    record SignIn(String email, String password) {
    }

    /** Who is signed in; {@code csrfToken} is the session's, for pages to send back with changes (null for a token). */
    record Me(User user, List<Role> roles, Set<StationId> hostStations, String csrfToken) {
    }

    record PasswordChange(String current, String replacement) {
    }

    record TokenRequest(String name) {
    }

    /** A token just made: {@code secret} is shown this once. */
    record NewToken(ApiToken token, String secret) {
    }

    private final Sessions sessions;
    private final Stores stores;
    private final Locate locate;
    private final Audit audit;

    SessionRoutes(Sessions sessions, Stores stores, Locate locate, Audit audit) {
        this.sessions = sessions;
        this.stores = stores;
        this.locate = locate;
        this.audit = audit;
    }

    List<ApiRoute> routes() {
        return List.of(
                ApiRoute.post("/api/session", PUBLIC, locate::network, this::signIn),
                ApiRoute.delete("/api/session", SIGNED_IN, locate::network, this::signOut),
                ApiRoute.get("/api/me", SIGNED_IN, locate::network, request -> Reply.ok(me(request.principal(), csrf(request.principal())))),
                ApiRoute.post("/api/me/password", SIGNED_IN, locate::network, this::changePassword),
                ApiRoute.get("/api/me/programs", SIGNED_IN, locate::network, this::myPrograms),
                ApiRoute.get("/api/me/tokens", SIGNED_IN, locate::network,
                        request -> Reply.ok(stores.apiTokens().list(request.principal().user().id()))),
                ApiRoute.post("/api/me/tokens", SIGNED_IN, locate::network, this::newToken),
                ApiRoute.delete("/api/me/tokens/{token}", SIGNED_IN, locate::network, this::revokeToken));
    }

    private Reply signIn(ApiRequest request) {
        SignIn form = isForm(request)
                ? new SignIn(request.context().formParam("email"), request.context().formParam("password"))
                : request.body(SignIn.class);
        if (form.email() == null || form.password() == null) {
            throw ApiProblem.badRequest("signing in needs an email and a password");
        }
        Sessions.Opened opened = sessions.signIn(request.context(), form.email(), form.password());
        return Reply.ok(me(opened.principal(), opened.csrfToken()));
    }

    private Reply signOut(ApiRequest request) {
        sessions.signOut(request.context());
        return Reply.none();
    }

    private Reply changePassword(ApiRequest request) {
        PasswordChange change = request.body(PasswordChange.class);
        User user = request.principal().user();
        if (stores.users().authenticate(user.email(), change.current()).isEmpty()) {
            throw AccessDenied.forbidden("the current password is wrong");
        }
        stores.users().changePassword(user.id(), new Password(change.replacement()));
        // Whoever had the old password may hold a session: every session ends, this one too.
        stores.sessions().closeAll(user.id());
        audit.record(request, "user.password", "user", user.id().value(), null, null);
        return Reply.none();
    }

    private Reply myPrograms(ApiRequest request) {
        List<Program> programs = new ArrayList<>();
        request.principal().hosts().forEach(host -> programs.addAll(stores.programs().listForHost(host)));
        return Reply.ok(programs);
    }

    private Reply newToken(ApiRequest request) {
        TokenRequest wanted = request.body(TokenRequest.class);
        Sessions.NewToken made = sessions.newToken(request.principal(), wanted.name());
        audit.record(request, "api_token.create", "api_token", made.token().id(), null, made.token());
        return Reply.created(new NewToken(made.token(), made.secret()));
    }

    private Reply revokeToken(ApiRequest request) {
        ApiToken revoked = stores.apiTokens().revoke(request.principal().user().id(), request.id("token"), request.now());
        audit.record(request, "api_token.revoke", "api_token", revoked.id(), null, revoked);
        return Reply.ok(revoked);
    }

    private static Me me(Principal principal, String csrfToken) {
        return new Me(principal.user(), principal.roles(), principal.hostStations(), csrfToken);
    }

    private static String csrf(Principal principal) {
        return principal.session().map(session -> session.csrfToken()).orElse(null);
    }

    private static boolean isForm(ApiRequest request) {
        String type = request.context().contentType();
        return type != null && type.startsWith("application/x-www-form-urlencoded");
    }
}

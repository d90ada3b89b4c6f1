package org.baraza.server.api;

import static org.baraza.server.auth.Permission.NETWORK_ADMIN;

import java.util.List;
import java.util.Locale;

import org.baraza.core.Ids.HostId;
import org.baraza.core.Ids.StationId;
import org.baraza.core.db.Stores;
import org.baraza.core.people.Password;
import org.baraza.core.people.Role;
import org.baraza.core.people.User;
import org.baraza.core.people.UserDetails;

/**
 * The network's console users and their roles, for its admin: add a user with a first password, grant and revoke
 * roles, disable (which ends their sessions; their tokens stop working) and enable.
 */
final class UserRoutes {

    record NewUser(String email, String displayName, String password) {
    }

    /**
     * @param kind    {@code network_admin}, {@code station_manager} or {@code host}
     * @param station the station, for a station manager
     * @param host    the host record, for a host
     */
    record RoleBody(String kind, Long station, Long host) {
        Role role() {
            Role.Kind parsed;
            try {
                parsed = Role.Kind.valueOf(kind == null ? "" : kind.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ApiProblem.badRequest("a role's kind is network_admin, station_manager or host, got \"" + kind + "\"");
            }
            return new Role(parsed, station == null ? null : new StationId(station), host == null ? null : new HostId(host));
        }
    }

    record UserDetail(User user, List<Role> roles) {
    }

    private final Stores stores;
    private final Locate locate;
    private final Audit audit;

    UserRoutes(Stores stores, Locate locate, Audit audit) {
        this.stores = stores;
        this.locate = locate;
        this.audit = audit;
    }

    List<ApiRoute> routes() {
        return List.of(
                ApiRoute.get("/api/users", NETWORK_ADMIN, locate::network, request -> Reply.ok(stores.users().list(request.scope().network()))),
                ApiRoute.post("/api/users", NETWORK_ADMIN, locate::network, this::create),
                ApiRoute.get("/api/users/{user}", NETWORK_ADMIN, locate::user, request -> Reply.ok(detail(request.found(User.class)))),
                ApiRoute.post("/api/users/{user}/roles", NETWORK_ADMIN, locate::user, request -> changeRole(request, true)),
                ApiRoute.delete("/api/users/{user}/roles", NETWORK_ADMIN, locate::user, request -> changeRole(request, false)),
                ApiRoute.post("/api/users/{user}/disable", NETWORK_ADMIN, locate::user, request -> setDisabled(request, true)),
                ApiRoute.post("/api/users/{user}/enable", NETWORK_ADMIN, locate::user, request -> setDisabled(request, false)));
    }

    private Reply create(ApiRequest request) {
        NewUser body = request.body(NewUser.class);
        User user = stores.users().create(request.scope().network(), new UserDetails(body.email(), body.displayName()),
                new Password(body.password()));
        audit.record(request, "user.create", "user", user.id().value(), null, user);
        return Reply.created(detail(user));
    }

    /** Granting takes the role in the body; revoking takes it in the query ({@code ?kind=host&host=7}). */
    private Reply changeRole(ApiRequest request, boolean grant) {
        User user = request.found(User.class);
        Role role = grant ? request.body(RoleBody.class).role()
                : new RoleBody(request.query("kind"), number(request, "station"), number(request, "host")).role();
        UserDetail before = detail(user);
        if (grant) {
            stores.users().grant(user.id(), role);
        } else {
            stores.users().revoke(user.id(), role);
        }
        UserDetail after = detail(user);
        audit.record(request, grant ? "user.grant" : "user.revoke", "user", user.id().value(), before, after);
        return Reply.ok(after);
    }

    private Reply setDisabled(ApiRequest request, boolean disabled) {
        User before = request.found(User.class);
        User after = disabled ? stores.users().disable(before.id()) : stores.users().enable(before.id());
        if (disabled) {
            stores.sessions().closeAll(before.id());
        }
        audit.record(request, disabled ? "user.disable" : "user.enable", "user", after.id().value(), before, after);
        return Reply.ok(after);
    }

    private static Long number(ApiRequest request, String name) {
        String text = request.query(name);
        try {
            return text == null ? null : Long.valueOf(text);
        } catch (NumberFormatException e) {
            throw ApiProblem.badRequest(name + " must be an id, got \"" + text + "\"");
        }
    }

    private UserDetail detail(User user) {
        return new UserDetail(user, stores.users().roles(user.id()));
    }
}

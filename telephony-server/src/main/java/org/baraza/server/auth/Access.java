package org.baraza.server.auth;

/**
 * The one place where a user's roles become a yes or no: may this principal do what {@link Permission} names in
 * this {@link Scope}? A network admin may do anything in their network; a station manager anything a station's
 * manager may, on their stations only; a host may see what {@link Permission#PRESENT} allows on the stations they
 * present on. Anything of another network is not found, whatever the role. Stateless.
 */
public final class Access {

    private Access() {
    }

    /**
     * @param principal null when the request is not signed in
     * @throws AccessDenied 401 when signing in is needed, 404 for another network's things, 403 otherwise
     */
    public static void check(Principal principal, Permission permission, Scope scope) {
        if (permission == Permission.PUBLIC) {
            return;
        }
        requireSignedIn(principal, permission);
        if (scope == null || !scope.network().equals(principal.network())) {
            throw AccessDenied.notFound("not found");
        }
        if (!allows(principal, permission, scope)) {
            throw AccessDenied.forbidden("your roles do not allow this" + (scope.station() == null ? "" : " on " + scope.station()));
        }
    }

    /** @throws AccessDenied 401 when the permission needs a user and there is none */
    public static void requireSignedIn(Principal principal, Permission permission) {
        if (principal == null && permission != Permission.PUBLIC) {
            throw AccessDenied.unauthenticated("sign in first: a session cookie or an Authorization: Bearer token");
        }
    }

    static boolean allows(Principal principal, Permission permission, Scope scope) {
        if (principal.isNetworkAdmin()) {
            return true;
        }
        return switch (permission) {
            case PUBLIC, SIGNED_IN, NETWORK_MEMBER -> true;
            case MANAGE -> scope.station() != null && principal.manages(scope.station());
            case PRESENT -> scope.station() != null
                    && (principal.manages(scope.station()) || principal.hostStations().contains(scope.station()));
            case NETWORK_ADMIN -> false;
        };
    }
}

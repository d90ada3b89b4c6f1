package org.baraza.server.api;

import org.baraza.server.auth.Permission;
import org.baraza.server.auth.Scope;

import io.javalin.http.HandlerType;

/**
 * One endpoint of the API: its method and path (Javalin's {@code {param}} syntax), the permission it needs, how
 * the station or network it touches is found from the request, and what it does. Every route of the API is one
 * of these, so that the authorization check cannot be skipped and a test can walk them all. Immutable.
 *
 * @param locator finds what the request touches (loading the thing it names, 404 when there is none) before the
 *                permission is checked on it
 */
public record ApiRoute(HandlerType method, String path, Permission permission, Locator locator, Action action) {

    /** Finds the scope of a request, and the thing it names when it names one ({@link ApiRequest#found}). */
    @FunctionalInterface
    public interface Locator {
        Scope locate(ApiRequest request);
    }

    /** Does what the route is for, once the request is allowed. */
    @FunctionalInterface
    public interface Action {
        Reply handle(ApiRequest request);
    }

    static ApiRoute get(String path, Permission permission, Locator locator, Action action) {
        return new ApiRoute(HandlerType.GET, path, permission, locator, action);
    }

    static ApiRoute post(String path, Permission permission, Locator locator, Action action) {
        return new ApiRoute(HandlerType.POST, path, permission, locator, action);
    }

    static ApiRoute put(String path, Permission permission, Locator locator, Action action) {
        return new ApiRoute(HandlerType.PUT, path, permission, locator, action);
    }

    static ApiRoute delete(String path, Permission permission, Locator locator, Action action) {
        return new ApiRoute(HandlerType.DELETE, path, permission, locator, action);
    }

    /** "GET /api/stations/{station}", as the tests and logs name it. */
    @Override
    public String toString() {
        return method + " " + path;
    }
}

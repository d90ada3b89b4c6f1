package org.baraza.server.console;

import java.util.Map;

import io.javalin.config.JavalinConfig;
import io.javalin.http.staticfiles.Location;

/**
 * The station managers' web console: static HTML, CSS and JavaScript modules from the class path under
 * {@code /console/}, with no build step. The pages call the REST API ({@code /api}) with the session cookie and
 * the CSRF token from {@code GET /api/me}; they hold no data of their own, so every permission check stays the
 * API's. The Content-Security-Policy allows scripts from this server only: even a listener's text that slipped
 * into the page as markup could not run.
 *
 * <p>Stateless; registered once by the composition root.
 */
public final class ConsolePages {

    static final String PATH = "/console";
    static final String START = PATH + "/index.html";
    static final Map<String, String> HEADERS = Map.of(
            "Content-Security-Policy", "default-src 'self'; media-src 'self' blob:; img-src 'self' data:; "
                    + "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
            "X-Content-Type-Options", "nosniff",
            "Referrer-Policy", "same-origin",
            "Cache-Control", "no-cache");

    /**
     * Serves the pages, and sends {@code /} and {@code /console} to the console's start page (by its file name:
     * Javalin ignores trailing slashes, so {@code /console/} would match the redirect again).
     */
    public void register(JavalinConfig config) {
        config.staticFiles.add(files -> {
            files.hostedPath = PATH;
            files.directory = "/org/baraza/server/console";
            files.location = Location.CLASSPATH;
            files.headers = HEADERS;
        });
        config.routes.get("/", ctx -> ctx.redirect(START));
        config.routes.get(PATH, ctx -> ctx.redirect(START));
    }
}

package org.baraza.bench;

import io.javalin.Javalin;

/**
 * The yardstick for the httapi handler: a Javalin 7 server with Baraza's settings (loopback, virtual threads)
 * whose {@code GET /httapi} answers every request with one fixed document, reading nothing of it (no auth, no
 * fields, no database, no hub). Lives from {@link #start} to {@link #close}.
 */
final class BareJavalin implements AutoCloseable {

    private final Javalin app;

    private BareJavalin(Javalin app) {
        this.app = app;
    }

    /** Listens on a free port of 127.0.0.1, answering {@code document} as {@code text/xml}. */
    static BareJavalin start(String document) {
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.jetty.host = "127.0.0.1";
            config.jetty.port = 0;
            config.concurrency.useVirtualThreads = true;
            config.routes.get("/httapi", ctx -> ctx.contentType("text/xml").result(document));
        });
        app.start();
        return new BareJavalin(app);
    }

    int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }
}

package org.baraza.server.httapi;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.SizeLimitHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's {@link SizeLimitHandler} with one limit for every request and a larger one for the paths that take
 * large bodies (the console's media uploads): a body over its path's limit is refused with 413 from its
 * Content-Length before any of it is read, or as soon as a body without one passes the limit. Each limit is a
 * SizeLimitHandler of its own whose next handler is this one's.
 *
 * <p>Built once when the server is configured; thread-safe.
 */
final class RequestSizeLimits extends Handler.Wrapper {

    private final SizeLimitHandler everyRequest;
    private final SizeLimitHandler largeBodies;
    private final HttapiServer.LargeBodies large;

    /** @param large the paths with a larger limit, or null for none */
    RequestSizeLimits(long maxRequestBytes, HttapiServer.LargeBodies large) {
        this.large = large;
        this.everyRequest = limit(maxRequestBytes);
        this.largeBodies = large == null ? everyRequest : limit(large.maxBytes());
    }

    private SizeLimitHandler limit(long bytes) {
        SizeLimitHandler limit = new SizeLimitHandler(bytes, -1);
        limit.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                Handler next = RequestSizeLimits.this.getHandler();
                return next != null && next.handle(request, response, callback);
            }
        });
        return limit;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        boolean isLarge = large != null && large.paths().matcher(Request.getPathInContext(request)).matches();
        return (isLarge ? largeBodies : everyRequest).handle(request, response, callback);
    }
}

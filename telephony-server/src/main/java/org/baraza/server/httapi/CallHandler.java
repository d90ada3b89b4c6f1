package org.baraza.server.httapi;

import java.util.concurrent.CompletableFuture;

import org.baraza.core.hub.CallDocument;
import org.baraza.server.calls.InboundRequest;

/**
 * What the httapi endpoint asks about each request: what the call does next. The {@link
 * org.baraza.server.calls.CallRouter} in production; a small fake in tests. May block (it runs on its own
 * virtual thread) and may complete later.
 */
@FunctionalInterface
public interface CallHandler {

    CompletableFuture<CallDocument> handle(InboundRequest request);
}

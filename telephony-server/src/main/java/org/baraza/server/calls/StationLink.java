package org.baraza.server.calls;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.baraza.core.hub.CallDocument;
import org.baraza.core.hub.HubMessage.CallRequest;

/** How the router reaches the station that owns a call: the ZeroMQ hub in production. */
@FunctionalInterface
public interface StationLink {

    /**
     * The station's decision, or a failure when no daemon runs the station or none answers within
     * {@code deadline}.
     */
    CompletableFuture<CallDocument> ask(CallRequest request, Duration deadline);
}

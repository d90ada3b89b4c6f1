package org.baraza.server.api;

import org.baraza.core.audit.NewAuditEntry;
import org.baraza.core.db.Stores;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Writes what a route changed to the audit log: who (the signed-in user), what, when, on which network and
 * station, and the thing before and after as the API shows it. Written after the change succeeded, on its own
 * connection: a change whose audit line fails is answered with the failure (500), the change itself kept.
 * Thread-safe.
 */
final class Audit {

    private final Stores stores;
    private final ObjectMapper json;

    Audit(Stores stores, ObjectMapper json) {
        this.stores = stores;
        this.json = json;
    }

    /**
     * @param before the thing before, or null for a creation
     * @param after  the thing after, or null for a removal
     */
    void record(ApiRequest request, String action, String entityType, Object entityId, Object before, Object after) {
        stores.audit().append(NewAuditEntry.byUser(request.now(), request.scope().network(), request.scope().station(),
                request.principal().user().id(), action, entityType, String.valueOf(entityId), write(before), write(after)));
    }

    private String write(Object thing) {
        if (thing == null) {
            return null;
        }
        try {
            return json.writeValueAsString(thing);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + thing.getClass().getSimpleName() + " for the audit log", e);
        }
    }
}

package org.baraza.core.people;

import java.time.Instant;

import org.baraza.core.Ids.CallerId;
import org.baraza.core.Ids.NetworkId;
import org.baraza.core.PhoneNumber;

/**
 * Someone who called or texted a network's stations, known by number.
 *
 * @param name  what a manager typed or the caller said, or null; untrusted text, escape it wherever shown
 * @param notes a manager's notes, or null; untrusted text as well
 */
public record Caller(
        CallerId id,
        NetworkId networkId,
        PhoneNumber phoneNumber,
        String name,
        String notes,
        Instant firstSeenAt,
        Instant lastSeenAt) {
}

package org.baraza.core.station;

import java.time.Instant;

import org.baraza.core.Ids.NetworkId;

/** A group of stations run together: one organisation, its admins, its shared programs and media. */
public record Network(NetworkId id, String slug, String name, Instant createdAt) {
}

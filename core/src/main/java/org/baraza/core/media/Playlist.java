package org.baraza.core.media;

import java.time.Instant;

import org.baraza.core.Ids.NetworkId;
import org.baraza.core.Ids.PlaylistId;
import org.baraza.core.Ids.StationId;

/**
 * A named, ordered list of media. Its items are read with {@link PlaylistStore#items}.
 *
 * @param stationId the station it belongs to, or null when it is shared by the network's stations
 */
public record Playlist(
        PlaylistId id,
        NetworkId networkId,
        StationId stationId,
        String name,
        PlaylistKind kind,
        Instant createdAt,
        Instant updatedAt) {
}

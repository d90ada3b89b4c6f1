package org.baraza.core.media;

import java.util.List;
import java.util.Optional;

import org.baraza.core.Ids.MediaAssetId;
import org.baraza.core.Ids.NetworkId;
import org.baraza.core.Ids.PlaylistId;
import org.baraza.core.Ids.StationId;

/** Playlists and their running orders. */
public interface PlaylistStore {

    /**
     * @param station the station it belongs to, or null to share it with every station of the network
     * @throws org.baraza.core.DomainException.NotFound      when the network, or the station in the network, does not exist
     * @throws org.baraza.core.DomainException.AlreadyExists when the station (or the network, for a shared one) has a playlist with the name
     */
    Playlist create(NetworkId network, StationId station, String name, PlaylistKind kind);

    /** @throws org.baraza.core.DomainException.AlreadyExists when the playlist's station or network has a playlist with the name */
    Playlist rename(PlaylistId id, String name);

    Optional<Playlist> find(PlaylistId id);

    /** @throws org.baraza.core.DomainException.NotFound when there is no such playlist */
    Playlist get(PlaylistId id);

    /** The network's playlists, shared and per station, by name. */
    List<Playlist> list(NetworkId network);

    /**
     * Makes these media the playlist's items, in this order, all at once (the same asset may appear
     * more than once). Nothing changes when any of them is refused.
     *
     * @throws org.baraza.core.DomainException.NotFound when the playlist does not exist, or an asset does not exist in its network
     */
    void replaceItems(PlaylistId id, List<MediaAssetId> media);

    /** The playlist's items in playing order. */
    List<PlaylistItem> items(PlaylistId id);

    /** Removes the playlist and its items; a station that used it as filler has none after. */
    void delete(PlaylistId id);
}

package org.baraza.core.media;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.baraza.core.Ids.MediaAssetId;
import org.baraza.core.Ids.NetworkId;

/** A network's catalogue of audio files. The files themselves are on disk; this is what is known of them. */
public interface MediaStore {

    /**
     * @throws org.baraza.core.DomainException.NotFound      when the network, or the station or user in the network, does not exist
     * @throws org.baraza.core.DomainException.AlreadyExists when the network has the same content (naming that asset), or any asset has the file path
     */
    MediaAsset register(NetworkId network, MediaAssetDetails details);

    Optional<MediaAsset> find(MediaAssetId id);

    /** @throws org.baraza.core.DomainException.NotFound when there is no such asset */
    MediaAsset get(MediaAssetId id);

    /** The media the query asks for, by title. */
    List<MediaAsset> list(MediaQuery query);

    /** Hides the asset from lists from this instant; playlists that hold it keep it. Archiving twice keeps the first time. */
    MediaAsset archive(MediaAssetId id, Instant at);

    MediaAsset unarchive(MediaAssetId id);

    /**
     * Removes the asset from the catalogue (not its file).
     *
     * @throws org.baraza.core.DomainException.InUse when a playlist holds it or it went on air
     */
    void delete(MediaAssetId id);
}

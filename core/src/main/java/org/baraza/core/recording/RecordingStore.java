package org.baraza.core.recording;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.baraza.core.Ids.MediaAssetId;
import org.baraza.core.Ids.NetworkId;
import org.baraza.core.Ids.PlaylistId;
import org.baraza.core.Ids.RecordingId;
import org.baraza.core.Ids.StationId;
import org.baraza.core.Ids.UserId;
import org.baraza.core.media.MediaAssetDetails;

/**
 * Recordings and the moderation of listener messages. A recording is moderated once: approving or
 * rejecting checks, in the statement that does it, that it is still pending. Thread-safe and stateless.
 */
public interface RecordingStore {

    /**
     * Stores a recording; a listener message starts {@link Moderation#PENDING}, anything else
     * {@link Moderation#NOT_NEEDED}.
     *
     * @throws org.baraza.core.DomainException.AlreadyExists when a recording is stored at that path already
     * @throws org.baraza.core.DomainException.NotFound      when the station, airing or leg does not exist
     */
    Recording create(NewRecording recording);

    Optional<Recording> find(RecordingId id);

    /** @throws org.baraza.core.DomainException.NotFound when there is no such recording */
    Recording get(RecordingId id);

    /** The station's listener messages waiting for moderation, oldest first. */
    List<Recording> pending(StationId station);

    /**
     * @param becameMedia the media asset made of it to play on air, or null
     * @throws org.baraza.core.DomainException.Conflict when it is not waiting for moderation
     * @throws org.baraza.core.DomainException.NotFound when the recording, user or media asset does not exist
     */
    Recording approve(RecordingId id, UserId by, Instant at, MediaAssetId becameMedia);

    /**
     * Approves a listener's message into a playlist, all or nothing: the media asset it becomes (its file already
     * in the media directory), appended at the end of the playlist, and the recording approved naming it.
     *
     * @param media    the media asset the message becomes, in the recording's network
     * @param playlist the playlist it joins (a station's filler, a show's running order ...), in the same network
     * @return the approved recording
     * @throws org.baraza.core.DomainException.Conflict when it is not waiting for moderation
     * @throws org.baraza.core.DomainException.NotFound when the recording, user or playlist does not exist (in that
     *                                                  network)
     * @throws org.baraza.core.DomainException.AlreadyExists when the media file or its content is registered already
     */
    Recording approveInto(RecordingId id, UserId by, Instant at, NetworkId network, MediaAssetDetails media, PlaylistId playlist);

    /**
     * @throws org.baraza.core.DomainException.Conflict when it is not waiting for moderation
     * @throws org.baraza.core.DomainException.NotFound when the recording or user does not exist
     */
    Recording reject(RecordingId id, UserId by, Instant at);
}

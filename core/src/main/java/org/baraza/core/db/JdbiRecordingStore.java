package org.baraza.core.db;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.baraza.core.DomainException;
import org.baraza.core.Ids.AiringId;
import org.baraza.core.Ids.MediaAssetId;
import org.baraza.core.Ids.NetworkId;
import org.baraza.core.Ids.PlaylistId;
import org.baraza.core.Ids.RecordingId;
import org.baraza.core.Ids.StationId;
import org.baraza.core.Ids.UserId;
import org.baraza.core.Require;
import org.baraza.core.media.MediaAssetDetails;
import org.baraza.core.recording.Moderation;
import org.baraza.core.recording.NewRecording;
import org.baraza.core.recording.Recording;
import org.baraza.core.recording.RecordingKind;
import org.baraza.core.recording.RecordingStore;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;

final class JdbiRecordingStore implements RecordingStore {

    /** A recordings row as stored; public only for Jdbi's constructor mapper, the class hides it. */
    public record Row(RecordingId id, StationId stationId, AiringId airingId, UUID legUuid, RecordingKind kind, String callerNumber,
            String filePath, Long durationMs, Moderation moderation, UserId moderatedByUserId, Instant moderatedAt,
            MediaAssetId mediaAssetId, Instant createdAt) {
        Recording recording() {
            return new Recording(id, stationId, airingId, legUuid, kind, callerNumber, filePath,
                    durationMs == null ? null : Duration.ofMillis(durationMs), moderation, moderatedByUserId, moderatedAt,
                    mediaAssetId, createdAt);
        }
    }

    interface Sql {
        // Only a listener's message waits for a person; what Baraza recorded itself does not.
        @SqlQuery("""
                insert into recordings (station_id, airing_id, leg_uuid, kind, caller_number, file_path, duration_ms, moderation,
                                        created_at)
                values (:r.station, :r.airing, :r.leg, lower(:r.kind), :r.callerNumber, :r.filePath, :durationMs,
                        case when lower(:r.kind) = 'listener_message' then 'pending' else 'not_needed' end, :r.recordedAt)
                returning *
                """)
        Row insert(@BindMethods("r") NewRecording recording, Long durationMs);

        @SqlQuery("select * from recordings where id = :id")
        Optional<Row> find(RecordingId id);

        @SqlQuery("select * from recordings where station_id = :station and moderation = 'pending' order by created_at, id")
        List<Row> pending(StationId station);

        @SqlQuery("""
                update recordings
                   set moderation = lower(:to), moderated_by_user_id = :by, moderated_at = :at, media_asset_id = :media
                 where id = :id and moderation = 'pending'
                returning *
                """)
        Optional<Row> moderate(RecordingId id, Moderation to, UserId by, Instant at, MediaAssetId media);

        @SqlQuery("select network_id from playlists where id = :id for update")
        Optional<NetworkId> lockPlaylist(PlaylistId id);

        @SqlQuery("""
                insert into media_assets (network_id, station_id, title, kind, language, file_path, sha256, format, duration_ms,
                                          sample_rate_hz, channels, size_bytes, loudness_lufs, created_by_user_id)
                values (:network, :d.stationId, :d.title, lower(:d.kind), :d.language, :d.filePath, :d.sha256, lower(:d.format),
                        :d.durationMs, :d.sampleRateHz, :d.channels, :d.sizeBytes, :d.loudnessLufs, :d.createdByUserId)
                returning id
                """)
        MediaAssetId insertMedia(NetworkId network, @BindMethods("d") MediaAssetDetails details);

        @SqlUpdate("""
                insert into playlist_items (playlist_id, network_id, position, media_asset_id)
                select :playlist, :network, coalesce(max(position), 0) + 1, :media from playlist_items where playlist_id = :playlist
                """)
        void append(PlaylistId playlist, NetworkId network, MediaAssetId media);

        /** Locks the playlist first, so that two approvals into it take the next positions one after the other. */
        @Transaction
        default Optional<Row> approveInto(RecordingId id, UserId by, Instant at, NetworkId network, MediaAssetDetails details,
                                          PlaylistId playlist) {
            if (!lockPlaylist(playlist).filter(network::equals).isPresent()) {
                throw new DomainException.NotFound(playlist + " does not exist in " + network);
            }
            MediaAssetId media = insertMedia(network, details);
            append(playlist, network, media);
            Optional<Row> approved = moderate(id, Moderation.APPROVED, by, at, media);
            if (approved.isEmpty()) {
                // Rolls the media asset and the playlist item back with it.
                throw new NotModerated();
            }
            return approved;
        }
    }

    /** Thrown inside the approval's transaction to undo it when the recording was not waiting. */
    private static final class NotModerated extends RuntimeException {
        NotModerated() {
            super(null, null, false, false);
        }
    }

    private final Sql sql;

    JdbiRecordingStore(Jdbi jdbi) {
        this.sql = RecordRows.onDemand(jdbi, Sql.class, Row.class);
    }

    @Override
    public Recording create(NewRecording recording) {
        Require.present("recording", recording);
        Long durationMs = recording.duration() == null ? null : recording.duration().toMillis();
        return Constraints.on("recordings_file_unique", () -> new DomainException.AlreadyExists(
                        "a recording is stored at " + recording.filePath() + " already"))
                .and("recordings_station_fk", () -> new DomainException.NotFound(recording.station() + " does not exist"))
                .and("recordings_airing_fk", () -> new DomainException.NotFound(recording.airing() + " does not exist"))
                .and("recordings_leg_fk", () -> new DomainException.NotFound("leg " + recording.leg() + " does not exist"))
                .run(() -> sql.insert(recording, durationMs))
                .recording();
    }

    @Override
    public Optional<Recording> find(RecordingId id) {
        return sql.find(id).map(Row::recording);
    }

    @Override
    public Recording get(RecordingId id) {
        return find(id).orElseThrow(() -> notFound(id));
    }

    @Override
    public List<Recording> pending(StationId station) {
        return sql.pending(station).stream().map(Row::recording).toList();
    }

    @Override
    public Recording approve(RecordingId id, UserId by, Instant at, MediaAssetId becameMedia) {
        return moderate(id, Moderation.APPROVED, by, at, becameMedia);
    }

    @Override
    public Recording approveInto(RecordingId id, UserId by, Instant at, NetworkId network, MediaAssetDetails media,
                                 PlaylistId playlist) {
        Require.present("moderator", by);
        Require.present("moderation time", at);
        Require.present("media", media);
        Require.present("playlist", playlist);
        try {
            return Constraints.on("recordings_moderator_fk", () -> new DomainException.NotFound(by + " does not exist"))
                    .and("media_assets_station_fk", () -> new DomainException.NotFound(media.stationId() + " does not exist in " + network))
                    .and("media_assets_user_fk", () -> new DomainException.NotFound(media.createdByUserId() + " does not exist in " + network))
                    .and("media_assets_content_unique", () -> new DomainException.AlreadyExists(
                            "a media asset with the same content is registered already"))
                    .and("media_assets_file_unique", () -> new DomainException.AlreadyExists(
                            "the file " + media.filePath() + " is already registered as a media asset"))
                    .run(() -> sql.approveInto(id, by, at, network, media, playlist))
                    .map(Row::recording)
                    .orElseThrow();
        } catch (NotModerated e) {
            throw alreadyModerated(get(id));
        }
    }

    @Override
    public Recording reject(RecordingId id, UserId by, Instant at) {
        return moderate(id, Moderation.REJECTED, by, at, null);
    }

    private Recording moderate(RecordingId id, Moderation to, UserId by, Instant at, MediaAssetId media) {
        Require.present("moderator", by);
        Require.present("moderation time", at);
        return Constraints.on("recordings_moderator_fk", () -> new DomainException.NotFound(by + " does not exist"))
                .and("recordings_media_fk", () -> new DomainException.NotFound(media + " does not exist"))
                .run(() -> sql.moderate(id, to, by, at, media))
                .map(Row::recording)
                .orElseThrow(() -> alreadyModerated(get(id)));
    }

    private static DomainException alreadyModerated(Recording recording) {
        if (recording.moderation() == Moderation.NOT_NEEDED) {
            return new DomainException.Conflict(recording.id() + " is not a listener message; it needs no moderation");
        }
        return new DomainException.Conflict(recording.id() + " was " + recording.moderation().name().toLowerCase(Locale.ROOT)
                + " already, at " + recording.moderatedAt());
    }

    private static DomainException notFound(RecordingId id) {
        return new DomainException.NotFound(id + " does not exist");
    }
}

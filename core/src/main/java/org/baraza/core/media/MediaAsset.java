package org.baraza.core.media;

import java.time.Instant;

import org.baraza.core.Ids.MediaAssetId;
import org.baraza.core.Ids.NetworkId;
import org.baraza.core.Ids.StationId;
import org.baraza.core.Ids.UserId;

/**
 * An audio file Baraza can play: a song, a recorded show, a jingle, a news bulletin, a prompt. The same
 * content is one asset per network. Its fields are those of {@link MediaAssetDetails}, plus:
 *
 * @param archivedAt when a manager archived it (hidden from lists, still playable where used), or null
 */
public record MediaAsset(
        MediaAssetId id,
        NetworkId networkId,
        StationId stationId,
        String title,
        MediaKind kind,
        String language,
        String filePath,
        String sha256,
        AudioFormat format,
        int durationMs,
        int sampleRateHz,
        int channels,
        long sizeBytes,
        Double loudnessLufs,
        UserId createdByUserId,
        Instant createdAt,
        Instant archivedAt) {

    public boolean archived() {
        return archivedAt != null;
    }

    public MediaAssetDetails details() {
        return new MediaAssetDetails(stationId, title, kind, language, filePath, sha256, format, durationMs, sampleRateHz,
                channels, sizeBytes, loudnessLufs, createdByUserId);
    }
}

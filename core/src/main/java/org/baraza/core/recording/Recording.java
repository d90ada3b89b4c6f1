package org.baraza.core.recording;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.baraza.core.Ids.AiringId;
import org.baraza.core.Ids.MediaAssetId;
import org.baraza.core.Ids.RecordingId;
import org.baraza.core.Ids.StationId;
import org.baraza.core.Ids.UserId;

/**
 * An audio file Baraza recorded: a listener's message, an airing, a host's recording.
 *
 * @param legUuid      the call leg it was recorded from, if any (null once the leg is gone)
 * @param callerNumber the caller id of who left it, as delivered: untrusted text
 * @param filePath     the file, relative to Baraza's recordings directory
 * @param duration     null when not measured
 * @param moderatedBy  who approved or rejected it; null before, or once the user is gone
 * @param mediaAsset   the media asset an approved message became, to be played on air
 */
public record Recording(
        RecordingId id,
        StationId stationId,
        AiringId airingId,
        UUID legUuid,
        RecordingKind kind,
        String callerNumber,
        String filePath,
        Duration duration,
        Moderation moderation,
        UserId moderatedBy,
        Instant moderatedAt,
        MediaAssetId mediaAsset,
        Instant createdAt) {
}

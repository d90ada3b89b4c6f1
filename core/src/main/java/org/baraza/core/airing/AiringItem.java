package org.baraza.core.airing;

import java.time.Instant;

import org.baraza.core.Ids.AiringId;
import org.baraza.core.Ids.MediaAssetId;

/**
 * One thing that went on air in an airing: a media file, filler, a jingle, the live studio, a caller.
 *
 * @param mediaAssetId the media that played, when it was a file of Baraza's; else null
 * @param endedAt      null while it plays
 * @param outcome      how it ended; null while it plays
 * @param detail       what went wrong, when something did
 */
public record AiringItem(
        long id,
        AiringId airingId,
        ItemKind kind,
        MediaAssetId mediaAssetId,
        String label,
        Instant startedAt,
        Instant endedAt,
        ItemOutcome outcome,
        String detail) {

    /** What kind of thing went on air. */
    public enum ItemKind {
        MEDIA,
        FILLER,
        JINGLE,
        LIVE,
        CALLER,
        SILENCE
    }

    /** How an item's time on air ended. */
    public enum ItemOutcome {
        PLAYED,
        INTERRUPTED,
        SKIPPED,
        FAILED
    }
}

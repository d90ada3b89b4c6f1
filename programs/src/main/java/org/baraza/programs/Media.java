package org.baraza.programs;

import java.time.Duration;
import java.util.Objects;

import org.baraza.core.Ids.MediaAssetId;

/**
 * One playable item: a media asset's file (relative to the media directory), its title for the log and
 * its length, as the station daemon resolved them from the database before the airing.
 */
public record Media(MediaAssetId id, String file, String title, Duration length) {
    public Media {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(title, "title");
        if (length == null || length.isNegative() || length.isZero()) {
            throw new IllegalArgumentException(title + ": a media item needs a positive length, got " + length);
        }
    }
}

package org.baraza.core.media;

import org.baraza.core.Ids.MediaAssetId;

/**
 * One entry of a playlist with what playing it needs.
 *
 * @param position 1 for the first item
 * @param filePath the file, relative to Baraza's media directory
 * @param archived whether the asset was archived since it was put in the playlist
 */
public record PlaylistItem(
        int position,
        MediaAssetId mediaAssetId,
        String title,
        String filePath,
        AudioFormat format,
        int durationMs,
        boolean archived) {
}

package org.baraza.programs.filler;

import java.util.Set;

import org.baraza.programs.Media;
import org.baraza.programs.PlaybackId;
import org.baraza.programs.Rotation;

/** Where a filler run is: ready, playing one item of its rotation, stalled with nothing playable, or done. */
public sealed interface FillerState {

    record Ready(Rotation rotation) implements FillerState {
    }

    /**
     * @param failedInARow items that failed since one last played: once it holds them all, nothing can play
     */
    record Playing(PlaybackId playback, Media media, Rotation rotation, Set<Media> failedInARow) implements FillerState {
        public Playing {
            failedInARow = Set.copyOf(failedInARow);
        }
    }

    /** Every item failed in turn (or there were none); silent until stopped. */
    record Stalled(PlaybackId nextPlayback) implements FillerState {
    }

    record Done() implements FillerState {
    }
}

package org.baraza.programs.prerecorded;

import java.util.List;

import org.baraza.programs.Media;
import org.baraza.programs.PlaybackId;
import org.baraza.programs.Rotation;
import org.baraza.programs.filler.FillerState;

/**
 * Where a prerecorded airing is: waiting for its slot, playing its running order, filling the rest of
 * the slot, stalled with nothing playable, or done.
 */
public sealed interface PrerecordedState {

    /** Before the slot starts. {@code fill} is what plays once the running order is spent. */
    record Ready(List<Media> runningOrder, Rotation fill) implements PrerecordedState {
        public Ready {
            runningOrder = List.copyOf(runningOrder);
        }
    }

    /** One item of the running order on air; {@code rest} follows it. */
    record Playing(PlaybackId playback, Media media, List<Media> rest, Rotation fill) implements PrerecordedState {
        public Playing {
            rest = List.copyOf(rest);
        }
    }

    /** The running order is spent; the filler plays until the slot ends. */
    record Filling(FillerState.Playing filler) implements PrerecordedState {
    }

    /** Nothing could play; silent until the slot ends. */
    record Stalled() implements PrerecordedState {
    }

    record Done() implements PrerecordedState {
    }
}

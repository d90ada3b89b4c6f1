package org.baraza.daemon.station;

import java.util.List;

import org.baraza.core.Ids.StationId;

/**
 * Sees what each station does, step by step: for a live view (the demo's timeline, the console's board).
 * Called on the station's thread after every step; implementations must be quick and must not block.
 */
@FunctionalInterface
public interface StationObserver {

    StationObserver NONE = (station, event, state, effects) -> { };

    void stepped(StationId station, StationEvent event, StationState state, List<StationEffect> effects);
}

package org.baraza.core.station;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.baraza.core.Ids.NetworkId;
import org.baraza.core.Ids.PlaylistId;
import org.baraza.core.Ids.StationId;

/**
 * A radio station: a transmitter that Baraza reaches by phone, in a time zone, speaking some languages.
 *
 * @param languages              the languages of its menus and prompts, the first being the default
 * @param keepLegBetweenPrograms keep the transmitter call up between airings, playing the filler
 * @param fillerPlaylistId       what plays when nothing else does; null when the station has none
 */
public record Station(
        StationId id,
        NetworkId networkId,
        String slug,
        String name,
        ZoneId timeZone,
        List<String> languages,
        boolean keepLegBetweenPrograms,
        PlaylistId fillerPlaylistId,
        Instant createdAt,
        Instant updatedAt) {

    public Station {
        languages = List.copyOf(languages);
    }

    public StationSettings settings() {
        return new StationSettings(slug, name, timeZone, languages, keepLegBetweenPrograms, fillerPlaylistId);
    }
}

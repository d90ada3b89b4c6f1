package org.baraza.core.station;

import java.time.ZoneId;
import java.util.List;

import org.baraza.core.Ids.PlaylistId;
import org.baraza.core.Require;

/** What a manager sets on a station, when creating it or later; checked on construction. */
public record StationSettings(
        String slug,
        String name,
        ZoneId timeZone,
        List<String> languages,
        boolean keepLegBetweenPrograms,
        PlaylistId fillerPlaylistId) {

    public StationSettings {
        Require.slug("station slug", slug);
        name = Require.displayName("station name", name);
        Require.present("station time zone", timeZone);
        languages = Require.languageTags("station languages", languages, 1, 10);
    }

    public static StationSettings of(String slug, String name, ZoneId timeZone, String... languages) {
        return new StationSettings(slug, name, timeZone, List.of(languages), false, null);
    }

    public StationSettings withKeepLegBetweenPrograms(boolean keep) {
        return new StationSettings(slug, name, timeZone, languages, keep, fillerPlaylistId);
    }

    public StationSettings withFillerPlaylist(PlaylistId playlist) {
        return new StationSettings(slug, name, timeZone, languages, keepLegBetweenPrograms, playlist);
    }
}

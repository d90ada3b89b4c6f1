package org.baraza.programs;

import java.time.Duration;
import java.time.Instant;

import org.baraza.core.Ids.MediaAssetId;

/** Media items and instants for program tests. */
public final class MediaFixtures {
    public static final Instant T0 = Instant.parse("2026-11-21T07:00:00Z");

    private MediaFixtures() {
    }

    public static Media media(long id, String title, int seconds) {
        return new Media(new MediaAssetId(id), "station/" + title.toLowerCase().replace(' ', '-') + ".wav", title,
                Duration.ofSeconds(seconds));
    }

    public static Instant at(int secondsAfterT0) {
        return T0.plusSeconds(secondsAfterT0);
    }
}

package org.baraza.core.testing;

import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicLong;

import org.baraza.core.db.Stores;
import org.baraza.core.station.Network;
import org.baraza.core.station.Station;
import org.baraza.core.station.StationSettings;

/**
 * Makes the rows most tests start from, with names unique in the test database, so that tests sharing a
 * database never see each other's rows.
 */
public final class Fixtures {
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final Stores stores;

    public Fixtures(Stores stores) {
        this.stores = stores;
    }

    /** A name no other fixture in this JVM has used: {@code prefix-<n>}. */
    public static String unique(String prefix) {
        return prefix + "-" + SEQUENCE.incrementAndGet();
    }

    public Network network() {
        String slug = unique("net");
        return stores.networks().create(slug, "Network " + slug);
    }

    public Station station(Network network) {
        return station(network, ZoneId.of("Africa/Kampala"));
    }

    public Station station(Network network, ZoneId zone) {
        String slug = unique("fm");
        return stores.stations().create(network.id(), StationSettings.of(slug, "Radio " + slug, zone, "en", "lg"));
    }
}

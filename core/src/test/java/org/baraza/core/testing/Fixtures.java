package org.baraza.core.testing;

import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicLong;

import org.baraza.core.PhoneNumber;
import org.baraza.core.db.Stores;
import org.baraza.core.media.AudioFormat;
import org.baraza.core.media.MediaAsset;
import org.baraza.core.media.MediaAssetDetails;
import org.baraza.core.media.MediaKind;
import org.baraza.core.people.Host;
import org.baraza.core.people.HostDetails;
import org.baraza.core.people.Password;
import org.baraza.core.people.User;
import org.baraza.core.people.UserDetails;
import org.baraza.core.program.Program;
import org.baraza.core.program.ProgramDetails;
import org.baraza.core.program.ProgramType;
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

    /** A phone number no other fixture in this JVM has used. */
    public static PhoneNumber uniquePhoneNumber() {
        return new PhoneNumber("+2567" + String.format("%08d", SEQUENCE.incrementAndGet()));
    }

    /** A host without a PIN. */
    public Host host(Network network) {
        return stores.hosts().create(network.id(), new HostDetails(unique("Host"), uniquePhoneNumber()), null);
    }

    /** A user whose password is {@code "correct horse battery"}. */
    public User user(Network network) {
        String name = unique("user");
        return stores.users().create(network.id(), new UserDetails(name + "@example.org", "User " + name),
                new Password("correct horse battery"));
    }

    /** Details of a shared 3-minute mp3 with a unique path and content, to register or vary. */
    public static MediaAssetDetails mediaDetails(String title, MediaKind kind) {
        String name = unique("media");
        String sha256 = String.format("%064x", SEQUENCE.incrementAndGet());
        return new MediaAssetDetails(null, title, kind, "en", "music/" + name + ".mp3", sha256, AudioFormat.MP3, 180_000,
                44_100, 2, 2_880_000, -16.0, null);
    }

    public MediaAsset mediaAsset(Network network) {
        return stores.media().register(network.id(), mediaDetails(unique("Song"), MediaKind.MUSIC));
    }

    public Program program(Network network) {
        return stores.programs().create(network.id(), ProgramDetails.of(unique("Program"), ProgramType.PRERECORDED));
    }
}

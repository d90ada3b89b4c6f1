package org.baraza.daemon.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import org.baraza.core.DialTemplate;
import org.baraza.core.airing.Airing;
import org.baraza.core.airing.AiringPlan;
import org.baraza.core.db.Stores;
import org.baraza.core.media.AudioFormat;
import org.baraza.core.media.MediaAsset;
import org.baraza.core.media.MediaAssetDetails;
import org.baraza.core.media.MediaKind;
import org.baraza.core.people.Host;
import org.baraza.core.program.Program;
import org.baraza.core.program.ProgramConfig;
import org.baraza.core.program.ProgramDetails;
import org.baraza.core.program.ProgramType;
import org.baraza.core.station.DialString;
import org.baraza.core.station.Network;
import org.baraza.core.station.Station;
import org.baraza.core.testing.Fixtures;
import org.baraza.daemon.StationDaemon;
import org.baraza.daemon.esl.SwitchNode;
import org.baraza.daemon.notice.NoticeSettings;
import org.baraza.daemon.station.StationObserver;
import org.baraza.sim.Softswitch;
import org.baraza.sim.SoftswitchConfig;

/**
 * What the end-to-end tests put on air: a simulator with real WAV files under its file root, a network
 * with a station (and more on demand) and its transmitter dial strings, media, a prerecorded program or a
 * live show, and daemons that run them.
 */
final class OnAir implements AutoCloseable {

    /** Where FreeSWITCH (here, the simulator under its file root) finds Baraza's media. */
    static final Path MEDIA_ROOT = Path.of("/var/lib/baraza/media");
    static final String ANCHOR = "loopback/9102";

    final Path fileRoot;
    final Stores stores;
    final Fixtures fixtures;
    final DataSource dataSource;
    final Network network;
    final Station station;
    Softswitch sim;

    OnAir(Path fileRoot, Stores stores, DataSource dataSource) {
        this.fileRoot = fileRoot;
        this.stores = stores;
        this.dataSource = dataSource;
        this.fixtures = new Fixtures(stores);
        this.network = fixtures.network();
        this.station = fixtures.station(network, ZoneId.of("Africa/Kampala"));
        this.sim = startSim(0);
    }

    Softswitch startSim(int port) {
        try {
            // conferenceSounds off: Baraza's "radio" conference profile plays no alone, enter or exit sounds
            // and no music on hold on air (freeswitch-conf).
            return Softswitch.start(SoftswitchConfig.builder().eslPort(port).fileRoot(fileRoot).heartbeat(Duration.ZERO)
                    .conferenceSounds(false).build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void dialStrings(String... dialStrings) {
        dialStrings(station, dialStrings);
    }

    void dialStrings(Station of, String... dialStrings) {
        List<DialString> list = new java.util.ArrayList<>();
        for (int i = 0; i < dialStrings.length; i++) {
            list.add(new DialString(i + 1, dialStrings[i], null));
        }
        stores.stations().replaceDialStrings(of.id(), list);
    }

    /** Another station of the network, run by the same daemons. */
    Station anotherStation() {
        return fixtures.station(network, station.timeZone());
    }

    /** A host of the station, called on their own unique number. */
    Host host(Station of) {
        Host host = fixtures.host(network);
        stores.hosts().assign(host.id(), of.id());
        return host;
    }

    /** A live talk show presented by {@code host}: it calls them when its airing is prepared. */
    Program liveShow(Host host) {
        return fixtures.liveShow(network, host);
    }

    /** A tone of {@code seconds}, titled {@code name}, written under the media root and registered as an asset. */
    MediaAsset tone(String name, int seconds, double hertz) {
        String path = Fixtures.unique(name) + ".wav";
        Path file = Tones.write(fileRoot.resolve(MEDIA_ROOT.toString().substring(1)).resolve(path),
                Duration.ofSeconds(seconds), hertz);
        try {
            byte[] bytes = Files.readAllBytes(file);
            return stores.media().register(network.id(), new MediaAssetDetails(null, name, MediaKind.MUSIC, "en", path,
                    sha256(bytes), AudioFormat.WAV, seconds * 1000, 8000, 1, bytes.length, null, null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Program prerecorded(MediaAsset... media) {
        String ids = String.join(",", java.util.Arrays.stream(media).map(m -> String.valueOf(m.id().value())).toList());
        return stores.programs().create(network.id(), new ProgramDetails(Fixtures.unique("Programme"), ProgramType.PRERECORDED,
                new ProgramConfig("{\"media\": [" + ids + "]}"), "en", null));
    }

    Airing airing(Program program, Instant start, Duration length) {
        return airing(station, program, start, length);
    }

    Airing airing(Station of, Program program, Instant start, Duration length) {
        return stores.airings().plan(AiringPlan.oneOff(network.id(), of.id(), program.id(), start, start.plus(length)));
    }

    StationDaemon daemon(String id) {
        return daemon(id, null);
    }

    /** A daemon that also answers callers' calls from the hub at {@code hubEndpoint} (null: none). */
    StationDaemon daemon(String id, String hubEndpoint) {
        return StationDaemon.start(settings(id).withHub(hubEndpoint), dataSource, stores, Clock.systemUTC());
    }

    /** A daemon whose airings' triggers also fire {@code lead} before their moments. */
    StationDaemon daemonEarly(String id, Duration lead) {
        return StationDaemon.start(settings(id).withEarlyLead(lead), dataSource, stores, Clock.systemUTC());
    }

    /** A daemon whose stations' steps {@code observer} sees. */
    StationDaemon daemonWatched(String id, StationObserver observer) {
        return StationDaemon.start(settings(id), dataSource, stores, Clock.systemUTC(), observer);
    }

    /** A daemon that sends reminders and alerts so. */
    StationDaemon daemonTexting(String id, NoticeSettings notices) {
        return StationDaemon.start(settings(id).withNotices(notices), dataSource, stores, Clock.systemUTC());
    }

    private StationDaemon.Settings settings(String id) {
        SwitchNode node = new SwitchNode("fs1", "127.0.0.1", sim.eslAddress().getPort(), "ClueCon");
        return new StationDaemon.Settings(id, node, MEDIA_ROOT, "radio", ANCHOR, Duration.ofHours(1), Duration.ofSeconds(15),
                Duration.ofSeconds(1), Set.of(network.slug()), new DialTemplate("sofia/gateway/gw/{number}"), null);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (sim != null) {
            sim.close();
        }
    }
}

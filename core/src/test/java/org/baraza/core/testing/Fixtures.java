package org.baraza.core.testing;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.baraza.core.Ids.AiringId;
import org.baraza.core.Ids.MediaAssetId;
import org.baraza.core.Ids.NetworkId;
import org.baraza.core.Ids.ProgramId;
import org.baraza.core.Ids.UserId;
import org.baraza.core.PhoneNumber;
import org.baraza.core.db.Stores;
import org.baraza.core.poll.Poll;
import org.baraza.core.poll.PollOptionSettings;
import org.baraza.core.poll.PollSettings;
import org.baraza.core.sms.InboundSms;
import org.baraza.core.sms.OutboundSms;
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
import org.baraza.core.program.ProgramConfig;
import org.baraza.core.program.ProgramDetails;
import org.baraza.core.program.ProgramType;
import org.baraza.core.station.Network;
import org.baraza.core.station.Station;
import org.baraza.core.station.StationSettings;
import org.jdbi.v3.core.Jdbi;

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

    /** A program row in the network, inserted as plain SQL, for tests that only need something to refer to. */
    public ProgramId programRow(Jdbi jdbi, NetworkId network) {
        return jdbi.withHandle(h -> h.createQuery(
                        "insert into programs (network_id, name, type) values (:network, :name, 'live_talk') returning id")
                .bind("network", network)
                .bind("name", unique("Show"))
                .mapTo(ProgramId.class)
                .one());
    }

    /** An airing row of a new program on the station, inserted as plain SQL, for tests that only refer to it. */
    public AiringId airingRow(Jdbi jdbi, Station station, Instant start, Duration length) {
        ProgramId program = programRow(jdbi, station.networkId());
        return jdbi.withHandle(h -> h.createQuery("""
                        insert into airings (network_id, station_id, program_id, planned_start, planned_end)
                        values (:network, :station, :program, :start, :end) returning id
                        """)
                .bind("network", station.networkId())
                .bind("station", station.id())
                .bind("program", program)
                .bind("start", start)
                .bind("end", start.plus(length))
                .mapTo(AiringId.class)
                .one());
    }

    /** The number the SMS fixtures send from and to; no station owns it, which the SMS stores do not require. */
    public static final PhoneNumber STATION_SMS_NUMBER = new PhoneNumber("+256312100100");

    /** A text from a listener to the station's number, as a provider delivers it, with a provider id no other has. */
    public InboundSms inboundSms(Station station, String from, String body, Instant receivedAt) {
        return new InboundSms(station.networkId(), station.id(), "twilio", unique("SM"), from, STATION_SMS_NUMBER.value(),
                body, receivedAt);
    }

    /** A message from the station's number to a listener, with an idempotency key no other has. */
    public OutboundSms outboundSms(Station station, PhoneNumber to, String body) {
        return OutboundSms.of(station.networkId(), station.id(), "twilio", STATION_SMS_NUMBER, to, body, unique("key"));
    }

    /**
     * A poll of the station (of the show, when {@code airing} is not null) open during {@code [opens, closes)}:
     * "Yes" (text YES, key 1) and "No" (text NO, key 2), each with a missed-call number no other fixture has.
     */
    public Poll poll(Station station, AiringId airing, Instant opens, Instant closes) {
        return stores.polls().create(new PollSettings(station.id(), airing, "Should the market open on Sundays?", opens, closes,
                List.of(new PollOptionSettings(1, "Yes", "YES", "1", uniquePhoneNumber()),
                        new PollOptionSettings(2, "No", "NO", "2", uniquePhoneNumber()))));
    }

    /** A media asset row of the network, inserted as plain SQL, for tests that only refer to it. */
    public MediaAssetId mediaAssetRow(Jdbi jdbi, NetworkId network) {
        String name = unique("clip");
        String sha256 = String.format("%064x", SEQUENCE.incrementAndGet());
        return jdbi.withHandle(h -> h.createQuery("""
                        insert into media_assets (network_id, title, kind, file_path, sha256, format, duration_ms, sample_rate_hz,
                                                  channels, size_bytes)
                        values (:network, :title, 'music', :path, :sha256, 'wav', 1000, 8000, 1, 16000) returning id
                        """)
                .bind("network", network)
                .bind("title", "Clip " + name)
                .bind("path", "media/" + name + ".wav")
                .bind("sha256", sha256)
                .mapTo(MediaAssetId.class)
                .one());
    }

    /** A console user row of the network, inserted as plain SQL, for tests that only refer to it. */
    public UserId userRow(Jdbi jdbi, NetworkId network) {
        String name = unique("user");
        return jdbi.withHandle(h -> h.createQuery("""
                        insert into users (network_id, email, display_name, password_hash)
                        values (:network, :email, :name, 'not-a-real-password-hash') returning id
                        """)
                .bind("network", network)
                .bind("email", name + "@example.org")
                .bind("name", "User " + name)
                .mapTo(UserId.class)
                .one());
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

    /** A live talk show presented by {@code host}. */
    public Program liveShow(Network network, Host host) {
        Program program = stores.programs().create(network.id(), new ProgramDetails(unique("Morning talk"),
                ProgramType.LIVE_TALK, new ProgramConfig("{}"), "en", null));
        stores.programs().setHosts(program.id(), List.of(host.id()));
        return program;
    }
}

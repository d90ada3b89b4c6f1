package org.baraza.app.e2e;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import org.baraza.core.DialTemplate;
import org.baraza.core.PhoneNumber;
import org.baraza.core.airing.Airing;
import org.baraza.core.airing.AiringPlan;
import org.baraza.core.call.CallDetail;
import org.baraza.core.call.Leg;
import org.baraza.core.config.BarazaConfig;
import org.baraza.core.config.ConfigLoader;
import org.baraza.core.config.FreeSwitchConfig;
import org.baraza.core.config.ServerConfig;
import org.baraza.core.db.Stores;
import org.baraza.core.people.Host;
import org.baraza.core.people.HostDetails;
import org.baraza.core.people.Pin;
import org.baraza.core.program.Program;
import org.baraza.core.station.DialString;
import org.baraza.core.station.Network;
import org.baraza.core.station.Station;
import org.baraza.core.station.StationSettings;
import org.baraza.core.testing.Fixtures;
import org.baraza.daemon.StationDaemon;
import org.baraza.daemon.esl.SwitchNode;
import org.baraza.server.TelephonyServer;
import org.baraza.sim.HttapiProfile;
import org.baraza.sim.Softswitch;
import org.baraza.sim.SoftswitchConfig;

/**
 * Everything a caller's call goes through, for real: the telephony server (HTTP on a free port, the ZeroMQ
 * hub), a station daemon connected to its hub and to the simulator's event socket, the simulator running
 * FreeSWITCH's "baraza" httapi profile and Baraza's dialplan (station numbers to the webhook, call-backs
 * through {@code baraza-callback}), and a network with one station, its number and its transmitter phone.
 * Media and prompts live under a temporary directory that the simulator reads as the real file system.
 */
final class Studio implements AutoCloseable {

    static final String USER = "freeswitch";
    static final String PASSWORD = "e2e-webhook-secret";
    static final String TRANSMITTER = "+256700100200";
    static final String ANCHOR = "loopback/9102";
    static final ZoneId KAMPALA = ZoneId.of("Africa/Kampala");

    final Path directory;
    final Stores stores;
    final DataSource dataSource;
    final Fixtures fixtures;
    final Network network;
    final Station station;
    final PhoneNumber number;
    final TelephonyServer server;
    final Softswitch sim;

    Studio(Path directory, Stores stores, DataSource dataSource) {
        this.directory = directory;
        this.stores = stores;
        this.dataSource = dataSource;
        this.fixtures = new Fixtures(stores);
        this.network = fixtures.network();
        this.station = stores.stations().create(network.id(), StationSettings.of(Fixtures.unique("fm"), "Radio Baraza", KAMPALA,
                "en", "sw"));
        this.number = Fixtures.uniquePhoneNumber();
        stores.stations().addNumber(station.id(), number, true, false, "studio line");
        stores.stations().replaceDialStrings(station.id(), List.of(new DialString(1, "sofia/gateway/gsm1/" + TRANSMITTER, null)));
        this.server = TelephonyServer.start(config(), stores, Clock.systemUTC());
        URI webhook = URI.create("http://127.0.0.1:" + server.httpPort() + "/httapi");
        try {
            // conferenceSounds off: the "radio" conference profile plays no alone, enter or exit sounds (freeswitch-conf).
            this.sim = Softswitch.start(SoftswitchConfig.builder().eslPort(0).heartbeat(Duration.ZERO).conferenceSounds(false)
                    .eventLogCapacity(100_000).webhookUrl(webhook)
                    .httapiProfile(HttapiProfile.baraza(webhook, USER, PASSWORD))
                    .publicNumber(digits(number), List.of("httapi {httapi_profile=baraza}"))
                    .extension("baraza-callback", List.of("httapi {httapi_profile=baraza}"))
                    .build());
        } catch (IOException e) {
            server.close();
            throw new UncheckedIOException(e);
        }
    }

    /** A daemon running the network's stations, taking their calls from the server's hub. */
    StationDaemon daemon(String id) {
        SwitchNode node = new SwitchNode("fs1", "127.0.0.1", sim.eslAddress().getPort(), SoftswitchConfig.DEFAULT_PASSWORD);
        return StationDaemon.start(new StationDaemon.Settings(id, node, media(), "radio", ANCHOR, Duration.ofHours(1),
                Duration.ofSeconds(15), Duration.ofSeconds(4), Set.of(network.slug()),
                new DialTemplate("sofia/gateway/gsm1/{number}"), server.hubEndpoint()), dataSource, stores, Clock.systemUTC());
    }

    /** Waits until the server's hub knows this many stations with a daemon (one registers, then heartbeats). */
    void awaitDaemons(int stations) {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.httpPort() + "/health")).build();
        await().atMost(Duration.ofSeconds(10)).until(() -> http.send(health, HttpResponse.BodyHandlers.ofString()).body()
                .contains("stations with a daemon: " + stations + "\n"));
    }

    /** A host of the station who may call in with {@code pin}. */
    Host host(PhoneNumber phone, String pin) {
        Host host = stores.hosts().create(network.id(), new HostDetails(Fixtures.unique("Host"), phone), new Pin(pin));
        stores.hosts().assign(host.id(), station.id());
        return host;
    }

    /** A live talk show presented by {@code host}. */
    Program liveShow(Host host) {
        return fixtures.liveShow(network, host);
    }

    Airing airing(Program program, Instant start, Duration length) {
        return stores.airings().plan(AiringPlan.oneOff(network.id(), station.id(), program.id(), start, start.plus(length)));
    }

    /** A listener on a basic phone calls the station's number; returns their channel's uuid. */
    String call(PhoneNumber from, org.baraza.sim.PhoneScript script) {
        return sim.placeCall(digits(from), digits(number), script);
    }

    /** Every leg of the station's calls in the last hour, oldest first, from the call log. */
    List<Leg> legs() {
        Instant now = Instant.now();
        return stores.calls().list(station.id(), now.minus(Duration.ofHours(1)), now.plusSeconds(60), null).stream()
                .flatMap(call -> stores.calls().get(call.id()).legs().stream())
                .sorted(java.util.Comparator.comparing(Leg::createdAt))
                .toList();
    }

    /** The station's call {@code uuid} in the call log, with its legs. */
    CallDetail callLog(String uuid) {
        return stores.calls().get(java.util.UUID.fromString(uuid));
    }

    Path media() {
        return directory.resolve("media");
    }

    Path recordings() {
        return directory.resolve("recordings");
    }

    /** A number as phones dial it and FreeSWITCH shows it: digits, no plus. */
    static String digits(PhoneNumber number) {
        return number.value().substring(1);
    }

    private BarazaConfig config() {
        BarazaConfig defaults = ConfigLoader.defaults();
        ServerConfig s = defaults.server();
        FreeSwitchConfig f = defaults.freeSwitch();
        return new BarazaConfig(defaults.database(),
                new ServerConfig("127.0.0.1", 0, s.publicUrl(), USER, PASSWORD, "tcp://127.0.0.1:0", Duration.ofMillis(800),
                        s.maxRequestBytes()),
                new FreeSwitchConfig(f.nodeName(), f.eslHost(), f.eslPort(), f.eslPassword(), f.conferenceProfile(),
                        ANCHOR, media(), recordings(), f.outboundDialTemplate()),
                defaults.daemon(), defaults.sms(), defaults.log(), defaults.console());
    }

    @Override
    public void close() {
        sim.close();
        server.close();
    }
}

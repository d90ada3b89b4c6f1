package org.baraza.server.api;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.baraza.core.Ids.AiringId;
import org.baraza.core.PhoneNumber;
import org.baraza.core.call.CallDirection;
import org.baraza.core.call.NewCall;
import org.baraza.core.db.Stores;
import org.baraza.core.media.MediaAsset;
import org.baraza.core.media.MediaAssetDetails;
import org.baraza.core.media.MediaKind;
import org.baraza.core.media.Playlist;
import org.baraza.core.media.PlaylistKind;
import org.baraza.core.people.Caller;
import org.baraza.core.people.Host;
import org.baraza.core.people.Role;
import org.baraza.core.people.User;
import org.baraza.core.poll.Poll;
import org.baraza.core.poll.PollOptionSettings;
import org.baraza.core.poll.PollSettings;
import org.baraza.core.program.Program;
import org.baraza.core.recording.NewRecording;
import org.baraza.core.recording.Recording;
import org.baraza.core.schedule.Schedule;
import org.baraza.core.schedule.ScheduleSettings;
import org.baraza.core.station.Network;
import org.baraza.core.station.Station;
import org.baraza.core.testing.Fixtures;
import org.jdbi.v3.core.Jdbi;

/**
 * Two networks for access tests: network one with stations A and B, network two with station C, each station with
 * one of everything the API lists (a schedule, an airing, a call, a message waiting for moderation, a poll, its own
 * media and playlist, a host), and users in each role, each with an API token whose secret is known.
 */
final class ConsoleWorld {

    static final Instant NOW = Instant.now();

    /** One station and one of each thing on it. */
    record StationThings(Station station, Schedule schedule, AiringId airing, UUID call, Recording recording, Poll poll,
                         MediaAsset media, Playlist playlist, Host host) {
    }

    /** A user of the world and their token's secret. */
    record Account(User user, String token) {
    }

    final Network one;
    final Network two;
    final StationThings a;
    final StationThings b;
    final StationThings c;
    final Program programOne;
    final Program programTwo;
    final Caller callerOne;
    final Caller callerTwo;
    final Account adminOne;
    final Account managerA;
    final Account hostA;
    final Account plainUserOne;
    final Account adminTwo;

    private final Stores stores;
    private final Jdbi jdbi;
    private final Fixtures fixtures;

    ConsoleWorld(Stores stores, Jdbi jdbi) {
        this.stores = stores;
        this.jdbi = jdbi;
        this.fixtures = new Fixtures(stores);
        one = fixtures.network();
        two = fixtures.network();
        programOne = fixtures.program(one);
        programTwo = fixtures.program(two);
        a = things(one, programOne, 6);
        b = things(one, programOne, 8);
        c = things(two, programTwo, 10);
        callerOne = stores.callers().seen(one.id(), Fixtures.uniquePhoneNumber(), NOW);
        callerTwo = stores.callers().seen(two.id(), Fixtures.uniquePhoneNumber(), NOW);
        adminOne = account(one, Role.networkAdmin());
        managerA = account(one, Role.stationManager(a.station().id()));
        hostA = account(one, Role.host(a.host().id()));
        plainUserOne = account(one, null);
        adminTwo = account(two, Role.networkAdmin());
    }

    Account account(Network network, Role role) {
        User user = fixtures.user(network);
        if (role != null) {
            stores.users().grant(user.id(), role);
        }
        String secret = Fixtures.unique("bz_test-token-secret");
        stores.apiTokens().create(user.id(), "tests", secret, NOW);
        return new Account(user, secret);
    }

    private StationThings things(Network network, Program program, int hour) {
        Station station = fixtures.station(network, ZoneId.of("Africa/Kampala"));
        Schedule schedule = stores.schedules().create(network.id(), ScheduleSettings.of(station.id(), program.id(),
                LocalDateTime.of(2030, 1, 7, hour, 0), station.timeZone(), Duration.ofHours(1), "FREQ=WEEKLY;BYDAY=MO"));
        AiringId airing = fixtures.airingRow(jdbi, station, NOW.minus(Duration.ofHours(1)), Duration.ofMinutes(30));
        UUID call = UUID.randomUUID();
        stores.calls().start(new NewCall(call, station.id(), null, CallDirection.INBOUND, "=HYPERLINK(\"http://evil\")",
                "+256312000000", NOW.minusSeconds(60)));
        Recording recording = stores.recordings().create(NewRecording.listenerMessage(station.id(), null, "+256700000001",
                "messages/" + Fixtures.unique("m") + ".wav", Duration.ofSeconds(12), NOW.minusSeconds(30)));
        Poll poll = stores.polls().create(new PollSettings(station.id(), null, "Rain today?", NOW.minusSeconds(60),
                NOW.plus(Duration.ofHours(1)), List.of(new PollOptionSettings(1, "Yes", "YES", "1", null),
                new PollOptionSettings(2, "No", "NO", "2", null))));
        MediaAssetDetails shared = Fixtures.mediaDetails(Fixtures.unique("Song"), MediaKind.MUSIC);
        MediaAsset media = stores.media().register(network.id(), new MediaAssetDetails(station.id(), shared.title(), shared.kind(),
                shared.language(), shared.filePath(), shared.sha256(), shared.format(), shared.durationMs(), shared.sampleRateHz(),
                shared.channels(), shared.sizeBytes(), shared.loudnessLufs(), null));
        Playlist playlist = stores.playlists().create(network.id(), station.id(), Fixtures.unique("Morning"), PlaylistKind.PROGRAM);
        Host host = fixtures.host(network);
        stores.hosts().assign(host.id(), station.id());
        return new StationThings(station, schedule, airing, call, recording, poll, media, playlist, host);
    }

    static PhoneNumber anyNumber() {
        return Fixtures.uniquePhoneNumber();
    }
}

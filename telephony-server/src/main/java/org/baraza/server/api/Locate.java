package org.baraza.server.api;

import java.util.Optional;

import org.baraza.core.Ids.AiringId;
import org.baraza.core.Ids.CallerId;
import org.baraza.core.Ids.HostId;
import org.baraza.core.Ids.MediaAssetId;
import org.baraza.core.Ids.PlaylistId;
import org.baraza.core.Ids.PollId;
import org.baraza.core.Ids.ProgramId;
import org.baraza.core.Ids.RecordingId;
import org.baraza.core.Ids.ScheduleId;
import org.baraza.core.Ids.StationId;
import org.baraza.core.Ids.UserId;
import org.baraza.core.airing.Airing;
import org.baraza.core.call.CallDetail;
import org.baraza.core.db.Stores;
import org.baraza.core.media.MediaAsset;
import org.baraza.core.media.Playlist;
import org.baraza.core.people.Caller;
import org.baraza.core.people.Host;
import org.baraza.core.people.User;
import org.baraza.core.poll.Poll;
import org.baraza.core.program.Program;
import org.baraza.core.recording.Recording;
import org.baraza.core.schedule.Schedule;
import org.baraza.core.station.Station;
import org.baraza.server.auth.Scope;

/**
 * The {@link ApiRoute.Locator}s: each reads the id its path names, loads the thing (404 when there is none) and
 * says which network and station it belongs to. What belongs to a station is that station's; what the network
 * shares is the network's. Stateless; thread-safe.
 */
final class Locate {

    private final Stores stores;

    Locate(Stores stores) {
        this.stores = stores;
    }

    /** The signed-in user's own network: for lists and for what a user does about themself. */
    Scope network(ApiRequest request) {
        return request.located(request.principal() == null ? null : Scope.network(request.principal().network()), null);
    }

    Scope station(ApiRequest request) {
        Station station = load("station", stores.stations().find(new StationId(request.id("station"))));
        return request.located(Scope.station(station.networkId(), station.id()), station);
    }

    Scope schedule(ApiRequest request) {
        Schedule schedule = load("schedule", stores.schedules().find(new ScheduleId(request.id("schedule"))));
        return request.located(Scope.station(schedule.networkId(), schedule.stationId()), schedule);
    }

    Scope airing(ApiRequest request) {
        Airing airing = load("airing", stores.airings().find(new AiringId(request.id("airing"))));
        return request.located(Scope.station(airing.networkId(), airing.stationId()), airing);
    }

    Scope call(ApiRequest request) {
        CallDetail call = load("call", stores.calls().find(request.uuid("call")));
        return request.located(stationScope("call", call.call().stationId()), call);
    }

    Scope recording(ApiRequest request) {
        Recording recording = load("recording", stores.recordings().find(new RecordingId(request.id("recording"))));
        return request.located(stationScope("recording", recording.stationId()), recording);
    }

    Scope poll(ApiRequest request) {
        Poll poll = load("poll", stores.polls().find(new PollId(request.id("poll"))));
        return request.located(stationScope("poll", poll.stationId()), poll);
    }

    Scope caller(ApiRequest request) {
        Caller caller = load("caller", stores.callers().find(new CallerId(request.id("caller"))));
        return request.located(Scope.network(caller.networkId()), caller);
    }

    Scope host(ApiRequest request) {
        Host host = load("host", stores.hosts().find(new HostId(request.id("host"))));
        return request.located(Scope.network(host.networkId()), host);
    }

    Scope program(ApiRequest request) {
        Program program = load("program", stores.programs().find(new ProgramId(request.id("program"))));
        return request.located(Scope.network(program.networkId()), program);
    }

    Scope user(ApiRequest request) {
        User user = load("user", stores.users().find(new UserId(request.id("user"))));
        return request.located(Scope.network(user.networkId()), user);
    }

    /** A station's media is the station's; shared media is the network's. */
    Scope media(ApiRequest request) {
        MediaAsset media = load("media", stores.media().find(new MediaAssetId(request.id("media"))));
        return request.located(new Scope(media.networkId(), media.stationId()), media);
    }

    Scope playlist(ApiRequest request) {
        Playlist playlist = load("playlist", stores.playlists().find(new PlaylistId(request.id("playlist"))));
        return request.located(new Scope(playlist.networkId(), playlist.stationId()), playlist);
    }

    /** A station whose id comes in the body or query rather than the path: {@code station} of a new thing. */
    Scope stationOf(ApiRequest request, StationId id) {
        Station station = load("station", stores.stations().find(id));
        return request.located(Scope.station(station.networkId(), station.id()), station);
    }

    private Scope stationScope(String what, StationId id) {
        // A call no station owned (a number nobody has) belongs to no network: nobody's console shows it.
        Station station = load(what, Optional.ofNullable(id).flatMap(stores.stations()::find));
        return Scope.station(station.networkId(), station.id());
    }

    private static <T> T load(String what, Optional<T> thing) {
        return thing.orElseThrow(() -> ApiProblem.notFound("no such " + what));
    }
}

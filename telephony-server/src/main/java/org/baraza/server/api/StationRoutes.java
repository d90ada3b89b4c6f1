package org.baraza.server.api;

import static org.baraza.server.auth.Permission.MANAGE;
import static org.baraza.server.auth.Permission.NETWORK_ADMIN;
import static org.baraza.server.auth.Permission.SIGNED_IN;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.baraza.core.DialTemplate;
import org.baraza.core.Ids.PlaylistId;
import org.baraza.core.PhoneNumber;
import org.baraza.core.db.Stores;
import org.baraza.core.station.CallSettings;
import org.baraza.core.station.DialString;
import org.baraza.core.station.Station;
import org.baraza.core.station.StationNumber;
import org.baraza.core.station.StationSettings;
import org.baraza.server.auth.Principal;
import org.baraza.server.auth.Scope;

/** Stations: the list a user may see, and a station's settings, numbers, transmitter dial strings and call handling. */
final class StationRoutes {

    record StationBody(String slug, String name, ZoneId timeZone, List<String> languages, boolean keepLegBetweenPrograms,
                       Long fillerPlaylist) {
        StationSettings settings() {
            return new StationSettings(slug, name, timeZone, languages == null ? List.of() : languages, keepLegBetweenPrograms,
                    fillerPlaylist == null ? null : new PlaylistId(fillerPlaylist));
        }
    }

    /** A station with everything its manager sets. */
    record StationDetail(Station station, List<StationNumber> numbers, List<DialString> dialStrings, CallSettings callSettings) {
    }

    record DialStringBody(String dialString, String label) {
    }

    record DialStringsBody(List<DialStringBody> dialStrings) {
    }

    record NumberBody(String number, boolean voice, boolean sms, String label) {
    }

    record CallSettingsBody(Duration answerDelay, boolean callBackMissedCalls, Duration callbackCooldown, int callbacksPerDay,
                            String outboundDialTemplate) {
        CallSettings settings() {
            return new CallSettings(answerDelay, callBackMissedCalls, callbackCooldown, callbacksPerDay,
                    outboundDialTemplate == null ? null : new DialTemplate(outboundDialTemplate));
        }
    }

    private final Stores stores;
    private final Locate locate;
    private final Audit audit;

    StationRoutes(Stores stores, Locate locate, Audit audit) {
        this.stores = stores;
        this.locate = locate;
        this.audit = audit;
    }

    List<ApiRoute> routes() {
        return List.of(
                ApiRoute.get("/api/stations", SIGNED_IN, locate::network, this::list),
                ApiRoute.post("/api/stations", NETWORK_ADMIN, locate::network, this::create),
                ApiRoute.get("/api/stations/{station}", MANAGE, locate::station, request -> Reply.ok(detail(request.found(Station.class)))),
                ApiRoute.put("/api/stations/{station}", MANAGE, locate::station, this::update),
                ApiRoute.delete("/api/stations/{station}", NETWORK_ADMIN, locate::station, this::delete),
                ApiRoute.put("/api/stations/{station}/dial-strings", MANAGE, locate::station, this::replaceDialStrings),
                ApiRoute.post("/api/stations/{station}/numbers", MANAGE, locate::station, this::addNumber),
                ApiRoute.delete("/api/stations/{station}/numbers/{number}", MANAGE, locate::station, this::removeNumber),
                ApiRoute.put("/api/stations/{station}/call-settings", MANAGE, locate::station, this::setCallSettings));
    }

    private Reply list(ApiRequest request) {
        return Reply.ok(visible(stores, request.principal()));
    }

    /** A network admin sees every station of the network; others the stations they manage or present on. */
    static List<Station> visible(Stores stores, Principal principal) {
        return stores.stations().list(principal.network()).stream()
                .filter(s -> principal.isNetworkAdmin() || principal.manages(s.id()) || principal.hostStations().contains(s.id()))
                .toList();
    }

    private Reply create(ApiRequest request) {
        Station station = stores.stations().create(request.scope().network(), request.body(StationBody.class).settings());
        request.located(Scope.station(station.networkId(), station.id()), station);
        audit.record(request, "station.create", "station", station.id().value(), null, station);
        return Reply.created(station);
    }

    private Reply update(ApiRequest request) {
        Station before = request.found(Station.class);
        Station after = stores.stations().update(before.id(), request.body(StationBody.class).settings());
        audit.record(request, "station.update", "station", after.id().value(), before, after);
        return Reply.ok(after);
    }

    private Reply delete(ApiRequest request) {
        Station station = request.found(Station.class);
        stores.stations().delete(station.id());
        audit.record(request, "station.delete", "station", station.id().value(), station, null);
        return Reply.none();
    }

    private Reply replaceDialStrings(ApiRequest request) {
        Station station = request.found(Station.class);
        List<DialStringBody> wanted = request.body(DialStringsBody.class).dialStrings();
        List<DialString> dialStrings = new ArrayList<>();
        for (int i = 0; wanted != null && i < wanted.size(); i++) {
            dialStrings.add(new DialString(i + 1, wanted.get(i).dialString(), wanted.get(i).label()));
        }
        List<DialString> before = stores.stations().dialStrings(station.id());
        stores.stations().replaceDialStrings(station.id(), dialStrings);
        audit.record(request, "station.dial_strings", "station", station.id().value(), before, dialStrings);
        return Reply.ok(stores.stations().dialStrings(station.id()));
    }

    private Reply addNumber(ApiRequest request) {
        Station station = request.found(Station.class);
        NumberBody body = request.body(NumberBody.class);
        StationNumber number = stores.stations().addNumber(station.id(), PhoneNumber.parse(body.number()), body.voice(), body.sms(),
                body.label());
        audit.record(request, "station.add_number", "station", station.id().value(), null, number);
        return Reply.created(number);
    }

    private Reply removeNumber(ApiRequest request) {
        Station station = request.found(Station.class);
        PhoneNumber number = PhoneNumber.parse(request.context().pathParam("number"));
        stores.stations().removeNumber(station.id(), number);
        audit.record(request, "station.remove_number", "station", station.id().value(), number, null);
        return Reply.none();
    }

    private Reply setCallSettings(ApiRequest request) {
        Station station = request.found(Station.class);
        CallSettings before = stores.stations().callSettings(station.id());
        CallSettings after = request.body(CallSettingsBody.class).settings();
        stores.stations().setCallSettings(station.id(), after);
        audit.record(request, "station.call_settings", "station", station.id().value(), before, after);
        return Reply.ok(after);
    }

    private StationDetail detail(Station station) {
        return new StationDetail(station, stores.stations().numbers(station.id()), stores.stations().dialStrings(station.id()),
                stores.stations().callSettings(station.id()));
    }
}

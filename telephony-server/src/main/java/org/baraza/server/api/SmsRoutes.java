package org.baraza.server.api;

import static org.baraza.server.auth.Permission.MANAGE;
import static org.baraza.server.auth.Permission.PRESENT;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.baraza.core.DomainException;
import org.baraza.core.Ids.HostId;
import org.baraza.core.Ids.ProgramId;
import org.baraza.core.PhoneNumber;
import org.baraza.core.airing.Airing;
import org.baraza.core.config.SmsConfig;
import org.baraza.core.db.Stores;
import org.baraza.core.people.Host;
import org.baraza.core.sms.OutboundSms;
import org.baraza.core.sms.SmsMessage;
import org.baraza.core.station.Station;
import org.baraza.core.station.StationNumber;

/**
 * SMS: a station's inbox (hosts read it too), a live show's inbox, and sending from the station's SMS number to
 * one of its hosts or to the listeners subscribed to the station or one of its programs. Sending queues the
 * messages in the outbox (202): the outbox worker sends them, once each, minding STOPs.
 */
final class SmsRoutes {

    /**
     * @param to      {@code host} or {@code subscribers}
     * @param host    the host, for {@code host}
     * @param program the program whose subscribers to text; null for the station's
     */
    record Send(String to, Long host, Long program, String body) {
    }

    record Queued(List<SmsMessage> messages) {
    }

    private final Stores stores;
    private final Locate locate;
    private final Audit audit;
    private final String provider;

    SmsRoutes(Stores stores, Locate locate, Audit audit, SmsConfig sms) {
        this.stores = stores;
        this.locate = locate;
        this.audit = audit;
        // With no provider configured, messages wait in the outbox under Twilio's name, the only adapter there is.
        this.provider = SmsConfig.NONE.equals(sms.provider()) ? SmsConfig.TWILIO : sms.provider();
    }

    List<ApiRoute> routes() {
        return List.of(
                ApiRoute.get("/api/stations/{station}/sms", PRESENT, locate::station, this::inbox),
                ApiRoute.post("/api/stations/{station}/sms", MANAGE, locate::station, this::send),
                ApiRoute.get("/api/airings/{airing}/sms", PRESENT, locate::airing,
                        request -> Reply.ok(stores.sms().inbox(request.found(Airing.class).id()))));
    }

    private Reply inbox(ApiRequest request) {
        Window window = Window.of(request, Duration.ofDays(1), Duration.ofMinutes(1));
        return Reply.ok(stores.sms().inbox(request.found(Station.class).id(), window.from(), window.to()));
    }

    private Reply send(ApiRequest request) {
        Station station = request.found(Station.class);
        Send send = request.body(Send.class);
        PhoneNumber from = stores.stations().numbers(station.id()).stream().filter(StationNumber::sms).map(StationNumber::number)
                .findFirst().orElseThrow(() -> new DomainException.Conflict(station.id() + " has no number that sends SMS"));
        String batch = UUID.randomUUID().toString();
        List<SmsMessage> queued = new ArrayList<>();
        for (PhoneNumber to : recipients(station, send)) {
            queued.add(stores.outbox().enqueue(OutboundSms.of(station.networkId(), station.id(), provider, from, to, send.body(),
                    "console:" + batch + ":" + to.value()), request.now()));
        }
        audit.record(request, "sms.send", "station", station.id().value(), null, new Queued(queued));
        return new Reply.Json(202, new Queued(queued));
    }

    private List<PhoneNumber> recipients(Station station, Send send) {
        return switch (send.to() == null ? "" : send.to()) {
            case "host" -> {
                if (send.host() == null) {
                    throw ApiProblem.badRequest("sending to a host needs the host's id");
                }
                Host host = stores.hosts().get(new HostId(send.host()));
                if (!stores.hosts().stationsOf(host.id()).contains(station.id())) {
                    throw new DomainException.NotFound(host.id() + " does not present on " + station.id());
                }
                yield List.of(host.phoneNumber());
            }
            case "subscribers" -> stores.subscriptions().subscribers(station.id(),
                    send.program() == null ? null : new ProgramId(send.program()));
            default -> throw ApiProblem.badRequest("to must be \"host\" or \"subscribers\", got \"" + send.to() + "\"");
        };
    }
}

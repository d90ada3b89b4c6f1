package org.baraza.server.api;

import static org.baraza.server.auth.Permission.MANAGE;
import static org.baraza.server.auth.Permission.PRESENT;

import java.time.Instant;
import java.util.List;

import org.baraza.core.Ids.AiringId;
import org.baraza.core.PhoneNumber;
import org.baraza.core.airing.Airing;
import org.baraza.core.db.Stores;
import org.baraza.core.poll.Poll;
import org.baraza.core.poll.PollOptionSettings;
import org.baraza.core.poll.PollSettings;
import org.baraza.core.poll.PollTally;
import org.baraza.core.station.Station;

/** Polls: those open on a station, a show's, one with its tally so far, and setting one up. */
final class PollRoutes {

    record OptionBody(int position, String label, String smsKeyword, String dtmfDigit, String missedCallNumber) {
        PollOptionSettings settings() {
            return new PollOptionSettings(position, label, smsKeyword, dtmfDigit,
                    missedCallNumber == null ? null : PhoneNumber.parse(missedCallNumber));
        }
    }

    /** @param airing the show it belongs to, on the same station; null for a poll of the station */
    record PollBody(Long airing, String question, Instant opensAt, Instant closesAt, List<OptionBody> options) {
    }

    record PollDetail(Poll poll, PollTally tally) {
    }

    private final Stores stores;
    private final Locate locate;
    private final Audit audit;

    PollRoutes(Stores stores, Locate locate, Audit audit) {
        this.stores = stores;
        this.locate = locate;
        this.audit = audit;
    }

    List<ApiRoute> routes() {
        return List.of(
                ApiRoute.get("/api/stations/{station}/polls", PRESENT, locate::station,
                        request -> Reply.ok(stores.polls().open(request.found(Station.class).id(), request.instant("at", request.now())))),
                ApiRoute.post("/api/stations/{station}/polls", MANAGE, locate::station, this::create),
                ApiRoute.get("/api/polls/{poll}", PRESENT, locate::poll, this::detail),
                ApiRoute.get("/api/airings/{airing}/polls", PRESENT, locate::airing,
                        request -> Reply.ok(stores.polls().ofAiring(request.found(Airing.class).id()))));
    }

    private Reply create(ApiRequest request) {
        Station station = request.found(Station.class);
        PollBody body = request.body(PollBody.class);
        List<PollOptionSettings> options = body.options() == null ? List.of() : body.options().stream().map(OptionBody::settings).toList();
        Poll poll = stores.polls().create(new PollSettings(station.id(), body.airing() == null ? null : new AiringId(body.airing()),
                body.question(), body.opensAt(), body.closesAt(), options));
        audit.record(request, "poll.create", "poll", poll.id().value(), null, poll);
        return Reply.created(poll);
    }

    private Reply detail(ApiRequest request) {
        Poll poll = request.found(Poll.class);
        return Reply.ok(new PollDetail(poll, stores.polls().tally(poll.id())));
    }
}

package org.baraza.core.call;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.baraza.core.PhoneNumber;
import org.baraza.core.people.Host;
import org.baraza.core.station.Station;

/**
 * What the telephony server needs of the database for each mod_httapi request of a call, each request in one
 * transaction on one connection: a caller's call costs a handful of statements and one commit per request,
 * not a pool checkout and a commit per statement. Under load that is the difference between answering in
 * milliseconds and queueing for the pool (README, "Performance").
 *
 * <p>Thread-safe and stateless; the caller passes every "now".
 */
public interface InboundCalls {

    /**
     * A request of a call in progress, as the call log and the station's records see it.
     *
     * @param call      the call, with its request count taken
     * @param seq       the request count after this request: what Baraza's next document carries
     * @param station   the station the call is for; null when no station has the number dialled
     * @param caller    the caller's numbers as the station's records may hold them ({@link PhoneNumber#candidates})
     * @param blocked   the caller is blocked on the station (or its whole network)
     * @param known     the network knows the caller (they called or texted before)
     * @param hostOnNow a host of a live show of the station being prepared or on air, calling from their own
     *                  number; only looked for when asked
     * @param pollAnswer the number dialled is the missed-call number of an answer of one of the station's polls open
     *                  now (a vote, not a call); only looked for on a call's first request
     */
    record Turn(Call call, int seq, Station station, List<PhoneNumber> caller, boolean blocked, boolean known,
                Optional<Host> hostOnNow, boolean pollAnswer) {
        public Turn {
            caller = List.copyOf(caller);
        }
    }

    /**
     * Takes a request of a call that has seen {@code seen} requests. The first request of a call nobody has
     * logged yet logs it, with its listener leg and the station the number dialled reaches (the number as
     * dialled, then as E.164, then the number it was forwarded from), and notes the caller as seen; a call
     * Baraza placed (a call-back) is already logged and is only counted.
     *
     * @param arriving  the call as its request describes it: used only when the call is new
     * @param dialled   the numbers that may reach its station, in order of preference
     * @param findHost  look for a host of a live show on now calling from their number
     * @return empty when the call has seen another number of requests, has ended, or was never logged and this
     *         is not its first request (a replayed or forged request): nothing is changed
     */
    Optional<Turn> take(NewCall arriving, int seen, List<PhoneNumber> dialled, String node, boolean findHost, Instant now);

    /**
     * The call's exiting request (the caller hung up, or Baraza's document ended the call): the leg that carried
     * the requests is ended without a cause (the daemon records FreeSWITCH's), and an inbound call is ended with
     * its disposition; the request count moves on, so the same exiting request cannot be taken twice.
     *
     * @return the call as it ended; empty when it has seen another number of requests or has ended already
     */
    Optional<Call> end(UUID call, int seen, CallDisposition disposition, Instant at);
}

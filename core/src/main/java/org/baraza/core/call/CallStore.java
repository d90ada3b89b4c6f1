package org.baraza.core.call;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

import org.baraza.core.Ids.AiringId;
import org.baraza.core.Ids.StationId;

/**
 * The call log (CDR): calls and their legs, as the telephony server and the station daemon see them
 * begin, be answered and end. Each change checks the current state in the statement that makes it, so a
 * repeated event is refused rather than recorded twice. Thread-safe and stateless.
 */
public interface CallStore {

    /**
     * @throws org.baraza.core.DomainException.AlreadyExists when a call with that id is recorded already
     * @throws org.baraza.core.DomainException.NotFound      when the station or airing does not exist
     */
    Call start(NewCall call);

    /**
     * Adds a leg to a call; it takes the call's station and airing.
     *
     * @throws org.baraza.core.DomainException.AlreadyExists when a leg with that uuid is recorded already
     * @throws org.baraza.core.DomainException.NotFound      when the call does not exist
     */
    Leg addLeg(NewLeg leg);

    /**
     * A call Baraza places and its one leg, in one transaction: both are logged, or neither.
     *
     * @throws org.baraza.core.DomainException.AlreadyExists when the call or the leg is recorded already
     * @throws org.baraza.core.DomainException.NotFound      when the station or airing does not exist
     */
    Leg startWithLeg(NewCall call, NewLeg leg);

    /**
     * Ends a leg as {@link #markLegEnded} does and, when it ended now, its call with the disposition, in one
     * transaction: for a call Baraza placed whose one leg is the call.
     *
     * @throws org.baraza.core.DomainException.Conflict when the leg has ended already, with its cause
     * @throws org.baraza.core.DomainException.Invalid  when the hangup is before the leg was created
     */
    Leg markEndedWithLeg(UUID leg, Hangup hangup, CallDisposition disposition);

    /**
     * @throws org.baraza.core.DomainException.Conflict when the leg was answered already or has ended
     * @throws org.baraza.core.DomainException.Invalid  when {@code at} is before the leg was created
     */
    Leg markLegAnswered(UUID leg, Instant at);

    /**
     * Ends a leg. A leg ended without a cause (the telephony server saw the call end) takes the cause when it
     * comes (the station daemon heard FreeSWITCH's hangup); its end time stays the first one.
     *
     * @throws org.baraza.core.DomainException.Conflict when the leg has ended already, with its cause
     * @throws org.baraza.core.DomainException.Invalid  when the hangup is before the leg was created
     */
    Leg markLegEnded(UUID leg, Hangup hangup);

    /**
     * What a leg turned out to be (a listener who asked to speak is a caller; a host who called in) and the
     * airing it joined, when it joined one.
     *
     * @throws org.baraza.core.DomainException.NotFound when there is no such leg
     * @throws org.baraza.core.DomainException.Conflict when the leg has ended already
     */
    Leg markLegRole(UUID leg, LegRole role, AiringId airing);

    /**
     * Takes the next mod_httapi request of a call: succeeds, returning the new count, only when the call has
     * seen exactly {@code seen} requests and has not ended. Anything else (a replayed or forged request, a
     * request of an ended call) changes nothing and gives empty.
     */
    OptionalInt nextHttapiRequest(UUID call, int seen);

    /** How many mod_httapi requests the call has seen; empty when there is no such call. */
    OptionalInt httapiRequests(UUID call);

    /**
     * @throws org.baraza.core.DomainException.Conflict when the call was answered already or has ended
     * @throws org.baraza.core.DomainException.Invalid  when {@code at} is before the call started
     */
    Call markAnswered(UUID call, Instant at);

    /**
     * @throws org.baraza.core.DomainException.Conflict when the call has ended already
     * @throws org.baraza.core.DomainException.Invalid  when {@code at} is before the call started
     */
    Call markEnded(UUID call, Instant at, CallDisposition disposition);

    Optional<CallDetail> find(UUID call);

    /** @throws org.baraza.core.DomainException.NotFound when there is no such call */
    CallDetail get(UUID call);

    Optional<Leg> findLeg(UUID leg);

    /** The station's legs not ended yet, oldest first: what to reconcile with FreeSWITCH after a restart. */
    List<Leg> openLegs(StationId station);

    /**
     * The station's calls that started from {@code from} (inclusive) until {@code to} (exclusive), oldest first.
     *
     * @param number when not null, only the calls from or to exactly this text
     */
    List<Call> list(StationId station, Instant from, Instant to, String number);
}

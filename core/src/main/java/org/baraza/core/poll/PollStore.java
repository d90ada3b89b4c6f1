package org.baraza.core.poll;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.baraza.core.Ids.AiringId;
import org.baraza.core.Ids.PollId;
import org.baraza.core.Ids.PollOptionId;
import org.baraza.core.Ids.StationId;
import org.baraza.core.PhoneNumber;

/**
 * Polls, their answers and votes. The database holds the rule that matters most: one vote per phone
 * number per poll, whatever the channel, even when two votes arrive at once. Thread-safe and stateless.
 */
public interface PollStore {

    /**
     * Creates the poll and its options in one transaction.
     *
     * @throws org.baraza.core.DomainException.NotFound      when the station or the airing does not exist
     * @throws org.baraza.core.DomainException.Invalid       when the airing is on another station
     * @throws org.baraza.core.DomainException.AlreadyExists when two options share a position, keyword, key or number
     */
    Poll create(PollSettings settings);

    Optional<Poll> find(PollId id);

    /** @throws org.baraza.core.DomainException.NotFound when there is no such poll */
    Poll get(PollId id);

    /** The station's polls open at {@code at}, the most recently opened first. */
    List<Poll> open(StationId station, Instant at);

    /** The polls of a show, in the order they open. */
    List<Poll> ofAiring(AiringId airing);

    /**
     * Records a vote cast at {@code castAt}.
     *
     * @throws org.baraza.core.DomainException.AlreadyExists when the number has voted in the poll, by any channel
     * @throws org.baraza.core.DomainException.Conflict      when the poll is not open at {@code castAt}
     * @throws org.baraza.core.DomainException.NotFound      when the poll does not exist or the option is not one of its
     */
    PollVote vote(PollId poll, PollOptionId option, PhoneNumber voter, VoteChannel channel, Instant castAt);

    /**
     * The answer with this SMS keyword (any case) among the station's polls open at {@code at}; when two
     * open polls share the keyword, the one opened last wins.
     */
    Optional<PollOption> optionByKeyword(StationId station, String keyword, Instant at);

    /** The answer with this key among the station's polls open at {@code at}; the poll opened last wins. */
    Optional<PollOption> optionByDigit(StationId station, String digit, Instant at);

    /** The answer with this missed-call number among the station's polls open at {@code at}; the poll opened last wins. */
    Optional<PollOption> optionByMissedCallNumber(StationId station, PhoneNumber number, Instant at);

    /** @throws org.baraza.core.DomainException.NotFound when there is no such poll */
    PollTally tally(PollId poll);
}

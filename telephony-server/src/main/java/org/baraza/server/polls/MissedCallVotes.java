package org.baraza.server.polls;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.baraza.core.DomainException;
import org.baraza.core.PhoneNumber;
import org.baraza.core.db.Stores;
import org.baraza.core.poll.PollOption;
import org.baraza.core.poll.VoteChannel;
import org.baraza.core.station.Station;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Votes by missed call: a listener calls the number of a poll's answer and the call is turned away unanswered, so
 * it costs them nothing. An answer's number is one of its station's numbers (so that the switch sends its calls
 * to Baraza and the station is known); it is a vote only while a poll with that answer is open. One vote per
 * phone number per poll, whatever the channel: the database refuses a second.
 *
 * <p>Lives as long as its stores; stateless and thread-safe.
 */
public final class MissedCallVotes {

    private static final Logger LOG = LoggerFactory.getLogger(MissedCallVotes.class);

    /** What became of a call to a number. */
    public enum Result {
        /** Not the number of an answer of an open poll: the call goes on as any other. */
        NOT_A_POLL_NUMBER,
        /** A vote, counted. */
        COUNTED,
        /** The caller had voted in that poll already (by any channel); nothing changed. */
        ALREADY_VOTED,
        /** A poll's number, but the caller's number is hidden or no phone number: no vote. */
        NO_CALLER_NUMBER;

        /** Whether the call was to a poll's answer, and is to be turned away unanswered. */
        public boolean isPollNumber() {
            return this != NOT_A_POLL_NUMBER;
        }
    }

    private final Stores stores;

    public MissedCallVotes(Stores stores) {
        this.stores = stores;
    }

    /**
     * A call from {@code caller} to {@code dialled} (both as the switch reported them: untrusted text, a number with
     * or without its plus) at {@code now}.
     */
    public Result record(String dialled, String caller, Instant now) {
        Optional<PollOption> answer = answer(dialled, now);
        if (answer.isEmpty()) {
            return Result.NOT_A_POLL_NUMBER;
        }
        List<PhoneNumber> voters = PhoneNumber.candidates(caller);
        if (voters.isEmpty()) {
            return Result.NO_CALLER_NUMBER;
        }
        // The caller id as Twilio and the keypad see it too: E.164 when the gateway dropped the plus.
        PhoneNumber voter = voters.getLast();
        try {
            stores.polls().vote(answer.get().pollId(), answer.get().id(), voter, VoteChannel.MISSED_CALL, now);
            LOG.info("{}: a missed-call vote for \"{}\"", answer.get().pollId(), answer.get().label());
            return Result.COUNTED;
        } catch (DomainException.AlreadyExists voted) {
            return Result.ALREADY_VOTED;
        }
    }

    private Optional<PollOption> answer(String dialled, Instant now) {
        for (PhoneNumber number : PhoneNumber.candidates(dialled)) {
            Optional<Station> station = stores.stations().findByNumber(number);
            if (station.isPresent()) {
                return stores.polls().optionByMissedCallNumber(station.get().id(), number, now);
            }
        }
        return Optional.empty();
    }
}

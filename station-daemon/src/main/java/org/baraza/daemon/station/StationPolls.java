package org.baraza.daemon.station;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

import org.baraza.core.DomainException;
import org.baraza.core.Ids.AiringId;
import org.baraza.core.Ids.StationId;
import org.baraza.core.PhoneNumber;
import org.baraza.core.media.Prompts;
import org.baraza.core.poll.OptionTally;
import org.baraza.core.poll.Poll;
import org.baraza.core.poll.PollOption;
import org.baraza.core.poll.PollStore;
import org.baraza.core.poll.VoteChannel;
import org.baraza.programs.line.Vote;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A station's polls as its phones meet them: the poll the listener line offers, keypad votes, and the tally a host
 * hears. Of the station's open polls, the one of the airing concerned wins, else the one opened last. The open
 * polls are read at most once every {@link #FRESH} for the line (each of a listener's requests asks, flashes
 * included), so a poll opened reaches the line within that; a host's tally is read when asked. Used on the
 * station's thread only.
 */
final class StationPolls {

    private static final Logger LOG = LoggerFactory.getLogger(StationPolls.class);
    /** How long the station's open polls, once read, serve the listener line. */
    static final Duration FRESH = Duration.ofSeconds(2);

    private final StationId station;
    private final PollStore store;
    private final Prompts prompts;
    private List<Poll> open = List.of();
    private Instant readAt;

    StationPolls(StationId station, PollStore store, Prompts prompts) {
        this.station = station;
        this.store = store;
        this.prompts = prompts;
    }

    /** The poll listeners vote in by keypad at {@code now} (one with an answer that has a key), {@code onAir}'s first. */
    Optional<Poll> offered(AiringId onAir, Instant now) {
        if (readAt == null || now.isBefore(readAt) || !now.isBefore(readAt.plus(FRESH))) {
            open = read(now);
            readAt = now;
        }
        List<Poll> stillOpen = open.stream().filter(poll -> poll.isOpenAt(now)).toList();
        return pick(stillOpen, onAir, poll -> poll.options().stream().anyMatch(option -> option.dtmfDigit() != null));
    }

    /**
     * A keypad vote for {@code answer} from {@code caller} (the caller id as the switch gave it; counted in E.164
     * when the gateway dropped the plus, as SMS and missed calls count it, so that one phone votes once).
     */
    Vote vote(PollOption answer, String caller, Instant now) {
        List<PhoneNumber> voters = PhoneNumber.candidates(caller);
        if (voters.isEmpty()) {
            return Vote.NOT_COUNTED;
        }
        try {
            store.vote(answer.pollId(), answer.id(), voters.getLast(), VoteChannel.KEYPAD, now);
            LOG.info("{}: a keypad vote for \"{}\" in {}", station, answer.label(), answer.pollId());
            return Vote.COUNTED;
        } catch (DomainException.AlreadyExists voted) {
            return Vote.ALREADY_VOTED;
        } catch (DomainException.Conflict | DomainException.NotFound closed) {
            return Vote.CLOSED;
        } catch (RuntimeException failed) {
            LOG.warn("{}: a keypad vote in {} could not be recorded: {}", station, answer.pollId(), failed.getMessage());
            return Vote.NOT_COUNTED;
        }
    }

    /**
     * What a host of {@code airing} hears of its poll in {@code language}: "answer one, votes: five" for each answer,
     * or "there is no poll open". Nothing when the polls cannot be read (said in the log).
     */
    List<String> tally(AiringId airing, String language, Instant now) {
        try {
            Optional<Poll> poll = pick(store.open(station, now), airing, any -> true);
            if (poll.isEmpty()) {
                return List.of(prompts.path(station, language, "no-poll"));
            }
            List<String> files = new ArrayList<>();
            for (OptionTally answer : store.tally(poll.get().id()).options()) {
                files.add(prompts.path(station, language, "poll-answer"));
                files.addAll(prompts.number(station, language, answer.option().position()));
                files.add(prompts.path(station, language, "votes"));
                files.addAll(prompts.number(station, language, Math.toIntExact(answer.votes())));
            }
            return files;
        } catch (RuntimeException failed) {
            LOG.warn("{}: cannot read the poll's tally for {}: {}", station, airing, failed.getMessage());
            return List.of();
        }
    }

    private List<Poll> read(Instant now) {
        try {
            return store.open(station, now);
        } catch (RuntimeException failed) {
            LOG.warn("{}: cannot read the open polls: {}", station, failed.getMessage());
            return List.of();
        }
    }

    /** Of the polls (the latest opened first), the first of {@code airing} that is {@code usable}, else the first usable. */
    private static Optional<Poll> pick(List<Poll> open, AiringId airing, Predicate<Poll> usable) {
        List<Poll> usableOnes = open.stream().filter(usable).toList();
        return usableOnes.stream().filter(poll -> airing != null && Objects.equals(poll.airingId(), airing)).findFirst()
                .or(() -> usableOnes.stream().findFirst());
    }
}

package org.baraza.core.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.baraza.core.DomainException;
import org.baraza.core.Ids.AiringId;
import org.baraza.core.Ids.PollId;
import org.baraza.core.Ids.PollOptionId;
import org.baraza.core.Ids.StationId;
import org.baraza.core.PhoneNumber;
import org.baraza.core.poll.OptionTally;
import org.baraza.core.poll.Poll;
import org.baraza.core.poll.PollOption;
import org.baraza.core.poll.PollOptionSettings;
import org.baraza.core.poll.PollSettings;
import org.baraza.core.poll.PollStore;
import org.baraza.core.poll.PollVote;
import org.baraza.core.poll.VoteChannel;
import org.baraza.core.station.Network;
import org.baraza.core.station.Station;
import org.baraza.core.testing.Concurrently;
import org.baraza.core.testing.Fixtures;
import org.baraza.core.testing.PostgresExtension;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class PollStoreTest {

    private static final Instant OPENS = Instant.parse("2031-03-04T08:00:00Z");
    private static final Instant CLOSES = OPENS.plus(Duration.ofHours(1));
    private static final Instant DURING = OPENS.plusSeconds(600);
    private static final PhoneNumber VOTER = new PhoneNumber("+256772100200");
    private static final PhoneNumber YES_LINE = new PhoneNumber("+256312100201");
    private static final PhoneNumber NO_LINE = new PhoneNumber("+256312100202");

    private final Jdbi jdbi;
    private final PollStore polls;
    private final Fixtures fixtures;

    PollStoreTest(Jdbi jdbi) {
        this.jdbi = jdbi;
        Stores stores = Stores.on(jdbi);
        this.polls = stores.polls();
        this.fixtures = new Fixtures(stores);
    }

    @Test
    void aPollIsCreatedWithItsOptionsInPositionOrder() {
        Station station = fixtures.station(fixtures.network());
        AiringId show = fixtures.airingRow(jdbi, station, OPENS, Duration.ofHours(1));

        Poll poll = polls.create(new PollSettings(station.id(), show, "  Should the market move to Tuesday?  ", OPENS, CLOSES,
                List.of(new PollOptionSettings(2, "No", "no", "2", NO_LINE),
                        new PollOptionSettings(1, "Yes", " yes ", "1", YES_LINE))));

        assertThat(poll.stationId()).isEqualTo(station.id());
        assertThat(poll.airingId()).isEqualTo(show);
        assertThat(poll.question()).isEqualTo("Should the market move to Tuesday?");
        assertThat(poll.options()).containsExactly(
                new PollOption(poll.options().get(0).id(), poll.id(), 1, "Yes", "YES", "1", YES_LINE),
                new PollOption(poll.options().get(1).id(), poll.id(), 2, "No", "NO", "2", NO_LINE));
        assertThat(polls.get(poll.id())).isEqualTo(poll);
        assertThat(polls.ofAiring(show)).containsExactly(poll);
    }

    @Test
    void twoOptionsWithTheSameKeywordKeyNumberOrPositionAreRefusedAndNothingIsStored() {
        Station station = fixtures.station(fixtures.network());

        assertRefused(station, new PollOptionSettings(1, "Yes", "YES", "1", null), new PollOptionSettings(2, "Yeah", "yes", "2", null),
                "two options of the poll have the keyword YES");
        assertRefused(station, new PollOptionSettings(1, "Yes", "YES", "1", null), new PollOptionSettings(2, "No", "NO", "1", null),
                "two options of the poll have the key 1");
        assertRefused(station, new PollOptionSettings(1, "Yes", null, null, YES_LINE), new PollOptionSettings(2, "No", null, null, YES_LINE),
                "two options of the poll have the missed-call number +256312100201");
        assertRefused(station, new PollOptionSettings(1, "Yes", "YES", null, null), new PollOptionSettings(1, "No", "NO", null, null),
                "two options of the poll have the position 1");
        assertThat(polls.open(station.id(), DURING)).isEmpty();
    }

    @Test
    void aPollOnAMissingStationOrAiringOrAnAiringOfAnotherStationIsRefused() {
        Network network = fixtures.network();
        Station station = fixtures.station(network);
        AiringId otherStationsShow = fixtures.airingRow(jdbi, fixtures.station(network), OPENS, Duration.ofHours(1));

        assertThatThrownBy(() -> polls.create(settings(new StationId(999_999), null)))
                .isInstanceOf(DomainException.NotFound.class).hasMessage("station 999999 does not exist");
        assertThatThrownBy(() -> polls.create(settings(station.id(), new AiringId(999_999))))
                .isInstanceOf(DomainException.NotFound.class).hasMessage("airing 999999 does not exist");
        assertThatThrownBy(() -> polls.create(settings(station.id(), otherStationsShow)))
                .isInstanceOf(DomainException.Invalid.class)
                .hasMessageStartingWith(otherStationsShow + " is on station ").hasMessageEndingWith(", not on " + station.id());
        assertThat(polls.open(station.id(), DURING)).isEmpty();
    }

    @Test
    void pollSettingsAreCheckedBeforeTheDatabaseIsAsked() {
        StationId station = new StationId(1);
        PollOptionSettings yes = new PollOptionSettings(1, "Yes", "YES", null, null);
        assertThatThrownBy(() -> new PollSettings(station, null, "Q?", OPENS, OPENS, List.of(yes, yes)))
                .isInstanceOf(DomainException.Invalid.class)
                .hasMessage("a poll must close after it opens (opens 2031-03-04T08:00:00Z, closes 2031-03-04T08:00:00Z)");
        assertThatThrownBy(() -> new PollSettings(station, null, "Q?", OPENS, CLOSES, List.of(yes)))
                .isInstanceOf(DomainException.Invalid.class).hasMessage("a poll must have 2 to 9 options");
        assertThatThrownBy(() -> new PollSettings(station, null, " ", OPENS, CLOSES, List.of(yes, yes)))
                .isInstanceOf(DomainException.Invalid.class).hasMessage("poll question must not be empty");
        assertThatThrownBy(() -> new PollOptionSettings(1, "Maybe", null, null, null))
                .isInstanceOf(DomainException.Invalid.class)
                .hasMessage("poll option \"Maybe\" needs a keyword, a key or a missed-call number to vote with");
        assertThatThrownBy(() -> new PollOptionSettings(1, "Ndiyo", "ndíyo", null, null))
                .isInstanceOf(DomainException.Invalid.class).hasMessageContaining("poll option keyword must be");
        assertThatThrownBy(() -> new PollOptionSettings(1, "Star", null, "*", null))
                .isInstanceOf(DomainException.Invalid.class).hasMessage("poll option key must be one digit 0-9, got \"*\"");
    }

    @Test
    void aNumberVotesOnceInAPollWhateverTheChannel() {
        Poll poll = polls.create(settings(fixtures.station(fixtures.network()).id(), null));
        PollOption yes = poll.options().get(0);
        PollOption no = poll.options().get(1);

        PollVote vote = polls.vote(poll.id(), yes.id(), VOTER, VoteChannel.SMS, DURING);

        assertThat(vote).isEqualTo(new PollVote(vote.id(), poll.id(), yes.id(), VOTER, VoteChannel.SMS, DURING));
        for (VoteChannel channel : VoteChannel.values()) {
            assertThatThrownBy(() -> polls.vote(poll.id(), no.id(), VOTER, channel, DURING.plusSeconds(1)))
                    .isInstanceOf(DomainException.AlreadyExists.class)
                    .hasMessage("+256772100200 has already voted in " + poll.id());
        }
        assertThat(polls.tally(poll.id()).options()).extracting(OptionTally::votes).containsExactly(1L, 0L);
    }

    @Test
    void theDatabaseItselfKeepsOneVotePerNumberPerPoll() {
        Poll poll = polls.create(settings(fixtures.station(fixtures.network()).id(), null));
        polls.vote(poll.id(), poll.options().get(0).id(), VOTER, VoteChannel.KEYPAD, DURING);

        assertThatThrownBy(() -> jdbi.useHandle(h -> h.execute(
                "insert into poll_votes (poll_id, option_id, voter_number, channel, cast_at) values (?, ?, ?, 'missed_call', now())",
                poll.id().value(), poll.options().get(1).id().value(), VOTER.value())))
                .hasMessageContaining("poll_votes_one_per_voter");
    }

    @Test
    void votesFromOneNumberByThreeChannelsAtOnceCountOnce() throws Exception {
        for (int round = 0; round < 10; round++) {
            Poll poll = polls.create(settings(fixtures.station(fixtures.network()).id(), null));
            List<Boolean> counted = Concurrently.run(
                    () -> counts(poll, 0, VoteChannel.SMS),
                    () -> counts(poll, 1, VoteChannel.KEYPAD),
                    () -> counts(poll, 0, VoteChannel.MISSED_CALL));

            assertThat(counted).containsOnlyOnce(true);
            assertThat(polls.tally(poll.id()).total()).isEqualTo(1);
        }
    }

    @Test
    void aVoteOutsideThePollsWindowIsAConflict() {
        Poll poll = polls.create(settings(fixtures.station(fixtures.network()).id(), null));
        PollOptionId yes = poll.options().get(0).id();

        for (Instant outside : List.of(OPENS.minusMillis(1), CLOSES)) {
            assertThatThrownBy(() -> polls.vote(poll.id(), yes, VOTER, VoteChannel.SMS, outside))
                    .isInstanceOf(DomainException.Conflict.class)
                    .hasMessage(poll.id() + " is not open at " + outside + "; it is open from " + OPENS + " until " + CLOSES);
        }
        assertThat(polls.vote(poll.id(), yes, VOTER, VoteChannel.SMS, OPENS).castAt()).isEqualTo(OPENS);
    }

    @Test
    void aVoteForAnOptionOfAnotherPollOrInAMissingPollIsNotFound() {
        Station station = fixtures.station(fixtures.network());
        Poll poll = polls.create(settings(station.id(), null));
        Poll other = polls.create(settings(station.id(), null));
        PollOptionId foreign = other.options().get(0).id();

        assertThatThrownBy(() -> polls.vote(poll.id(), foreign, VOTER, VoteChannel.KEYPAD, DURING))
                .isInstanceOf(DomainException.NotFound.class)
                .hasMessage(foreign + " is not an option of " + poll.id());
        assertThatThrownBy(() -> polls.vote(new PollId(999_999), foreign, VOTER, VoteChannel.KEYPAD, DURING))
                .isInstanceOf(DomainException.NotFound.class)
                .hasMessage("poll 999999 does not exist");
        assertThat(polls.tally(poll.id()).total()).isZero();
    }

    @Test
    void anOptionIsFoundByKeywordKeyOrMissedCallNumberAmongTheStationsOpenPolls() {
        Network network = fixtures.network();
        Station station = fixtures.station(network);
        Station other = fixtures.station(network);
        Poll poll = polls.create(settings(station.id(), null));
        PollOption yes = poll.options().get(0);
        PollOption no = poll.options().get(1);

        assertThat(polls.optionByKeyword(station.id(), " yes ", DURING)).contains(yes);
        assertThat(polls.optionByDigit(station.id(), "2", DURING)).contains(no);
        assertThat(polls.optionByMissedCallNumber(station.id(), YES_LINE, DURING)).contains(yes);
        assertThat(polls.optionByKeyword(station.id(), "MAYBE", DURING)).isEmpty();
        assertThat(polls.optionByKeyword(station.id(), "YES", CLOSES)).isEmpty();
        assertThat(polls.optionByKeyword(other.id(), "YES", DURING)).isEmpty();
    }

    @Test
    void whenTwoOpenPollsShareAKeywordTheOneOpenedLastWins() {
        Station station = fixtures.station(fixtures.network());
        Poll earlier = polls.create(settings(station.id(), null));
        Poll later = polls.create(new PollSettings(station.id(), null, "Best song tonight?", OPENS.plusSeconds(300), CLOSES,
                List.of(new PollOptionSettings(1, "Song one", "YES", null, null),
                        new PollOptionSettings(2, "Song two", "TWO", null, null))));

        assertThat(polls.optionByKeyword(station.id(), "YES", DURING)).contains(later.options().get(0));
        assertThat(polls.optionByKeyword(station.id(), "YES", OPENS)).contains(earlier.options().get(0));
        assertThat(polls.open(station.id(), DURING)).containsExactly(later, earlier);
    }

    @Test
    void theTallyCountsEachOptionInPositionOrderWithZeroForOptionsWithoutVotes() {
        Poll poll = polls.create(new PollSettings(fixtures.station(fixtures.network()).id(), null, "Which day?", OPENS, CLOSES,
                List.of(new PollOptionSettings(1, "Monday", "MON", "1", null),
                        new PollOptionSettings(2, "Tuesday", "TUE", "2", null),
                        new PollOptionSettings(3, "Friday", "FRI", "3", null))));
        List<PollOption> options = poll.options();
        polls.vote(poll.id(), options.get(2).id(), new PhoneNumber("+256772100301"), VoteChannel.SMS, DURING);
        polls.vote(poll.id(), options.get(2).id(), new PhoneNumber("+256772100302"), VoteChannel.KEYPAD, DURING);
        polls.vote(poll.id(), options.get(0).id(), new PhoneNumber("+256772100303"), VoteChannel.MISSED_CALL, DURING);

        assertThat(polls.tally(poll.id()).options()).containsExactly(
                new OptionTally(options.get(0), 1), new OptionTally(options.get(1), 0), new OptionTally(options.get(2), 2));
        assertThat(polls.tally(poll.id()).total()).isEqualTo(3);
        assertThatThrownBy(() -> polls.tally(new PollId(999_999)))
                .isInstanceOf(DomainException.NotFound.class).hasMessage("poll 999999 does not exist");
    }

    private void assertRefused(Station station, PollOptionSettings first, PollOptionSettings second, String message) {
        assertThatThrownBy(() -> polls.create(new PollSettings(station.id(), null, "Yes or no?", OPENS, CLOSES, List.of(first, second))))
                .isInstanceOf(DomainException.AlreadyExists.class)
                .hasMessage(message);
    }

    private static PollSettings settings(StationId station, AiringId airing) {
        return new PollSettings(station, airing, "Should the market move to Tuesday?", OPENS, CLOSES,
                List.of(new PollOptionSettings(1, "Yes", "YES", "1", YES_LINE),
                        new PollOptionSettings(2, "No", "NO", "2", NO_LINE)));
    }

    /** Whether this vote was the one counted; a refused second vote is the other possible outcome. */
    private boolean counts(Poll poll, int option, VoteChannel channel) {
        try {
            polls.vote(poll.id(), poll.options().get(option).id(), VOTER, channel, DURING);
            return true;
        } catch (DomainException.AlreadyExists refused) {
            return false;
        }
    }
}

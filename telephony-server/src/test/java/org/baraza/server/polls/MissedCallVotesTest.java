package org.baraza.server.polls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import org.baraza.core.DomainException;
import org.baraza.core.PhoneNumber;
import org.baraza.core.db.Stores;
import org.baraza.core.poll.Poll;
import org.baraza.core.poll.PollOption;
import org.baraza.core.poll.VoteChannel;
import org.baraza.core.station.Station;
import org.baraza.core.testing.Fixtures;
import org.baraza.core.testing.PostgresExtension;
import org.baraza.server.TelephonyServer;
import org.baraza.server.polls.MissedCallVotes.Result;
import org.baraza.server.sms.TwilioTesting;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(PostgresExtension.class)
class MissedCallVotesTest {

    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

    private final Stores stores;
    private final Fixtures fixtures;
    private final MissedCallVotes votes;
    private final Station station;
    private final Poll poll;
    private final PhoneNumber listener = Fixtures.uniquePhoneNumber();

    MissedCallVotesTest(Jdbi jdbi) {
        this.stores = Stores.on(jdbi);
        this.fixtures = new Fixtures(stores);
        this.votes = new MissedCallVotes(stores);
        this.station = fixtures.station(fixtures.network());
        this.poll = fixtures.poll(station, null, NOW.minusSeconds(60), NOW.plusSeconds(600));
        // An answer's number reaches its station like any of the station's numbers.
        for (PollOption option : poll.options()) {
            stores.stations().addNumber(station.id(), option.missedCallNumber(), true, false, "poll: " + option.label());
        }
    }

    @Test
    void aCallToAnAnswersNumberIsAVoteForIt() {
        Result result = votes.record(no().missedCallNumber().value(), listener.value(), NOW);

        assertThat(result).isEqualTo(Result.COUNTED);
        assertThat(result.isPollNumber()).isTrue();
        assertThat(stores.polls().tally(poll.id()).options()).extracting(tally -> tally.votes()).containsExactly(0L, 1L);
    }

    @Test
    void aGatewayThatDropsThePlusStillReachesTheAnswerAndTheVoter() {
        String dialled = no().missedCallNumber().value().substring(1);

        assertThat(votes.record(dialled, listener.value().substring(1), NOW)).isEqualTo(Result.COUNTED);
        assertThat(votes.record(dialled, listener.value(), NOW)).isEqualTo(Result.ALREADY_VOTED);
    }

    @Test
    void otherNumbersClosedPollsAndHiddenCallersAreNoVotes() {
        PhoneNumber plain = Fixtures.uniquePhoneNumber();
        stores.stations().addNumber(station.id(), plain, true, true, "main line");

        assertThat(votes.record(plain.value(), listener.value(), NOW)).isEqualTo(Result.NOT_A_POLL_NUMBER);
        assertThat(votes.record("+15005550006", listener.value(), NOW)).isEqualTo(Result.NOT_A_POLL_NUMBER);
        assertThat(votes.record(no().missedCallNumber().value(), listener.value(), NOW.plusSeconds(600)))
                .isEqualTo(Result.NOT_A_POLL_NUMBER);
        assertThat(votes.record(no().missedCallNumber().value(), "anonymous", NOW)).isEqualTo(Result.NO_CALLER_NUMBER);
        assertThat(stores.polls().tally(poll.id()).total()).isZero();
    }

    /**
     * The same listener votes by SMS (through the signed webhook, over HTTP), by keypad (as the station's call desk
     * records it) and by missed call: one vote, the first.
     */
    @Test
    void aVoteBySmsThenKeypadThenMissedCallCountsOnce(@TempDir Path directory) {
        PhoneNumber smsNumber = Fixtures.uniquePhoneNumber();
        stores.stations().addNumber(station.id(), smsNumber, false, true, "SMS");
        try (TelephonyServer server = TwilioTesting.server(directory, stores, Clock.fixed(NOW, ZoneOffset.UTC))) {
            Map<String, String> text = new LinkedHashMap<>(Map.of("MessageSid", Fixtures.unique("SM"), "From", listener.value(),
                    "To", smsNumber.value(), "Body", "yes"));

            assertThat(TwilioTesting.post(server, "/sms/twilio/inbound", text).body()).contains("your vote for Yes is counted");
        }
        PollOption keyed = stores.polls().optionByDigit(station.id(), "2", NOW).orElseThrow();
        assertThatThrownBy(() -> stores.polls().vote(poll.id(), keyed.id(), listener,
                VoteChannel.KEYPAD, NOW)).isInstanceOf(DomainException.AlreadyExists.class);
        assertThat(votes.record(no().missedCallNumber().value(), listener.value(), NOW)).isEqualTo(Result.ALREADY_VOTED);

        assertThat(stores.polls().tally(poll.id()).options()).extracting(tally -> tally.votes()).containsExactly(1L, 0L);
    }

    private PollOption no() {
        return poll.options().get(1);
    }
}

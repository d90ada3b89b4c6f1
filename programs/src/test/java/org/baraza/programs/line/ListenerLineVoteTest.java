package org.baraza.programs.line;

import static org.assertj.core.api.Assertions.assertThat;
import static org.baraza.programs.line.LineFixtures.ANSWER;
import static org.baraza.programs.line.LineFixtures.ENGLISH;
import static org.baraza.programs.line.LineFixtures.HANGUP;
import static org.baraza.programs.line.LineFixtures.LINE;
import static org.baraza.programs.line.LineFixtures.NO;
import static org.baraza.programs.line.LineFixtures.ON_AIR;
import static org.baraza.programs.line.LineFixtures.POLL;
import static org.baraza.programs.line.LineFixtures.POLLING;
import static org.baraza.programs.line.LineFixtures.YES;
import static org.baraza.programs.line.LineFixtures.answered;
import static org.baraza.programs.line.LineFixtures.at;
import static org.baraza.programs.line.LineFixtures.en;
import static org.baraza.programs.line.LineFixtures.firstDocument;
import static org.baraza.programs.line.LineFixtures.menu;
import static org.baraza.programs.line.LineFixtures.play;
import static org.baraza.programs.line.LineFixtures.pressed;
import static org.baraza.programs.line.LineFixtures.reply;
import static org.baraza.programs.line.LineFixtures.ringing;
import static org.baraza.programs.line.LineFixtures.sw;

import java.util.List;
import java.util.Map;

import org.baraza.core.Ids.PollId;
import org.baraza.core.Ids.PollOptionId;
import org.baraza.core.hub.CallDocument.Menu;
import org.baraza.core.poll.Poll;
import org.baraza.core.poll.PollOption;
import org.baraza.programs.line.LineFixtures.Row;
import org.baraza.programs.line.Outcome.Reply;
import org.baraza.programs.line.Outcome.Votes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Voting by keypad: the main menu's offer while a poll is open, the poll's answers read, a key that votes, and after. */
class ListenerLineVoteTest {

    private static final Map<String, String> MAIN = at("main", "en", 1, 0);
    private static final Map<String, String> VOTE = at("vote", "en", 1, 0, 5);
    private static final Menu WELCOME = menu("123", en("welcome"));
    private static final Menu WELCOME_AND_POLL = menu("1234", en("welcome"), en("poll-offer"));
    private static final Menu ANSWERS = menu("12", en("poll-question"), en("poll-answer"), en("1"), en("press"), en("1"),
            en("poll-answer"), en("2"), en("press"), en("2"));

    /** A poll by SMS only: no answer has a key. */
    private static final Air SMS_POLL = ON_AIR.withPoll(new Poll(POLL.id(), POLL.stationId(), null, POLL.question(), POLL.opensAt(),
            POLL.closesAt(), POLL.createdAt(), List.of(withKey(YES, null), withKey(NO, null))));
    /** Another poll, opened since: its answers have keys 7 and 8. */
    private static final Air NEXT_POLL = ON_AIR.withPoll(new Poll(new PollId(6), POLL.stationId(), null, "Rain today?", POLL.opensAt(),
            POLL.closesAt(), POLL.createdAt(), List.of(withKey(YES, "7"), withKey(NO, "8"))));

    static List<Row> offer() {
        return List.of(
                new Row("the main menu offers the open poll on 4", LINE, answered(pressed(at("language", "en", 1, 0), "1")),
                        POLLING, reply(MAIN, WELCOME_AND_POLL)),
                new Row("in the caller's language", LINE, answered(pressed(at("language", "en", 1, 0), "2")), POLLING,
                        reply(at("main", "sw", 1, 0), menu("1234", sw("welcome"), sw("poll-offer")))),
                new Row("from the first document of a station that answers at once", ENGLISH, ringing(Map.of()), POLLING,
                        new Reply(firstDocument(MAIN, ANSWER, WELCOME_AND_POLL))),
                new Row("a poll whose answers have no keys is not offered", LINE, answered(pressed(at("language", "en", 1, 0), "1")),
                        SMS_POLL, reply(MAIN, WELCOME)),
                new Row("4 reads each answer with a key, in order, and waits for one", LINE, answered(pressed(MAIN, "4")), POLLING,
                        reply(VOTE, ANSWERS)),
                new Row("4 with no poll open is not a choice", LINE, answered(pressed(MAIN, "4")), ON_AIR,
                        reply(at("main", "en", 2, 0), play(en("not-a-choice")), WELCOME)),
                new Row("4 with a poll by SMS only is not a choice", LINE, answered(pressed(MAIN, "4")), SMS_POLL,
                        reply(at("main", "en", 2, 0), play(en("not-a-choice")), WELCOME)),
                new Row("a caller read the poll already is not offered it again", LINE,
                        answered(pressed(at("main", "en", 1, 0, 5), "4")), POLLING,
                        reply(at("main", "en", 2, 0, 5), play(en("not-a-choice")), WELCOME)),
                new Row("but is offered a poll opened since", LINE, answered(at("main", "en", 1, 0, 5)), NEXT_POLL,
                        reply(at("main", "en", 2, 0, 5), play(en("not-a-choice")), WELCOME_AND_POLL)));
    }

    static List<Row> answers() {
        return List.of(
                new Row("an answer's key votes for it", LINE, answered(pressed(VOTE, "2")), POLLING, new Votes(NO)),
                new Row("so does the first answer's", LINE, answered(pressed(VOTE, "1")), POLLING, new Votes(YES)),
                new Row("the key of no answer is not a choice, and the answers are read again", LINE,
                        answered(pressed(VOTE, "3")), POLLING,
                        reply(at("vote", "en", 2, 0, 5), play(en("not-a-choice")), ANSWERS)),
                new Row("no key is not a choice either", LINE, answered(VOTE), POLLING,
                        reply(at("vote", "en", 2, 0, 5), play(en("not-a-choice")), ANSWERS)),
                new Row("after the last try, goodbye", LINE, answered(at("vote", "en", 3, 0, 5)), POLLING,
                        reply(at("bye", "en", 0, 0, 5), play(en("not-a-choice"), en("goodbye")), HANGUP)),
                new Row("the poll closed meanwhile: no poll open, and the menu", LINE, answered(pressed(VOTE, "1")), ON_AIR,
                        reply(at("main", "en", 1, 0, 5), play(en("no-poll")), WELCOME)),
                new Row("another poll opened meanwhile: the key is not its, and the menu offers it", LINE,
                        answered(pressed(VOTE, "1")), NEXT_POLL,
                        reply(at("main", "en", 1, 0, 5), play(en("no-poll")), WELCOME_AND_POLL)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"offer", "answers"})
    void answersTheRequest(Row row) {
        assertThat(row.line().next(row.given(), row.air())).isEqualTo(row.then());
    }

    @ParameterizedTest(name = "a vote {0} is said, then the main menu without the poll")
    @EnumSource(Vote.class)
    void aVoteIsSaidThenTheMenu(Vote vote) {
        String said = switch (vote) {
            case COUNTED -> "vote-counted";
            case ALREADY_VOTED -> "already-voted";
            case CLOSED -> "no-poll";
            case NOT_COUNTED -> "vote-not-counted";
        };
        assertThat(LINE.voted(answered(pressed(VOTE, "2")), vote, POLLING))
                .isEqualTo(((Reply) reply(at("main", "en", 1, 0, 5), play(en(said)), WELCOME)).document());
    }

    private static PollOption withKey(PollOption option, String key) {
        return new PollOption(new PollOptionId(option.id().value() + 10), option.pollId(), option.position(), option.label(),
                option.smsKeyword(), key, null);
    }
}

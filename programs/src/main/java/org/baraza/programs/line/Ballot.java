package org.baraza.programs.line;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.baraza.core.poll.Poll;
import org.baraza.core.poll.PollOption;

/**
 * The open poll as the line puts it to a caller: its answers that have a key, in position order. The poll's
 * question and labels are text, which a phone cannot play: the caller hears "answer one, press one ..." and
 * knows the answers from the air (the host reads them), or from the station's own recording of
 * {@link LinePrompt#POLL_QUESTION}. Immutable.
 *
 * @param poll    the poll's id
 * @param answers the answers a key votes for, at least one
 */
record Ballot(long poll, List<PollOption> answers) {

    /** The air's poll, if it has an answer with a key. */
    static Optional<Ballot> of(Air air) {
        return air.poll().map(Ballot::keyed).filter(ballot -> !ballot.answers().isEmpty());
    }

    private static Ballot keyed(Poll poll) {
        List<PollOption> keyed = poll.options().stream().filter(option -> option.dtmfDigit() != null)
                .sorted(Comparator.comparingInt(PollOption::position)).toList();
        return new Ballot(poll.id().value(), keyed);
    }

    /** The keys of the answers, in order. */
    String keys() {
        StringBuilder keys = new StringBuilder();
        answers.forEach(answer -> keys.append(answer.dtmfDigit()));
        return keys.toString();
    }

    /** The answer {@code key} votes for. */
    Optional<PollOption> answer(String key) {
        return answers.stream().filter(answer -> answer.dtmfDigit().equals(key)).findFirst();
    }

    /**
     * What the caller hears: the question's prompt, then each answer's number and key ("answer two, press two"),
     * with {@code prompt} naming a line prompt's file and {@code number} a number's, in the caller's language.
     */
    List<String> read(Function<LinePrompt, String> prompt, Function<Integer, String> number) {
        List<String> files = new ArrayList<>();
        files.add(prompt.apply(LinePrompt.POLL_QUESTION));
        for (PollOption answer : answers) {
            files.add(prompt.apply(LinePrompt.POLL_ANSWER));
            files.add(number.apply(answer.position()));
            files.add(prompt.apply(LinePrompt.PRESS));
            files.add(number.apply(Integer.parseInt(answer.dtmfDigit())));
        }
        return files;
    }
}

package org.baraza.programs.line;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.baraza.core.poll.Poll;

/**
 * What a station has on air, and the poll it puts to its listeners, as a listener's request is answered: the
 * station daemon builds one for each request, from what its station actor knows at that moment. Immutable.
 *
 * @param conference   the conference where the air is (the airing's on-air bus), if the station is on air
 * @param filler       the station's filler (absolute paths), played to a caller directly when there is no
 *                     conference to join; ignored when there is one
 * @param takesCallers whether a live show on air takes callers who ask to speak (only with a conference)
 * @param poll         the poll open now that listeners may vote in by keypad; the line offers it only when at least
 *                     one of its answers has a key
 */
public record Air(Optional<String> conference, List<String> filler, boolean takesCallers, Optional<Poll> poll) {

    public Air {
        Objects.requireNonNull(conference, "conference");
        Objects.requireNonNull(poll, "poll");
        if (conference.isPresent() && conference.get().isBlank()) {
            throw new IllegalArgumentException("the air's conference has no name");
        }
        filler = List.copyOf(filler);
        for (String file : filler) {
            if (!file.startsWith("/")) {
                throw new IllegalArgumentException("filler is played by absolute path, not " + file);
            }
        }
        if (takesCallers && conference.isEmpty()) {
            throw new IllegalArgumentException("a show that takes callers is on air in a conference");
        }
    }

    /** On air in {@code conference}; {@code takesCallers} when a live show there takes callers. No poll. */
    public static Air onAir(String conference, boolean takesCallers) {
        return new Air(Optional.of(conference), List.of(), takesCallers, Optional.empty());
    }

    /** Off air, with this filler to play to listeners (none at all: silent). No poll. */
    public static Air offAir(List<String> filler) {
        return new Air(Optional.empty(), filler, false, Optional.empty());
    }

    /** The same air, with {@code poll} open for keypad votes. */
    public Air withPoll(Poll poll) {
        return new Air(conference, filler, takesCallers, Optional.of(poll));
    }
}

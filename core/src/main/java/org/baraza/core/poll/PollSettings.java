package org.baraza.core.poll;

import java.time.Instant;
import java.util.List;

import org.baraza.core.DomainException;
import org.baraza.core.Ids.AiringId;
import org.baraza.core.Ids.StationId;
import org.baraza.core.Require;

/**
 * A poll as a manager or host sets it up, checked on construction: a question, a window, and 2 to 9
 * answers. The database refuses two answers with the same position, keyword, key or number.
 *
 * @param airing the show it belongs to, on the same station; null for a poll of the station
 */
public record PollSettings(
        StationId station,
        AiringId airing,
        String question,
        Instant opensAt,
        Instant closesAt,
        List<PollOptionSettings> options) {

    public PollSettings {
        Require.present("poll station", station);
        if (question == null || question.isBlank()) {
            throw new DomainException.Invalid("poll question must not be empty");
        }
        question = Require.optionalText("poll question", question.strip(), 500);
        Require.present("poll opening time", opensAt);
        Require.present("poll closing time", closesAt);
        if (!closesAt.isAfter(opensAt)) {
            throw new DomainException.Invalid("a poll must close after it opens (opens " + opensAt + ", closes " + closesAt + ")");
        }
        if (options == null || options.size() < 2 || options.size() > 9) {
            throw new DomainException.Invalid("a poll must have 2 to 9 options");
        }
        options = List.copyOf(options);
    }
}

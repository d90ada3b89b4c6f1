package org.baraza.core.poll;

import java.util.List;

import org.baraza.core.Ids.PollId;

/** The votes of a poll so far, per answer in position order; answers without votes count zero. */
public record PollTally(PollId pollId, List<OptionTally> options) {

    public PollTally {
        options = List.copyOf(options);
    }

    public long total() {
        return options.stream().mapToLong(OptionTally::votes).sum();
    }
}

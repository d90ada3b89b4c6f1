package org.baraza.core.poll;

import java.time.Instant;

import org.baraza.core.Ids.PollId;
import org.baraza.core.Ids.PollOptionId;
import org.baraza.core.PhoneNumber;

/** A listener's one vote in a poll. */
public record PollVote(long id, PollId pollId, PollOptionId optionId, PhoneNumber voterNumber, VoteChannel channel, Instant castAt) {
}

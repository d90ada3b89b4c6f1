package org.baraza.core.poll;

import org.baraza.core.Ids.PollId;
import org.baraza.core.Ids.PollOptionId;
import org.baraza.core.PhoneNumber;

/**
 * One answer of a poll and the ways to vote for it; each way is null when the answer has none.
 *
 * @param smsKeyword       the word to text, upper-case ({@code YES})
 * @param dtmfDigit        the key to press on the listener line ({@code "1"})
 * @param missedCallNumber the number to call and hang up on
 */
public record PollOption(
        PollOptionId id,
        PollId pollId,
        int position,
        String label,
        String smsKeyword,
        String dtmfDigit,
        PhoneNumber missedCallNumber) {
}

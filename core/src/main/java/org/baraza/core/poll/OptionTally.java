package org.baraza.core.poll;

/** How many votes one answer has. */
public record OptionTally(PollOption option, long votes) {
}

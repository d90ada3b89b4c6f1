package org.baraza.sms.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The per-sender rate limit: at most one message per interval from each number. A message that must wait
 * is given its own later turn (the second in line one interval after the first, and so on), so that waiting
 * messages come back one at a time instead of all at once. Held by one worker, in memory: two workers pace
 * their own sends only. Thread-confined to its worker.
 */
final class SenderPacing {

    private record Turns(Instant nextFree, int waiting) {
    }

    private final Duration interval;
    private final Map<String, Turns> senders = new HashMap<>();

    SenderPacing(Duration interval) {
        this.interval = interval;
    }

    /** {@code now} when the sender may send now (its turn is taken), else when the message should come back. */
    Instant admit(String sender, Instant now) {
        Turns turns = senders.get(sender);
        if (turns == null || !now.isBefore(turns.nextFree())) {
            senders.put(sender, new Turns(now.plus(interval), 0));
            return now;
        }
        senders.put(sender, new Turns(turns.nextFree(), turns.waiting() + 1));
        return turns.nextFree().plus(interval.multipliedBy(turns.waiting()));
    }
}

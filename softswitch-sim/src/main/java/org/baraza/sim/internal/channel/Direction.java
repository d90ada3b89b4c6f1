package org.baraza.sim.internal.channel;

import java.util.Locale;

/** Which way a channel was made: {@code outbound} by originate, {@code inbound} from a phone or a loopback B leg. */
public enum Direction {
    INBOUND, OUTBOUND;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}

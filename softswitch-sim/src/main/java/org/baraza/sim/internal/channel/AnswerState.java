package org.baraza.sim.internal.channel;

import java.util.Locale;

/** The {@code Answer-State} header: ringing, early (early media), answered, hangup. */
public enum AnswerState {
    RINGING, EARLY, ANSWERED, HANGUP;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}

package org.baraza.core.alert;

import java.util.Locale;

/** What a station's managers are alerted about. */
public enum AlertKind {
    /** A whole round of the station's transmitter dial strings failed while the station needed the air. */
    TRANSMITTER_UNREACHABLE,
    /** An airing ended failed: it never reached the air. */
    AIRING_FAILED,
    /** Nothing reached the air for longer than the configured silence, while the station should have been on air. */
    SILENCE;

    /** As stored: {@code transmitter_unreachable}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}

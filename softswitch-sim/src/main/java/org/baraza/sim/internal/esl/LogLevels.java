package org.baraza.sim.internal.esl;

import java.util.List;
import java.util.Locale;

/** FreeSWITCH's log level names and numbers (switch_log_str2level), for the {@code log} command. */
final class LogLevels {
    private static final List<String> NAMES = List.of("console", "alert", "crit", "err", "warning", "notice", "info",
            "debug");

    private LogLevels() {
    }

    /** The level's number, or -1 when FreeSWITCH would not know it. */
    static int number(String level) {
        String l = level.trim().toLowerCase(Locale.ROOT);
        if (l.matches("\\d+")) {
            int n = Integer.parseInt(l);
            return n <= 7 ? n : -1;
        }
        return switch (l) {
            case "error" -> 3;
            case "warn" -> 4;
            default -> NAMES.indexOf(l);
        };
    }
}

package org.baraza.core.config;

import java.util.List;

/** How much Baraza logs. */
public record LogConfig(String level) {

    public static final ConfigKey<String> LEVEL = ConfigKey.of("log.level", "info",
            "Least severe level logged: error, warn, info, debug or trace.",
            Parsers.oneOf(List.of("error", "warn", "info", "debug", "trace")));

    static final List<ConfigKey<?>> KEYS = List.of(LEVEL);

    static LogConfig from(Settings s) {
        return new LogConfig(s.get(LEVEL));
    }
}

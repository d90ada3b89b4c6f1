package org.baraza.core.config;

import java.util.List;
import java.util.stream.Stream;

/**
 * Everything Baraza is configured with: immutable, loaded and checked once at start-up by
 * {@link ConfigLoader}, then passed to whatever needs it. Later parts add their sections here.
 */
public record BarazaConfig(DatabaseConfig database, ServerConfig server, FreeSwitchConfig freeSwitch, DaemonConfig daemon,
                           SmsConfig sms, LogConfig log,
                           ConsoleConfig console) {

    /** Every key, in the order the reference documents them. */
    public static final List<ConfigKey<?>> KEYS = Stream.of(DatabaseConfig.KEYS, ServerConfig.KEYS, FreeSwitchConfig.KEYS,
                    DaemonConfig.KEYS, SmsConfig.KEYS, LogConfig.KEYS, ConsoleConfig.KEYS)
            .flatMap(List::stream)
            .toList();

    static BarazaConfig from(Settings settings) {
        return new BarazaConfig(DatabaseConfig.from(settings), ServerConfig.from(settings), FreeSwitchConfig.from(settings),
                DaemonConfig.from(settings), SmsConfig.from(settings), LogConfig.from(settings),
                ConsoleConfig.from(settings));
    }

    public BarazaConfig withDatabase(DatabaseConfig newDatabase) {
        return new BarazaConfig(newDatabase, server, freeSwitch, daemon, sms, log, console);
    }
}

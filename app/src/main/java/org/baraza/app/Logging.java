package org.baraza.app;

import org.baraza.core.config.LogConfig;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;

/** Applies {@code log.level}: Baraza's own loggers at that level, libraries at warn unless debugging. */
final class Logging {
    private Logging() {
    }

    static void apply(LogConfig config) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        Level level = Level.toLevel(config.level(), Level.INFO);
        context.getLogger("org.baraza").setLevel(level);
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(level.isGreaterOrEqual(Level.INFO) ? Level.WARN : level);
    }
}

package org.baraza.core.config;

/**
 * Configuration that Baraza cannot start with. The message is one line that names the key, where its
 * value came from and what is wrong, fit to print as it is before exiting with status 2.
 */
public final class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message, null, false, false);
    }
}

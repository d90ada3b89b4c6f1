package org.baraza.core.config;

import java.util.Locale;

/**
 * One configuration key: its dotted name ({@code database.pool-size}), its default as it would be written
 * in the file, what it means, and how its text becomes a value. Every key can also be set by an
 * environment variable named after it ({@link #environmentVariable()}).
 *
 * @param secret a secret's value is never repeated in error messages
 */
public record ConfigKey<T>(String name, String defaultText, String description, Parser<T> parser, boolean secret) {

    /** Reads a value from its text, or throws {@link IllegalArgumentException} saying what is wrong. */
    @FunctionalInterface
    public interface Parser<T> {
        T parse(String text);
    }

    public static <T> ConfigKey<T> of(String name, String defaultText, String description, Parser<T> parser) {
        return new ConfigKey<>(name, defaultText, description, parser, false);
    }

    public static ConfigKey<String> secret(String name, String description) {
        return new ConfigKey<>(name, "", description, text -> text, true);
    }

    /** {@code database.pool-size} is set by {@code BARAZA_DATABASE_POOL_SIZE}. */
    public String environmentVariable() {
        return "BARAZA_" + name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** The section of the file the key lives in: {@code database} for {@code database.pool-size}. */
    public String section() {
        return name.substring(0, name.lastIndexOf('.'));
    }

    /** The key's name inside its section: {@code pool-size} for {@code database.pool-size}. */
    public String leaf() {
        return name.substring(name.lastIndexOf('.') + 1);
    }
}

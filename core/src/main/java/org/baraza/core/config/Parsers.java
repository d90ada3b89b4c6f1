package org.baraza.core.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The ways configuration text becomes values. Each failure says what was expected. */
final class Parsers {
    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})\\s*(ms|s|m|h)");

    private Parsers() {
    }

    static ConfigKey.Parser<String> text(int maxLength) {
        return text -> {
            if (text.length() > maxLength) {
                throw new IllegalArgumentException("must be at most " + maxLength + " characters");
            }
            return text;
        };
    }

    static ConfigKey.Parser<String> nonBlank(int maxLength) {
        ConfigKey.Parser<String> bounded = text(maxLength);
        return text -> {
            if (text.isBlank()) {
                throw new IllegalArgumentException("must not be empty");
            }
            return bounded.parse(text.strip());
        };
    }

    /** A dial string with {@code {number}} in it ({@link org.baraza.core.DialTemplate}). */
    static ConfigKey.Parser<String> dialTemplate() {
        return text -> {
            try {
                return new org.baraza.core.DialTemplate(text.strip()).template();
            } catch (org.baraza.core.DomainException e) {
                throw new IllegalArgumentException(e.getMessage());
            }
        };
    }

    static ConfigKey.Parser<Integer> integer(int min, int max) {
        return text -> {
            int value;
            try {
                value = Integer.parseInt(text.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("must be a whole number");
            }
            if (value < min || value > max) {
                throw new IllegalArgumentException("must be between " + min + " and " + max);
            }
            return value;
        };
    }

    /** {@code 500ms}, {@code 10s}, {@code 5m}, {@code 2h}. */
    static ConfigKey.Parser<Duration> duration(Duration min, Duration max) {
        return text -> {
            Matcher m = DURATION.matcher(text.strip().toLowerCase(Locale.ROOT));
            if (!m.matches()) {
                throw new IllegalArgumentException("must be a duration such as 500ms, 10s, 5m or 2h");
            }
            long amount = Long.parseLong(m.group(1));
            Duration value = switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofHours(amount);
            };
            if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
                throw new IllegalArgumentException("must be between " + show(min) + " and " + show(max));
            }
            return value;
        };
    }

    static ConfigKey.Parser<String> oneOf(List<String> choices) {
        return text -> {
            String value = text.strip().toLowerCase(Locale.ROOT);
            if (!choices.contains(value)) {
                throw new IllegalArgumentException("must be one of " + String.join(", ", choices));
            }
            return value;
        };
    }

    static ConfigKey.Parser<Integer> oneOfNumbers(List<Integer> choices) {
        return text -> {
            try {
                int value = Integer.parseInt(text.strip());
                if (choices.contains(value)) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // below
            }
            throw new IllegalArgumentException("must be one of " + choices.stream().map(String::valueOf).collect(Collectors.joining(", ")));
        };
    }

    static ConfigKey.Parser<Path> path() {
        return text -> {
            if (text.isBlank()) {
                throw new IllegalArgumentException("must be a path");
            }
            try {
                return Path.of(text.strip());
            } catch (InvalidPathException e) {
                throw new IllegalArgumentException("is not a usable path: " + e.getReason());
            }
        };
    }

    /** {@code embedded}, or a PostgreSQL JDBC URL. */
    static ConfigKey.Parser<String> databaseUrl() {
        return text -> {
            String value = text.strip();
            if (value.equals(DatabaseConfig.EMBEDDED)) {
                return value;
            }
            if (!value.startsWith("jdbc:postgresql://") || value.length() <= "jdbc:postgresql://".length()) {
                throw new IllegalArgumentException(
                        "must be \"embedded\" or a PostgreSQL JDBC URL such as jdbc:postgresql://localhost:5432/baraza");
            }
            return value;
        };
    }

    /** An absolute http(s) URL without a path of its own (paths are added to it). */
    static ConfigKey.Parser<URI> httpUrl() {
        return text -> {
            URI uri;
            try {
                uri = new URI(text.strip());
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("is not a URL: " + e.getReason());
            }
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new IllegalArgumentException("must be an http:// or https:// URL such as https://radio.example.org");
            }
            if (uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/")) {
                throw new IllegalArgumentException("must not have a path: Baraza adds /httapi and the others");
            }
            return uri;
        };
    }

    /** A ZeroMQ TCP endpoint: {@code tcp://host:port}. */
    static ConfigKey.Parser<String> zeroMqEndpoint() {
        return text -> {
            String value = text.strip();
            if (!value.matches("tcp://[A-Za-z0-9.*:\\[\\]-]+:\\d{1,5}")) {
                throw new IllegalArgumentException("must be a ZeroMQ endpoint such as tcp://127.0.0.1:5570");
            }
            return value;
        };
    }

    private static String show(Duration d) {
        if (d.toMillis() % 3_600_000 == 0) {
            return d.toHours() + "h";
        }
        if (d.toMillis() % 60_000 == 0) {
            return d.toMinutes() + "m";
        }
        if (d.toMillis() % 1000 == 0) {
            return d.toSeconds() + "s";
        }
        return d.toMillis() + "ms";
    }
}

package org.baraza.core.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;

/**
 * Reads Baraza's configuration: the defaults, then the TOML file, then {@code BARAZA_*} environment
 * variables, then command-line overrides, each overriding the one before. Every value is checked;
 * the first bad one stops loading with a {@link ConfigException} that names the key, where the value
 * came from and what is wrong. Unknown keys in the file are refused, so that a typo is not silently
 * ignored.
 */
public final class ConfigLoader {

    /** Names the configuration file when {@code --config} does not. */
    public static final String FILE_VARIABLE = "BARAZA_CONFIG";
    /** Read when present and nothing else names a file. */
    public static final Path DEFAULT_FILE = Path.of("baraza.toml");

    /** A value given on the command line, which wins over every other source. */
    public record CommandLineValue(ConfigKey<?> key, String text, String origin) {
    }

    private record Raw(String text, String origin) {
    }

    private ConfigLoader() {
    }

    /**
     * @param file the file named by {@code --config}, if any; otherwise {@link #FILE_VARIABLE} or
     *             {@link #DEFAULT_FILE} is used when present
     */
    public static BarazaConfig load(Optional<Path> file, Map<String, String> environment, List<CommandLineValue> overrides) {
        Map<String, Raw> raw = new HashMap<>();
        configFile(file, environment).ifPresent(path -> raw.putAll(readFile(path)));
        for (ConfigKey<?> key : BarazaConfig.KEYS) {
            String value = environment.get(key.environmentVariable());
            if (value != null) {
                raw.put(key.name(), new Raw(value, "environment variable " + key.environmentVariable()));
            }
        }
        for (CommandLineValue o : overrides) {
            raw.put(o.key().name(), new Raw(o.text(), o.origin()));
        }

        Map<ConfigKey<?>, Object> values = new LinkedHashMap<>();
        for (ConfigKey<?> key : BarazaConfig.KEYS) {
            values.put(key, parse(key, raw.getOrDefault(key.name(), new Raw(key.defaultText(), "the default"))));
        }
        return BarazaConfig.from(new Settings() {
            @Override
            @SuppressWarnings("unchecked")
            public <T> T get(ConfigKey<T> key) {
                return (T) values.get(key);
            }
        });
    }

    /** Defaults only: no file, no environment. */
    public static BarazaConfig defaults() {
        return load(Optional.empty(), Map.of(), List.of());
    }

    private static Optional<Path> configFile(Optional<Path> explicit, Map<String, String> environment) {
        if (explicit.isPresent()) {
            return Optional.of(existing(explicit.get(), "--config"));
        }
        String fromEnvironment = environment.get(FILE_VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return Optional.of(existing(Path.of(fromEnvironment), "environment variable " + FILE_VARIABLE));
        }
        return Files.isRegularFile(DEFAULT_FILE) ? Optional.of(DEFAULT_FILE) : Optional.empty();
    }

    private static Path existing(Path path, String origin) {
        if (!Files.isRegularFile(path)) {
            throw new ConfigException("configuration file " + path + " (from " + origin + ") does not exist");
        }
        return path;
    }

    private static Map<String, Raw> readFile(Path path) {
        JsonNode root;
        try {
            root = new TomlMapper().readTree(path.toFile());
        } catch (JacksonException e) {
            JsonLocation at = e.getLocation();
            String where = at == null || at.getLineNr() < 1 ? "" : " line " + at.getLineNr();
            throw new ConfigException("configuration file " + path + where + " is not valid TOML: "
                    + e.getOriginalMessage().lines().findFirst().orElse("unreadable"));
        } catch (IOException e) {
            throw new ConfigException("cannot read configuration file " + path + ": " + e.getMessage());
        }
        Map<String, Raw> values = new HashMap<>();
        if (root != null) {
            flatten(root, "", path, values);
        }
        return values;
    }

    private static void flatten(JsonNode node, String prefix, Path file, Map<String, Raw> into) {
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String name = prefix + field.getKey();
            JsonNode value = field.getValue();
            if (value.isObject()) {
                flatten(value, name + ".", file, into);
            } else if (!isKnown(name)) {
                throw new ConfigException("configuration file " + file + ": unknown key " + name
                        + knownKeysNear(name));
            } else if (value.isContainerNode()) {
                throw new ConfigException("configuration file " + file + ": " + name + " must be a single value, not a list");
            } else {
                into.put(name, new Raw(value.asText(), "configuration file " + file));
            }
        }
    }

    private static boolean isKnown(String name) {
        return BarazaConfig.KEYS.stream().anyMatch(key -> key.name().equals(name));
    }

    private static String knownKeysNear(String name) {
        String section = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
        String keys = BarazaConfig.KEYS.stream()
                .filter(key -> key.section().equals(section))
                .map(ConfigKey::name)
                .collect(Collectors.joining(", "));
        return keys.isEmpty() ? " (no such section: " + section + ")" : " (known in [" + section + "]: " + keys + ")";
    }

    private static Object parse(ConfigKey<?> key, Raw raw) {
        try {
            return key.parser().parse(raw.text());
        } catch (IllegalArgumentException e) {
            String shown = key.secret() ? "" : " = \"" + raw.text().replaceAll("\\p{Cntrl}", "?") + "\"";
            throw new ConfigException(key.name() + shown + " (from " + raw.origin() + "): " + e.getMessage());
        }
    }
}

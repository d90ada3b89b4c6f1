package org.baraza.core.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

import org.baraza.core.Ids.StationId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Baraza's spoken prompts as FreeSWITCH plays them: files under the media directory, a station's own
 * recording ({@code prompts/station-<id>/<language>/<name>.wav}) before Baraza's default
 * ({@code prompts/default/<language>/<name>.wav}, generated with espeak-ng and installed by {@link #install}),
 * and the first language that has one when the caller's has none. Paths are absolute, as FreeSWITCH
 * needs them. Thread-safe.
 */
public final class Prompts {

    private static final Logger LOG = LoggerFactory.getLogger(Prompts.class);
    private static final String RESOURCES = "/org/baraza/core/prompts/";
    /** Numbers said as one word; larger ones are said digit by digit. */
    public static final int LARGEST_WORD = 20;

    private final Path root;
    /** prompt name → the languages Baraza has a default for, in prompts.tsv's order. */
    private final Map<String, List<String>> defaults;
    private final Map<String, Duration> lengths = new ConcurrentHashMap<>();

    private Prompts(Path mediaDir, Map<String, List<String>> defaults) {
        this.root = mediaDir.toAbsolutePath().normalize().resolve("prompts");
        this.defaults = defaults;
    }

    /**
     * The prompts under {@code mediaDir}, Baraza's defaults copied there first where they are missing or
     * differ. A media directory that cannot be written (FreeSWITCH on another host, whose copy someone
     * installed) is logged and used as it is.
     */
    public static Prompts install(Path mediaDir) {
        Prompts prompts = new Prompts(mediaDir, readIndex());
        prompts.defaults.forEach((name, languages) -> languages.forEach(language -> prompts.installDefault(name, language)));
        return prompts;
    }

    /** The prompts under {@code mediaDir} as they are, without installing anything (tests, read-only hosts). */
    public static Prompts at(Path mediaDir) {
        return new Prompts(mediaDir, readIndex());
    }

    /** The names of the prompts Baraza has. */
    public Set<String> names() {
        return defaults.keySet();
    }

    /**
     * The file to play for a prompt: the station's recording in {@code language}, else Baraza's in
     * {@code language}, else Baraza's in the first language that has it.
     *
     * @throws IllegalArgumentException for a prompt Baraza does not have
     */
    public String path(StationId station, String language, String name) {
        List<String> languages = defaults.get(name);
        if (languages == null) {
            throw new IllegalArgumentException("there is no prompt named " + name);
        }
        if (station != null) {
            Path own = root.resolve("station-" + station.value()).resolve(language).resolve(name + ".wav");
            if (Files.isRegularFile(own)) {
                return own.toString();
            }
        }
        String spoken = languages.contains(language) ? language : languages.getFirst();
        return root.resolve("default").resolve(spoken).resolve(name + ".wav").toString();
    }

    /** The files that say a number: one word up to {@link #LARGEST_WORD}, else its digits one by one. */
    public List<String> number(StationId station, String language, int number) {
        if (number < 0) {
            throw new IllegalArgumentException("no prompt says a negative number: " + number);
        }
        if (number <= LARGEST_WORD) {
            return List.of(path(station, language, Integer.toString(number)));
        }
        List<String> digits = new ArrayList<>();
        for (char digit : Integer.toString(number).toCharArray()) {
            digits.add(path(station, language, String.valueOf(digit)));
        }
        return digits;
    }

    /** How long a prompt file plays (its WAV header says); zero for a file that cannot be read. */
    public Duration length(String path) {
        return lengths.computeIfAbsent(path, Prompts::measure);
    }

    private void installDefault(String name, String language) {
        String resource = RESOURCES + language + "/" + name + ".wav";
        Path target = root.resolve("default").resolve(language).resolve(name + ".wav");
        try (InputStream in = Prompts.class.getResourceAsStream(resource)) {
            if (in == null) {
                LOG.warn("the default prompt {} is missing from Baraza's jar", resource);
                return;
            }
            byte[] bytes = in.readAllBytes();
            if (Files.isRegularFile(target) && Files.size(target) == bytes.length) {
                return;
            }
            Files.createDirectories(target.getParent());
            Path temporary = Files.createTempFile(target.getParent(), name, ".part");
            Files.write(temporary, bytes);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn("cannot install the prompt {} ({}); FreeSWITCH needs it at {}", name, e.getMessage(), target);
        }
    }

    private static Duration measure(String path) {
        try {
            AudioFileFormat format = AudioSystem.getAudioFileFormat(Path.of(path).toFile());
            long frames = format.getFrameLength();
            float rate = format.getFormat().getFrameRate();
            return frames <= 0 || rate <= 0 ? Duration.ZERO : Duration.ofMillis((long) (frames * 1000L / rate));
        } catch (IOException | UnsupportedAudioFileException e) {
            return Duration.ZERO;
        }
    }

    /** prompts.tsv: a header ({@code # name en sw}), then a prompt per line with its text in each language. */
    private static Map<String, List<String>> readIndex() {
        try (InputStream in = Prompts.class.getResourceAsStream(RESOURCES + "prompts.tsv")) {
            if (in == null) {
                throw new IllegalStateException("prompts.tsv is missing from Baraza's jar");
            }
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            List<String> languages = List.of();
            Map<String, List<String>> index = new LinkedHashMap<>();
            for (String line : lines) {
                String[] columns = line.split("\t", -1);
                if (line.startsWith("#")) {
                    languages = List.of(columns).subList(1, columns.length);
                } else if (!line.isBlank()) {
                    List<String> has = new ArrayList<>();
                    for (int i = 1; i < columns.length && i <= languages.size(); i++) {
                        if (!columns[i].isBlank()) {
                            has.add(languages.get(i - 1));
                        }
                    }
                    index.put(columns[0], List.copyOf(has));
                }
            }
            return index;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read prompts.tsv", e);
        }
    }
}

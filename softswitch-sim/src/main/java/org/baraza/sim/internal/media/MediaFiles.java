package org.baraza.sim.internal.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * Finds out how long something FreeSWITCH would play lasts, without playing it: a WAV (or AIFF/AU) file from
 * its header, read by the JDK's audio system; {@code silence_stream://<ms>}; {@code tone_stream://} with
 * the {@code %(on,off,freq...)} cadences FreeSWITCH's default conference profile uses; and
 * {@code file_string://a.wav!b.wav}, the files one after another as mod_file_string plays them. Anything else, or a
 * file that is missing or unreadable, cannot be played, as mod_sndfile could not open it. Relative paths are
 * resolved against FreeSWITCH's sounds directory; absolute ones may be kept under a root directory, so a
 * simulator can use the production paths without touching them. Stateless; safe for any thread.
 */
public final class MediaFiles {
    private static final Pattern SILENCE = Pattern.compile("silence_stream://(\\d+)(?:,\\d+)?");
    private static final Pattern TONE = Pattern.compile("tone_stream://(?:L=(\\d+);)?%\\((\\d+),(\\d+)(?:,[\\d.+]+)*\\)");
    private static final String FILE_STRING = "file_string://";
    /** mod_file_string plays a quarter of a second of silence before its first file. */
    private static final Duration FILE_STRING_LEAD_IN = Duration.ofMillis(250);

    private final Path soundsDirectory;
    private final Path fileRoot;

    /**
     * @param fileRoot where absolute paths live, or null for the real file system: with a root,
     *                 {@code /var/lib/baraza/media/a.wav} is read from {@code <root>/var/lib/baraza/media/a.wav}
     */
    public MediaFiles(Path soundsDirectory, Path fileRoot) {
        this.soundsDirectory = soundsDirectory;
        this.fileRoot = fileRoot;
    }

    /** The file a path FreeSWITCH was given names: relative to the sounds directory, absolute under the root. */
    public Path resolve(String location) {
        if (!location.startsWith("/")) {
            return soundsDirectory.resolve(location);
        }
        return fileRoot == null ? Path.of(location) : fileRoot.resolve(location.substring(1));
    }

    /** What the file or stream lasts, or empty when FreeSWITCH could not play it. */
    public Optional<MediaInfo> inspect(String location) {
        if (location == null || location.isBlank()) {
            return Optional.empty();
        }
        Matcher silence = SILENCE.matcher(location);
        if (silence.matches()) {
            long ms = Long.parseLong(silence.group(1));
            return Optional.of(new MediaInfo(Duration.ofMillis(ms)));
        }
        Matcher tone = TONE.matcher(location);
        if (tone.matches()) {
            long loops = tone.group(1) == null ? 1 : Math.max(1, Long.parseLong(tone.group(1)));
            long ms = loops * (Long.parseLong(tone.group(2)) + Long.parseLong(tone.group(3)));
            return Optional.of(new MediaInfo(Duration.ofMillis(ms)));
        }
        if (location.startsWith(FILE_STRING)) {
            return fileString(location.substring(FILE_STRING.length()));
        }
        if (location.contains("://")) {
            return Optional.empty();
        }
        return wav(resolve(location));
    }

    /**
     * The files of a file_string, separated by {@code !}: one that cannot be opened is skipped, as
     * mod_file_string's next_file skips it, and only a string of which none opens cannot be played. The
     * lead-in silence comes only when the first file opens (mod_file_string adds it at index 0).
     */
    private Optional<MediaInfo> fileString(String files) {
        Duration total = Duration.ZERO;
        boolean any = false;
        String[] parts = files.split("!");
        for (int i = 0; i < parts.length; i++) {
            Optional<MediaInfo> part = parts[i].startsWith(FILE_STRING) ? Optional.empty() : inspect(parts[i]);
            if (part.isPresent()) {
                total = total.plus(part.get().duration()).plus(i == 0 ? FILE_STRING_LEAD_IN : Duration.ZERO);
                any = true;
            }
        }
        return any ? Optional.of(new MediaInfo(total)) : Optional.empty();
    }

    private static Optional<MediaInfo> wav(Path path) {
        if (!Files.isRegularFile(path)) {
            return Optional.empty();
        }
        try {
            AudioFileFormat file = AudioSystem.getAudioFileFormat(path.toFile());
            AudioFormat format = file.getFormat();
            long frames = file.getFrameLength();
            if (frames < 0 || format.getFrameRate() <= 0) {
                return Optional.empty();
            }
            long micros = (long) (frames * 1_000_000L / (double) format.getFrameRate());
            return Optional.of(new MediaInfo(Duration.ofNanos(micros * 1000)));
        } catch (UnsupportedAudioFileException | IOException e) {
            return Optional.empty();
        }
    }
}

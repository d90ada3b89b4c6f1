package org.baraza.server.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.baraza.core.DomainException;

/**
 * Converts an uploaded audio file for telephony with sox (a process per step, arguments as a list, never a shell):
 * mono, 16-bit signed PCM WAV at 8 or 16 kHz, brought to one loudness so that programs do not jump in level.
 *
 * <p>What it does to the sound, in sox's words: {@code gain -6 channels 1 highpass 50 rate -v <rate> gain <dB>}.
 * <ul>
 *   <li>{@code gain -6}: headroom first. sox computes in integers and clips at every effect, and a high-pass filter
 *       rings past full scale on a hard onset; the final gain, measured after it, gives it back;</li>
 *   <li>{@code channels 1}: stereo is averaged to mono (a phone call carries one channel);</li>
 *   <li>{@code highpass 50}: a 2-pole high-pass at 50 Hz takes out DC offset and rumble, which no phone line
 *       carries (wideband G.722 starts at 50 Hz, narrowband at 300 Hz) and which would only eat headroom and
 *       mislead the level measurement;</li>
 *   <li>{@code rate -v}: sox's very-high-quality resampler, which band-limits before decimating;</li>
 *   <li>loudness, in two passes: the first pass runs the same chain into {@code stats} and measures the whole
 *       file's RMS level and its peak; the second applies the one gain that brings the RMS to
 *       {@value #TARGET_RMS_DB} dBFS, at most {@value #MOST_BOOST_DB} dB up (a near-silent file is not pumped up
 *       into hiss); peaks that the gain would push past {@value #PEAK_CEILING_DB} dBFS go through sox's limiter
 *       ({@code gain -l}, then {@value #PEAK_CEILING_DB} dB) rather than being clipped. A file that is silence is refused. A constant gain keeps the
 *       programme's own dynamics; only peaks are touched. -20 dBFS RMS sits a little above EBU R128's -23 LUFS
 *       for broadcast, on purpose: the call path (codec, GSM line, the transmitter phone's audio input) loses
 *       level, and the station's own FM processing follows. sox has no EBU R128 meter (K-weighting, gating),
 *       so this is an unweighted RMS: speech with long pauses reads a little quieter than it sounds and gets a
 *       little more gain. ffmpeg's {@code loudnorm} would be the step up; the measured loudness in LUFS is
 *       therefore left unknown rather than guessed;</li>
 *   <li>16 bits with sox's default dither, seeded the same on every run ({@code -R}), so that the same upload
 *       converts to the same bytes and the library recognises a second upload of it.</li>
 * </ul>
 *
 * <p>Each sox run has a deadline (a damaged or enormous file cannot hold a thread for ever: it is killed and the
 * upload refused), and at most {@code parallel} conversions run at once (each takes a core). What sox says on
 * standard error is kept in the refusal, the server's temporary paths replaced by "the upload".
 *
 * <p>Immutable; thread-safe.
 */
public final class SoxConverter {

    /** The whole file's RMS level uploads are brought to, in dBFS (sox's {@code stats}: a full-scale square is 0). */
    static final double TARGET_RMS_DB = -20.0;
    /** The highest peak a plain gain may leave; beyond it, sox's limiter takes the peaks. */
    static final double PEAK_CEILING_DB = -1.0;
    /** The most a file is raised. */
    static final double MOST_BOOST_DB = 30.0;
    /** Taken off before any effect, and given back by the final gain. */
    static final double HEADROOM_DB = 6.0;
    /** An RMS level at or below this is silence, with nothing to normalise. */
    static final double SILENCE_DB = -70.0;
    private static final Pattern RMS = Pattern.compile("(?m)^RMS lev dB\\s+(\\S+)");
    private static final Pattern PEAK = Pattern.compile("(?m)^Pk lev dB\\s+(\\S+)");
    private static final int MOST_MESSAGE_CHARS = 400;

    /** The files an upload may be. */
    public enum InputFormat {
        WAV, MP3;

        String soxType() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * A converted file.
     *
     * @param measuredRmsDb the upload's RMS level (mono, filtered and resampled), in dBFS
     * @param gainDb        the gain that brought it to the target
     */
    public record Converted(Path file, int durationMs, int sampleRateHz, int channels, double measuredRmsDb, double gainDb) {
    }

    /** sox is missing, or cannot read a format it should: the server's fault, not the upload's. */
    public static final class Unavailable extends RuntimeException {
        Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private record Levels(double rmsDb, double peakDb) {
    }

    private record Run(int exitCode, String out, String err) {
    }

    private final String executable;
    private final int sampleRateHz;
    private final Duration timeout;
    private final Semaphore running;

    /**
     * @param executable   the sox command ({@code sox}, found on the PATH, or a path)
     * @param sampleRateHz what uploads become: 8000 or 16000
     * @param timeout      the longest one sox run may take
     * @param parallel     how many conversions may run at once
     */
    public SoxConverter(String executable, int sampleRateHz, Duration timeout, int parallel) {
        if (sampleRateHz != 8000 && sampleRateHz != 16000) {
            throw new IllegalArgumentException("the sample rate must be 8000 or 16000, got " + sampleRateHz);
        }
        this.executable = executable;
        this.sampleRateHz = sampleRateHz;
        this.timeout = timeout;
        this.running = new Semaphore(Math.max(1, parallel), true);
    }

    /** sox's version line ("sox: SoX v14.4.2"), or empty when sox does not run here. */
    public Optional<String> version() {
        try {
            Run run = run(List.of(executable, "--version"), Path.of(System.getProperty("java.io.tmpdir")));
            return run.exitCode() == 0 ? Optional.of(run.out().strip().replaceAll("\\s+", " ")) : Optional.empty();
        } catch (Unavailable | DomainException e) {
            return Optional.empty();
        }
    }

    /**
     * Converts {@code input} into {@code output} (a new file; its directory holds sox's bits of output meanwhile).
     *
     * @throws DomainException.Invalid when the input is not audio of that format sox can read, is silence, is
     *                                 shorter than a millisecond, or takes longer than the deadline
     * @throws Unavailable             when sox is missing or lacks the format's handler
     */
    public Converted convert(Path input, InputFormat format, Path output) {
        if (input.toAbsolutePath().normalize().equals(output.toAbsolutePath().normalize())) {
            throw new IllegalArgumentException("sox cannot write over what it reads: " + input);
        }
        try {
            running.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to convert", e);
        }
        try {
            Path work = output.toAbsolutePath().getParent();
            List<String> read = List.of(executable, "-V1", "-R", "-t", format.soxType(), input.toString());
            Levels levels = measure(run(concat(read, List.of("-n"), chain(), List.of("stats")), work), format, input);
            double gain = gainFor(levels);
            // Limited: the limiter holds peaks at full scale, then the ceiling is taken off as a plain gain, so that
            // the RMS level still reaches the target and dither has room.
            double applied = gain + HEADROOM_DB;
            List<String> gainEffect = levels.peakDb() + gain > PEAK_CEILING_DB
                    ? List.of("gain", "-l", decibels(applied - PEAK_CEILING_DB), "gain", decibels(PEAK_CEILING_DB))
                    : List.of("gain", decibels(applied));
            List<String> write = List.of("-t", "wav", "-e", "signed-integer", "-b", "16", "-c", "1",
                    "-r", String.valueOf(sampleRateHz), output.toString());
            refuseFailure(run(concat(read, write, chain(), gainEffect), work), format, input);
            Run info = run(List.of(executable, "--i", "-s", output.toString()), work);
            refuseFailure(info, format, input);
            long samples = Long.parseLong(info.out().strip());
            long durationMs = Math.round(samples * 1000.0 / sampleRateHz);
            if (durationMs < 1) {
                throw new DomainException.Invalid("the audio is shorter than a millisecond");
            }
            return new Converted(output, Math.toIntExact(durationMs), sampleRateHz, 1, levels.rmsDb(), gain);
        } finally {
            running.release();
        }
    }

    /** The effects both passes share: everything but the final gain. */
    private List<String> chain() {
        return List.of("gain", decibels(-HEADROOM_DB), "channels", "1", "highpass", "50", "rate", "-v", String.valueOf(sampleRateHz));
    }

    private static double gainFor(Levels levels) {
        if (levels.rmsDb() <= SILENCE_DB) {
            throw new DomainException.Invalid("the audio is silent (its level is " + (Double.isInfinite(levels.rmsDb())
                    ? "nothing at all" : levels.rmsDb() + " dBFS") + "): nothing to put on air");
        }
        return Math.min(TARGET_RMS_DB - levels.rmsDb(), MOST_BOOST_DB);
    }

    private Levels measure(Run run, InputFormat format, Path input) {
        refuseFailure(run, format, input);
        Matcher rms = RMS.matcher(run.err());
        Matcher peak = PEAK.matcher(run.err());
        if (!rms.find() || !peak.find()) {
            throw new IllegalStateException("sox stats gave no levels: " + run.err());
        }
        // Measured after the headroom was taken: the upload's own levels are that much higher.
        return new Levels(level(rms.group(1)) + HEADROOM_DB, level(peak.group(1)) + HEADROOM_DB);
    }

    private static double level(String text) {
        return text.equals("-inf") ? Double.NEGATIVE_INFINITY : Double.parseDouble(text);
    }

    private static String decibels(double gain) {
        return String.format(Locale.ROOT, "%.2f", gain);
    }

    private void refuseFailure(Run run, InputFormat format, Path input) {
        if (run.exitCode() == 0) {
            return;
        }
        String said = said(run.err(), input);
        if (said.contains("no handler for")) {
            throw new Unavailable("sox here cannot read " + format + " (" + said + "); install libsox-fmt-mp3", null);
        }
        throw new DomainException.Invalid("the file is not " + format + " audio that sox can read: " + said);
    }

    /** Runs sox to its end or its deadline, its output in files beside the output: no pipe to drain, no thread to read it. */
    private Run run(List<String> command, Path work) {
        Path out = null;
        Path err = null;
        try {
            out = Files.createTempFile(work, "sox-", ".out");
            err = Files.createTempFile(work, "sox-", ".err");
            Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
                throw new DomainException.Invalid("converting the file took longer than " + timeout.toSeconds()
                        + " s: it may be damaged, or too long for this server");
            }
            return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            if (out == null || err == null) {
                throw new UncheckedIOException("cannot write in " + work, e);
            }
            throw new Unavailable("cannot run " + executable + " (" + e.getMessage() + "); install sox and libsox-fmt-mp3", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sox ran", e);
        } finally {
            delete(out);
            delete(err);
        }
    }

    /** What sox said, on one line, the upload's temporary path (the server's business) replaced by "the upload". */
    private static String said(String stderr, Path input) {
        String text = stderr.strip().replace(input.toString(), "the upload").replaceAll("\\s+", " ");
        return text.length() > MOST_MESSAGE_CHARS ? text.substring(0, MOST_MESSAGE_CHARS) + "…" : text;
    }

    @SafeVarargs
    private static List<String> concat(List<String>... parts) {
        List<String> all = new ArrayList<>();
        for (List<String> part : parts) {
            all.addAll(part);
        }
        return all;
    }

    private static void delete(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // A leftover of a few bytes in the work directory; the next cleanup of the directory takes it.
            }
        }
    }
}

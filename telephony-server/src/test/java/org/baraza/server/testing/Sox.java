package org.baraza.server.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real sox for tests: makes audio to upload (sox synthesises tones and noise) and reads back what a file is.
 * Missing sox: the test is skipped, unless {@code BARAZA_SOX_TESTS=required} (as {@code .ci/run} sets it after
 * installing sox), when it fails.
 */
public final class Sox {

    private Sox() {
    }

    /** Skips the test when sox does not run here, or fails it when sox is required. */
    public static void assumeInstalled() {
        boolean installed;
        try {
            installed = run("sox", "--version").contains("SoX");
        } catch (IllegalStateException e) {
            installed = false;
        }
        if (!installed && "required".equals(System.getenv("BARAZA_SOX_TESTS"))) {
            throw new IllegalStateException("media tests need sox: apt-get install sox libsox-fmt-mp3");
        }
        assumeTrue(installed, "no sox here: apt-get install sox libsox-fmt-mp3");
    }

    /**
     * A sine tone of {@code seconds} at {@code rateHz} with {@code channels}, at {@code amplitude} (0 to 1) of full
     * scale; the file's extension (.wav, .mp3) says its format.
     */
    public static Path tone(Path file, double seconds, int rateHz, int channels, double amplitude) {
        run("sox", "-R", "-n", "-r", String.valueOf(rateHz), "-c", String.valueOf(channels), file.toString(),
                "synth", String.valueOf(seconds), "sine", "440", "vol", String.valueOf(amplitude));
        return file;
    }

    /** The files one after another, as one file (all of one rate and channel count). */
    public static Path join(Path file, Path... parts) {
        List<String> command = new ArrayList<>(List.of("sox"));
        for (Path part : parts) {
            command.add(part.toString());
        }
        command.add(file.toString());
        run(command.toArray(String[]::new));
        return file;
    }

    /** The highest peak of a file in dBFS, by sox's {@code stats}. */
    public static double peakDb(Path file) {
        return stat(file, "Pk lev dB");
    }

    /** Digital silence of {@code seconds}. */
    public static Path silence(Path file, double seconds) {
        run("sox", "-n", "-r", "8000", "-c", "1", file.toString(), "trim", "0", String.valueOf(seconds));
        return file;
    }

    /** What {@code sox --i} says of a file: e.g. {@code -r} its rate, {@code -c} its channels, {@code -b} its bits. */
    public static String info(Path file, String what) {
        return run("sox", "--i", what, file.toString()).strip();
    }

    /** The RMS level of a file in dBFS, by sox's {@code stats}. */
    public static double rmsDb(Path file) {
        return stat(file, "RMS lev dB");
    }

    private static double stat(Path file, String name) {
        String stats = run("sox", file.toString(), "-n", "stats");
        return stats.lines().filter(line -> line.startsWith(name)).map(line -> line.substring(name.length()).strip())
                .mapToDouble(Double::parseDouble).findFirst().orElseThrow();
    }

    /** Runs a command to its end; what it wrote on both streams. */
    private static String run(String... command) {
        try {
            Process process = new ProcessBuilder(new ArrayList<>(List.of(command))).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command[0] + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package org.baraza.sim.testing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/** Writes real WAV files for tests, at the length and rate asked for. */
public final class Media {
    /** hello.wav of the recordings lasted 3.454 s (55268 samples at 16 kHz). */
    public static final Duration HELLO_LENGTH = Duration.ofMillis(3454);

    private Media() {
    }

    public static Path wav(Path file, Duration length, int rate) {
        int frames = (int) (length.toMillis() * rate / 1000);
        AudioFormat format = new AudioFormat(rate, 16, 1, true, false);
        try {
            Files.createDirectories(file.getParent());
            AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(new byte[frames * 2]), format, frames),
                    AudioFileFormat.Type.WAVE, file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** The recordings' media under a file root: /var/lib/baraza/media/hello.wav. */
    public static Path hello(Path root) {
        return wav(root.resolve("var/lib/baraza/media/hello.wav"), HELLO_LENGTH, 16000);
    }
}

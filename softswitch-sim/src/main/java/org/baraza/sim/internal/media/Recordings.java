package org.baraza.sim.internal.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/**
 * Writes what a simulated recording captured: a real WAV file (8 kHz, 16-bit mono, as FreeSWITCH records
 * conferences) of silence lasting as long as the recording ran, so that playing it back later lasts as long
 * too. Written through the JDK's audio system. Stateless; safe for any thread.
 */
public final class Recordings {
    private static final AudioFormat FORMAT = new AudioFormat(8000f, 16, 1, true, false);

    private Recordings() {
    }

    /** Writes the file, creating missing parent directories; returns its size in bytes. */
    public static long writeSilence(Path path, Duration length) throws IOException {
        long frames = Math.max(0, length.toMillis() * 8);
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (AudioInputStream audio = new AudioInputStream(new Zeros(frames * 2), FORMAT, frames)) {
            AudioSystem.write(audio, AudioFileFormat.Type.WAVE, path.toFile());
        }
        return Files.size(path);
    }

    private static final class Zeros extends InputStream {
        private long left;

        Zeros(long bytes) {
            this.left = bytes;
        }

        @Override
        public int read() {
            if (left <= 0) {
                return -1;
            }
            left--;
            return 0;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (left <= 0) {
                return -1;
            }
            int n = (int) Math.min(len, left);
            java.util.Arrays.fill(b, off, off + n, (byte) 0);
            left -= n;
            return n;
        }
    }
}

package org.baraza.app.demo;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/**
 * The demo's recordings, synthesised when it starts (no files to ship, nothing to install): short tunes,
 * one note after another, as 8 kHz mono 16-bit WAV, the telephony format. Each is as long as its notes.
 */
final class DemoMedia {
    private static final float RATE = 8000f;
    private static final double NOTE_SECONDS = 0.5;

    private DemoMedia() {
    }

    /**
     * Writes a tune of {@code notes} (semitones above A4; repeated to fill {@code seconds}) to {@code file}.
     */
    static void tune(Path file, int seconds, int... notes) {
        int frames = (int) (RATE * seconds);
        int perNote = (int) (RATE * NOTE_SECONDS);
        byte[] pcm = new byte[frames * 2];
        for (int i = 0; i < frames; i++) {
            int note = notes[(i / perNote) % notes.length];
            double hertz = 440 * Math.pow(2, note / 12.0);
            double fade = Math.min(1, Math.min(i % perNote, perNote - i % perNote) / 200.0);
            short sample = (short) (Math.sin(2 * Math.PI * hertz * i / RATE) * 6000 * fade);
            pcm[2 * i] = (byte) sample;
            pcm[2 * i + 1] = (byte) (sample >> 8);
        }
        try {
            Files.createDirectories(file.getParent());
            AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(pcm), new AudioFormat(RATE, 16, 1, true, false), frames),
                    AudioFileFormat.Type.WAVE, file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the demo recording " + file, e);
        }
    }
}

package org.baraza.programs;

/**
 * A program's name for one playback it started, so that the end of that playback (and not a stale one)
 * moves it on. Numbered in the order the program starts them.
 */
public record PlaybackId(int sequence) {
    public PlaybackId {
        if (sequence < 1) {
            throw new IllegalArgumentException("playback numbers start at 1, got " + sequence);
        }
    }

    public PlaybackId next() {
        return new PlaybackId(sequence + 1);
    }

    @Override
    public String toString() {
        return "playback " + sequence;
    }
}

package org.baraza.sim.internal.media;

import java.time.Duration;

/**
 * How long a playable file lasts, and the sample counts FreeSWITCH 1.10.12 reports for a stretch of it.
 * The transcripts show its quirk: it counts samples at 16 kHz (hello.wav, 3.45 s: samples 55268) but
 * divides by the conference's 8 kHz for milliseconds and seconds (milliseconds 6908), so the reported
 * times are twice the real ones. The simulator reports the same.
 */
public record MediaInfo(Duration duration) {
    private static final long SAMPLES_PER_MILLISECOND = 16;

    public static long samples(Duration played) {
        return played.toMillis() * SAMPLES_PER_MILLISECOND;
    }

    public static long reportedMilliseconds(Duration played) {
        return samples(played) / 8;
    }

    public static long reportedSeconds(Duration played) {
        return samples(played) / 8000;
    }
}

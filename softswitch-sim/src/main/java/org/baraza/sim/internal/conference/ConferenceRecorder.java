package org.baraza.sim.internal.conference;

import java.io.IOException;
import java.time.Duration;

import org.baraza.sim.internal.event.EventSource;
import org.baraza.sim.internal.media.Recordings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code conference <name> record <path>} and {@code norecord}: start-recording, then on stop a real WAV
 * file as long as the recording ran and stop-recording with its size, as conference_record_thread_run
 * reports. Switch thread only.
 */
final class ConferenceRecorder {
    private static final Logger LOG = LoggerFactory.getLogger(ConferenceRecorder.class);

    private ConferenceRecorder() {
    }

    static void start(Conferences all, Conference c, String path) {
        c.recordings.put(path, new Conference.Recording(path, all.events().nowMicros()));
        all.events().fire(all.events().conference(EventSource.CONFERENCE_START_RECORDING, c)
                .header("Action", "start-recording").header("Path", path));
    }

    static boolean stop(Conferences all, Conference c, String path) {
        Conference.Recording r = c.recordings.remove(path);
        if (r == null) {
            return false;
        }
        Duration length = Duration.ofNanos((all.events().nowMicros() - r.startedMicros()) * 1000);
        long size = 0;
        try {
            size = Recordings.writeSilence(all.board().mediaFiles().resolve(path), length);
        } catch (IOException | RuntimeException e) {
            // FreeSWITCH logs a recording it cannot write and keeps the conference going; so does the simulator.
            LOG.warn("cannot write the conference recording {}: {}", path, e.getMessage());
        }
        all.events().fire(all.events().conference(EventSource.CONFERENCE_STOP_RECORDING, c)
                .header("Action", "stop-recording").header("Path", path)
                .header("Other-Recordings", !c.recordings.isEmpty())
                .header("Samples-Out", length.toMillis() * 8)
                .header("Samplerate", "8000")
                .header("Milliseconds-Elapsed", length.toMillis())
                .header("Record-File-Size", size));
        return true;
    }
}

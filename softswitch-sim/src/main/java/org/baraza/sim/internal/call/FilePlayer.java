package org.baraza.sim.internal.call;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

import org.baraza.sim.internal.channel.Channel;
import org.baraza.sim.internal.event.EventSource;
import org.baraza.sim.internal.loop.Timer;
import org.baraza.sim.internal.media.MediaInfo;

/**
 * Plays a file to a leg as switch_ivr_play_file does: early media first on an unanswered leg, then
 * PLAYBACK_START, and PLAYBACK_STOP (status {@code done}, or {@code break} when stopped) once the file's
 * real length has passed in simulated time. A file that cannot be played ends at once with no events.
 * Used by the playback application, uuid_broadcast and mod_httapi. Switch thread only.
 */
public final class FilePlayer {
    /** How a play ended. */
    public enum Outcome { DONE, BROKEN, NOT_FOUND }

    private final Switchboard board;

    FilePlayer(Switchboard board) {
        this.board = board;
    }

    /** Starts playing; {@code onEnd} is called once, after PLAYBACK_STOP, unless the leg is destroyed first. */
    public Playing play(Leg leg, String file, Consumer<Outcome> onEnd) {
        // switch_ivr_play_file pre-answers before it opens the file, so early media comes even for a file that
        // turns out to be missing (the unknown-extension scenario: PROGRESS_MEDIA, then FILE NOT FOUND).
        board.preAnswer(leg);
        Optional<MediaInfo> media = board.mediaFiles().inspect(file);
        Playing playing = new Playing(leg, file, onEnd);
        if (media.isEmpty()) {
            leg.channel().variable("current_application_response", "FILE NOT FOUND");
            playing.ended = true;
            onEnd.accept(Outcome.NOT_FOUND);
            return playing;
        }
        board.events().about(EventSource.PLAYBACK_START, leg.channel()).withVariables()
                .after("Playback-File-Path", file).fire();
        playing.startedMicros = board.legEvents().now();
        playing.timer = board.loop().schedule(media.get().duration(), () -> playing.end(Outcome.DONE));
        return playing;
    }

    /** One file being played; stop it with {@link #stop}. */
    public final class Playing {
        private final Leg leg;
        private final String file;
        private final Consumer<Outcome> onEnd;
        private Timer timer;
        private long startedMicros;
        private boolean ended;

        private Playing(Leg leg, String file, Consumer<Outcome> onEnd) {
            this.leg = leg;
            this.file = file;
            this.onEnd = onEnd;
        }

        public boolean ended() {
            return ended;
        }

        /** Stops early: PLAYBACK_STOP with status {@code break}. No effect once ended. */
        public void stop() {
            end(Outcome.BROKEN);
        }

        /**
         * Stops because the caller pressed a key the application waits for: FreeSWITCH reports such a stop as
         * {@code done} (see the httapi scenario of events-plain.log).
         */
        public void stopForInput() {
            end(Outcome.DONE);
        }

        private void end(Outcome outcome) {
            if (ended) {
                return;
            }
            ended = true;
            if (timer != null) {
                timer.cancel();
            }
            Channel c = leg.channel();
            Duration played = Duration.ofNanos((board.legEvents().now() - startedMicros) * 1000);
            c.variable("playback_seconds", Long.toString(MediaInfo.reportedSeconds(played)));
            c.variable("playback_ms", Long.toString(MediaInfo.reportedMilliseconds(played)));
            c.variable("playback_samples", Long.toString(MediaInfo.samples(played)));
            c.variable("current_application_response", "FILE PLAYED");
            board.events().about(EventSource.PLAYBACK_STOP, c).withVariables()
                    .after("Playback-File-Path", file)
                    .after("Playback-Status", outcome == Outcome.DONE ? "done" : "break")
                    .fire();
            onEnd.accept(outcome);
        }
    }
}

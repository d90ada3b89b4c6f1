package org.baraza.sim.internal.call;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.baraza.sim.internal.channel.Channel;
import org.baraza.sim.internal.event.EventBuilder;
import org.baraza.sim.internal.event.EventSource;
import org.baraza.sim.internal.event.Header;
import org.baraza.sim.internal.event.SwitchEvent;
import org.baraza.sim.internal.media.MediaInfo;
import org.baraza.sim.internal.media.Recordings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Media commands on a leg: uuid_broadcast (a playback inside whatever runs, then PRIVATE_COMMAND),
 * uuid_displace (a media bug: MEDIA_BUG_START/STOP), uuid_record (RECORD_START/STOP and a real WAV file of
 * the recorded length). Switch thread only.
 */
final class LegMedia {
    private static final Logger LOG = LoggerFactory.getLogger(LegMedia.class);

    private final Switchboard board;

    LegMedia(Switchboard board) {
        this.board = board;
    }

    void broadcast(Leg leg, String file) {
        // FreeSWITCH queues the playback as a private "execute" command, numbered now and fired after it ran.
        long commandSequence = board.events().factory().reserveSequence();
        board.runner().execute(leg, new AppCall("playback", file), done -> {
            if (leg.isUp()) {
                firePrivateCommand(leg, file, commandSequence);
            }
        });
    }

    boolean displaceStart(Leg leg, String file) {
        Optional<MediaInfo> media = board.mediaFiles().inspect(file);
        if (media.isEmpty()) {
            return false;
        }
        displaceStop(leg, file);
        var end = board.loop().schedule(media.get().duration(), () -> displaceStop(leg, file));
        leg.media().displacing.put(file, new MediaOnLeg.Displacing(file, end));
        mediaBug(EventSource.MEDIA_BUG_START, leg, file);
        return true;
    }

    boolean displaceStop(Leg leg, String file) {
        MediaOnLeg.Displacing d = leg.media().displacing.remove(file);
        if (d == null) {
            return false;
        }
        d.end().cancel();
        mediaBug(EventSource.MEDIA_BUG_STOP, leg, file);
        return true;
    }

    void recordStart(Leg leg, String path, Duration limit) {
        recordStop(leg, path);
        var timer = limit.isZero() ? null : board.loop().schedule(limit, () -> recordStop(leg, path));
        leg.media().recording.put(path, new MediaOnLeg.Recording(path, board.legEvents().now(), timer));
        board.events().about(EventSource.RECORD_START, leg.channel()).withVariables()
                .after("Record-File-Path", path).fire();
    }

    boolean recordStop(Leg leg, String path) {
        List<String> paths = "all".equals(path) ? List.copyOf(leg.media().recording.keySet()) : List.of(path);
        boolean stopped = false;
        for (String p : paths) {
            MediaOnLeg.Recording r = leg.media().recording.remove(p);
            if (r == null) {
                continue;
            }
            if (r.limit() != null) {
                r.limit().cancel();
            }
            write(board.mediaFiles().resolve(p), Duration.ofNanos((board.legEvents().now() - r.startedMicros()) * 1000));
            board.events().about(EventSource.RECORD_STOP, leg.channel()).withVariables()
                    .after("Record-File-Path", p).fire();
            stopped = true;
        }
        return stopped;
    }

    /** At hangup: every media bug and recording on the leg ends. */
    void stopAll(Leg leg) {
        for (String file : List.copyOf(leg.media().displacing.keySet())) {
            displaceStop(leg, file);
        }
        recordStop(leg, "all");
    }

    static void write(Path path, Duration length) {
        try {
            Recordings.writeSilence(path, length);
        } catch (IOException | RuntimeException e) {
            // FreeSWITCH logs an unwritable recording path and carries on with the call; so does the simulator.
            LOG.warn("cannot write the recording {}: {}", path, e.getMessage());
        }
    }

    private void mediaBug(EventSource source, Leg leg, String file) {
        board.events().about(source, leg.channel()).withVariables()
                .after("Media-Bug-Function", "displace")
                .after("Media-Bug-Target", file).fire();
    }

    private void firePrivateCommand(Leg leg, String file, long commandSequence) {
        Channel c = leg.channel();
        EventBuilder command = board.events().factory().start(EventSource.BROADCAST_COMMAND, commandSequence)
                .header("call-command", "execute")
                .header("execute-app-name", "playback")
                .header("execute-app-arg", file)
                .header("event-lock", "true")
                .header("lead-frames", "5");
        SwitchEvent inner = board.events().about(EventSource.PRIVATE_COMMAND, c).build();
        List<Header> headers = new java.util.ArrayList<>(command.build().headers());
        headers.addAll(inner.headers());
        board.events().fire(SwitchEvent.of("PRIVATE_COMMAND", null, inner.sequence(), inner.timestampMicros(),
                headers, null));
    }
}

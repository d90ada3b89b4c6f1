package org.baraza.sim.internal.conference;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.baraza.sim.internal.event.EventSource;
import org.baraza.sim.internal.loop.SwitchLoop;
import org.baraza.sim.internal.media.MediaFiles;
import org.baraza.sim.internal.media.MediaInfo;

/**
 * Plays files into conferences as conference_file_play and conference_file_close do: a file that cannot be
 * opened fires play-file with an Error at once; queued files play one after another for their real length,
 * each ending with play-file-done (seconds, milliseconds, samples of what played); an async file plays beside
 * them and replaces the previous async file. Switch thread only.
 */
final class ConferenceFiles {
    enum Stop { CURRENT, ALL, ASYNC, LAST }

    private final ConferenceEvents events;
    private final MediaFiles media;
    private final SwitchLoop loop;

    ConferenceFiles(ConferenceEvents events, MediaFiles media, SwitchLoop loop) {
        this.events = events;
        this.media = media;
        this.loop = loop;
    }

    /** Queues a file; false (after the Error event) when it cannot be played. */
    boolean play(Conference c, String file, boolean async) {
        Optional<MediaInfo> info = media.inspect(file);
        if (info.isEmpty()) {
            events.fire(events.conference(EventSource.CONFERENCE_PLAY_FAILED, c).header("Action", "play-file")
                    .header("File", file).header("Async", async)
                    .header("Error", "File could not be played"));
            return false;
        }
        Conference.PlayingFile node = new Conference.PlayingFile(file, async);
        if (async) {
            if (c.asyncFile != null) {
                close(c, c.asyncFile);
            }
            c.asyncFile = node;
            start(c, node, info.get().duration());
        } else {
            c.files.add(node);
            if (c.files.size() == 1) {
                start(c, node, info.get().duration());
            }
        }
        return true;
    }

    /** Stops files; returns how many. Each stopped file still gets its play-file-done. */
    int stop(Conference c, Stop which) {
        List<Conference.PlayingFile> stopping = new ArrayList<>();
        switch (which) {
            case CURRENT -> {
                if (!c.files.isEmpty()) {
                    stopping.add(c.files.getFirst());
                }
            }
            case LAST -> {
                if (!c.files.isEmpty()) {
                    stopping.add(c.files.getLast());
                }
            }
            case ALL -> {
                stopping.addAll(c.files);
                if (c.asyncFile != null) {
                    stopping.add(c.asyncFile);
                }
            }
            case ASYNC -> {
                if (c.asyncFile != null) {
                    stopping.add(c.asyncFile);
                }
            }
        }
        stopping.forEach(node -> close(c, node));
        startHead(c);
        return stopping.size();
    }

    /** At destroy: every file is closed. */
    void closeAll(Conference c) {
        for (Conference.PlayingFile node : new ArrayList<>(c.files)) {
            close(c, node);
        }
        if (c.asyncFile != null) {
            close(c, c.asyncFile);
        }
    }

    private void start(Conference c, Conference.PlayingFile node, Duration length) {
        node.startedMicros = events.nowMicros();
        node.end = loop.schedule(length, () -> {
            close(c, node);
            startHead(c);
        });
    }

    private void startHead(Conference c) {
        if (!c.files.isEmpty() && c.files.getFirst().end == null) {
            Conference.PlayingFile head = c.files.getFirst();
            Optional<MediaInfo> info = media.inspect(head.file);
            start(c, head, info.map(MediaInfo::duration).orElse(Duration.ZERO));
        }
    }

    private void close(Conference c, Conference.PlayingFile node) {
        boolean started = node.end != null;
        if (started) {
            node.end.cancel();
        }
        if (node == c.asyncFile) {
            c.asyncFile = null;
        } else {
            c.files.remove(node);
        }
        Duration played = started ? Duration.ofNanos((events.nowMicros() - node.startedMicros) * 1000) : Duration.ZERO;
        var done = events.conference(EventSource.CONFERENCE_PLAY_DONE, c)
                .header("seconds", MediaInfo.reportedSeconds(played))
                .header("milliseconds", MediaInfo.reportedMilliseconds(played))
                .header("samples", MediaInfo.samples(played))
                .header("Action", "play-file-done")
                .header("File", node.file);
        if (node.async) {
            done.header("Async", "true");
        }
        events.fire(done);
    }
}

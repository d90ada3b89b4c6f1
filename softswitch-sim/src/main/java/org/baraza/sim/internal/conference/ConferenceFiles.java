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
 * them and replaces the previous async file. A file played to one member (conference_member_play_file) waits
 * in that member's own queue and ends with play-file-member-done, carrying the member's data while it is
 * still in the conference. Switch thread only.
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
        Conference.PlayingFile node = new Conference.PlayingFile(file, async, null);
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

    /** Queues a file that only the member hears; false when it cannot be opened (no event, as mod_conference). */
    boolean playToMember(Conference c, Member m, String file) {
        Optional<MediaInfo> info = media.inspect(file);
        if (info.isEmpty()) {
            return false;
        }
        Conference.PlayingFile node = new Conference.PlayingFile(file, false, m);
        m.files.add(node);
        if (m.files.size() == 1) {
            start(c, node, info.get().duration());
        }
        return true;
    }

    /** Stops a member's files ({@code stop <which> <member_id>}); returns how many. */
    int stopMember(Conference c, Member m, Stop which) {
        List<Conference.PlayingFile> stopping = switch (which) {
            case CURRENT -> m.files.isEmpty() ? List.of() : List.of(m.files.getFirst());
            case LAST -> m.files.isEmpty() ? List.of() : List.of(m.files.getLast());
            case ALL -> List.copyOf(m.files);
            case ASYNC -> List.of();
        };
        stopping.forEach(node -> close(c, node));
        startHead(c, m.files);
        return stopping.size();
    }

    /** A member leaves: its files close, after it has left (so their play-file-member-done carries no member). */
    void closeMember(Conference c, Member m) {
        for (Conference.PlayingFile node : new ArrayList<>(m.files)) {
            close(c, node);
        }
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
        startHead(c, c.files);
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
            startHead(c, node.member == null ? c.files : node.member.files);
        });
    }

    private void startHead(Conference c, List<Conference.PlayingFile> queue) {
        if (!queue.isEmpty() && queue.getFirst().end == null) {
            Conference.PlayingFile head = queue.getFirst();
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
        } else if (node.member != null) {
            node.member.files.remove(node);
        } else {
            c.files.remove(node);
        }
        Duration played = started ? Duration.ofNanos((events.nowMicros() - node.startedMicros) * 1000) : Duration.ZERO;
        var done = events.conference(EventSource.CONFERENCE_PLAY_DONE, c)
                .header("seconds", MediaInfo.reportedSeconds(played))
                .header("milliseconds", MediaInfo.reportedMilliseconds(played))
                .header("samples", MediaInfo.samples(played));
        if (node.member == null) {
            done.header("Action", "play-file-done");
        } else {
            done.header("Action", "play-file-member-done");
            if (c.member(node.member.id()).isPresent()) {
                done.headers(ConferenceEvents.memberData(c, node.member));
            }
        }
        done.header("File", node.file);
        if (node.async) {
            done.header("Async", "true");
        }
        events.fire(done);
    }
}

package org.baraza.sim.internal.httapi;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import org.baraza.sim.internal.call.FilePlayer;
import org.baraza.sim.internal.event.EventSource;
import org.baraza.sim.internal.media.Recordings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code <record file name beep-file limit terminators/>} as parse_record runs it: an optional beep, then a
 * recording (RECORD_START / RECORD_STOP) until {@code limit} seconds pass, a terminator key is pressed
 * ({@code #} unless the tag names others) or the caller hangs up. The recording is a real WAV file as long as
 * the recording ran, kept in FreeSWITCH's temp directory as {@code <uuid>_<file>}; it is uploaded in a
 * multipart POST as the part {@code <name>} (default {@code attached_file}) with the file name the tag gave,
 * with the next request, or with the exiting request when the caller hung up while recording, as parse_record
 * attaches it. The simulator does not detect silence: its phones make none to detect.
 */
final class RecordTag implements TagInput {
    private static final Logger LOG = LoggerFactory.getLogger(RecordTag.class);

    private final HttapiSession session;
    private final HttapiDocument.Tag tag;
    private final Path directory;
    private final Runnable next;
    private Path file;
    private String fileName;
    private long startedMicros;
    private boolean recording;
    private boolean done;
    private FilePlayer.Playing beep;

    RecordTag(HttapiSession session, HttapiDocument.Tag tag, Path directory, Runnable next) {
        this.session = session;
        this.tag = tag;
        this.directory = directory;
        this.next = next;
    }

    void start() {
        String requested = tag.attribute("file");
        if (requested == null || requested.isBlank()) {
            session.end();
            return;
        }
        String base = requested.replaceAll("[/\\\\`]", "_");
        int dot = base.lastIndexOf('.');
        String ext = dot > 0 ? base.substring(dot + 1) : "wav";
        String stem = (dot > 0 ? base.substring(0, dot) : base).replace('.', '_');
        fileName = stem + "." + ext;
        file = directory.resolve(UUID.randomUUID() + "_" + fileName);
        session.listen(this);
        String beepFile = tag.attribute("beep-file");
        if (beepFile != null) {
            beep = session.board().player().play(session.leg(), beepFile, outcome -> begin());
        } else {
            begin();
        }
    }

    private void begin() {
        if (done || !session.leg().isUp()) {
            return;
        }
        recording = true;
        startedMicros = session.board().loop().nowMicros();
        session.board().events().about(EventSource.RECORD_START, session.leg().channel()).withVariables()
                .after("Record-File-Path", file.toString()).fire();
        long limit = seconds(tag.attribute("limit"));
        if (limit > 0) {
            session.run().after(Duration.ofSeconds(limit), this::end);
        }
    }

    @Override
    public void digit(char d) {
        String terminators = tag.attribute("terminators") == null ? "#" : tag.attribute("terminators");
        if (recording && terminators.indexOf(d) >= 0) {
            end();
        }
    }

    /** The caller hung up (or was transferred): what was recorded still goes, with the exiting request. */
    @Override
    public void stop() {
        if (beep != null) {
            beep.stop();
        }
        if (!done) {
            finishRecording();
            done = true;
            attach();
        }
    }

    private void end() {
        if (done) {
            return;
        }
        finishRecording();
        done = true;
        session.listen(null);
        attach();
        next.run();
    }

    private void attach() {
        String name = tag.attribute("name") == null || tag.attribute("name").isEmpty() ? "attached_file"
                : tag.attribute("name");
        if (file != null && file.toFile().isFile()) {
            session.attach(name, fileName, file);
        }
    }

    private void finishRecording() {
        if (!recording) {
            return;
        }
        recording = false;
        Duration length = Duration.ofNanos((session.board().loop().nowMicros() - startedMicros) * 1000);
        try {
            Recordings.writeSilence(file, length);
        } catch (IOException e) {
            LOG.warn("cannot write the httapi recording {}: {}", file, e.getMessage());
        }
        session.board().events().about(EventSource.RECORD_STOP, session.leg().channel()).withVariables()
                .after("Record-File-Path", file.toString()).fire();
    }

    private static long seconds(String text) {
        try {
            return text == null ? 0 : Math.max(0, Long.parseLong(text.trim()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}

package org.baraza.core.recording;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;

import org.baraza.core.DomainException;
import org.baraza.core.Ids.AiringId;
import org.baraza.core.Ids.StationId;
import org.baraza.core.Require;

/**
 * A recording to store, checked on construction. The path is relative to Baraza's recordings directory and
 * may not climb out of it.
 *
 * @param airing       the airing it was recorded in, if any
 * @param leg          the call leg it was recorded from, if any
 * @param callerNumber the caller id as delivered (untrusted text), for a listener message
 * @param duration     null when not measured
 */
public record NewRecording(
        StationId station,
        AiringId airing,
        UUID leg,
        RecordingKind kind,
        String callerNumber,
        String filePath,
        Duration duration,
        Instant recordedAt) {

    private static final Pattern PATH = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_./-]*");
    private static final Pattern CLIMBS = Pattern.compile("(^|/)\\.\\.(/|$)");

    public NewRecording {
        Require.present("recording station", station);
        Require.present("recording kind", kind);
        Require.optionalText("caller number", callerNumber, 64);
        if (filePath == null || filePath.length() > 500 || !PATH.matcher(filePath).matches() || CLIMBS.matcher(filePath).find()
                || filePath.contains("//")) {
            throw new DomainException.Invalid("a recording's file must be a relative path of letters, digits, '_', '.', '-'"
                    + " and '/', at most 500 characters, without '..'; got \"" + filePath + "\"");
        }
        // The column holds milliseconds in an integer: about 24 days, far more than any recording.
        if (duration != null && (duration.isNegative() || duration.toMillis() > Integer.MAX_VALUE)) {
            throw new DomainException.Invalid("a recording cannot last " + duration);
        }
        Require.present("recording time", recordedAt);
    }

    /** A listener's message left on a call, waiting for moderation. */
    public static NewRecording listenerMessage(StationId station, UUID leg, String callerNumber, String filePath,
            Duration duration, Instant recordedAt) {
        return new NewRecording(station, null, leg, RecordingKind.LISTENER_MESSAGE, callerNumber, filePath, duration, recordedAt);
    }
}

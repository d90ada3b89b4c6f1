package org.baraza.core.recording;

/** What was recorded. Only listener messages wait for moderation. */
public enum RecordingKind {
    /** A message a listener left for the station. */
    LISTENER_MESSAGE,
    /** An airing, recorded as it went out. */
    AIRING,
    /** A host's recording: a trailer, a notice read out. */
    HOST
}

package org.baraza.core.program;

/** The kinds of program Baraza runs; each has its own state machine and its own {@link ProgramConfig} settings. */
public enum ProgramType {
    PRERECORDED, FILLER, NEWS, LIVE_TALK, OPEN_LINE, NOTICES, POLL
}

/**
 * The program engine and Baraza's programs: pure state machines, {@code (state, event) -> (state', commands)}.
 * Nothing here does I/O, starts threads or reads the clock; time and the results of effects arrive as
 * {@link org.baraza.programs.Event}s, and effects leave as {@link org.baraza.programs.Command}s that the
 * station daemon carries out.
 *
 * <p>Programs so far: {@link org.baraza.programs.prerecorded.PrerecordedProgram},
 * {@link org.baraza.programs.filler.FillerProgram} and {@link org.baraza.programs.live.LiveTalkProgram} (the live
 * talk show of issue #5). The station daemon runs them.
 */
package org.baraza.programs;

/**
 * The program engine and Baraza's programs: pure state machines, {@code (state, event) -> (state', commands)}.
 * Nothing here does I/O, starts threads or reads the clock; time and the results of effects arrive as
 * {@link org.baraza.programs.Event}s, and effects leave as {@link org.baraza.programs.Command}s that the
 * station daemon carries out.
 *
 * <p>Programs so far: {@link org.baraza.programs.prerecorded.PrerecordedProgram} and
 * {@link org.baraza.programs.filler.FillerProgram}. The station daemon that runs them arrives with issue #4,
 * the live talk show with issue #5.
 */
package org.baraza.programs;

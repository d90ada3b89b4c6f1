/**
 * The program engine and Baraza's programs: pure state machines, {@code (state, event) -> (state', commands)}.
 * Nothing here does I/O, starts threads or reads the clock; time and results of effects arrive as events.
 *
 * <p>Not built yet: issue #4 brings the engine with the prerecorded and filler programs, issue #5 the
 * live talk show. Until then this package is empty on purpose.
 */
package org.baraza.programs;

package org.baraza.programs;

import java.util.List;

/**
 * A kind of program (prerecorded, filler, live talk ...): a pure state machine over {@link Event}s that
 * emits {@link Command}s. It does no I/O, starts no threads and reads no clock, so every behaviour is a
 * row in a table of (state, event) -> (state', commands). Each program type also has a static way to
 * make its initial state from what it needs (a running order, hosts ...).
 *
 * <p>Implementations are stateless and thread-safe; the state is the immutable {@code S}.
 */
public interface Program<S> {

    /** The type as stored in {@code programs.type}: {@code prerecorded}, {@code filler}, ... */
    String type();

    /** The names of the states a run can be in, for the console and the logs. */
    List<String> stateNames();

    /** The name of {@code state}, one of {@link #stateNames()}. */
    String stateName(S state);

    /** The next state and commands; an event that does not apply leaves the state unchanged. */
    Transition<S> next(S state, Event event);

    /** Who is on the program's air in {@code state}: none for programs that have no people. */
    default People people(S state) {
        return People.NONE;
    }
}

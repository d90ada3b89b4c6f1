package org.baraza.programs;

import java.util.List;

/**
 * A program and its current state, whatever the program's type: what a station holds for an airing.
 * Immutable; {@link #next(Event)} returns the run after the event and the commands it gave.
 */
public record ProgramRun<S>(Program<S> program, S state) {

    /** The run after one event, and the program's commands. */
    public record Step(ProgramRun<?> run, List<Command> commands) {
        public Step {
            commands = List.copyOf(commands);
        }
    }

    public Step next(Event event) {
        Transition<S> transition = program.next(state, event);
        return new Step(new ProgramRun<>(program, transition.state()), transition.commands());
    }

    public String stateName() {
        return program.stateName(state);
    }

    /** Who is on the program's air now. */
    public People people() {
        return program.people(state);
    }
}

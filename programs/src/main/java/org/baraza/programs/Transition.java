package org.baraza.programs;

import java.util.List;

/**
 * What one event does to a program: its next state and the commands to carry out, in order.
 * An event that does not apply leaves the state unchanged with no commands.
 */
public record Transition<S>(S state, List<Command> commands) {

    public Transition {
        commands = List.copyOf(commands);
    }

    public static <S> Transition<S> to(S state, Command... commands) {
        return new Transition<>(state, List.of(commands));
    }

    public static <S> Transition<S> unchanged(S state) {
        return new Transition<>(state, List.of());
    }
}

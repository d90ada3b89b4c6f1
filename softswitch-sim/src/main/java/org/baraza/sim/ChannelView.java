package org.baraza.sim;

import java.util.Map;

/**
 * A snapshot of one live channel, as {@code show channels} and the channel's events describe it.
 * Immutable.
 *
 * @param state       running state, e.g. {@code CS_EXECUTE}
 * @param callState   {@code DOWN}, {@code RINGING}, {@code EARLY}, {@code ACTIVE}, {@code HANGUP}...
 * @param answerState {@code ringing}, {@code early}, {@code answered} or {@code hangup}
 * @param application what runs on the channel now ({@code park}, {@code conference}...), or null
 * @param hangupCause the cause once the channel hangs up, or null
 */
public record ChannelView(String uuid, String name, String direction, String state, String callState,
                          String answerState, String callerIdNumber, String destinationNumber, String application,
                          String applicationData, String hangupCause, Map<String, String> variables) {
    public ChannelView {
        variables = Map.copyOf(variables);
    }

    public boolean answered() {
        return "answered".equals(answerState);
    }

    public String variable(String name) {
        return variables.get(name);
    }
}

package org.baraza.daemon.esl;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads ESL events (headers already URL-decoded by the client) into {@link SwitchEvent}s. Events Baraza
 * does not act on, and events it cannot read, give nothing: a malformed event must not stop the others.
 */
final class EventParser {

    static final String SUBSCRIPTION =
            "BACKGROUND_JOB CHANNEL_ANSWER CHANNEL_HANGUP_COMPLETE DTMF CUSTOM conference::maintenance";

    private static final String VARIABLE = "variable_";

    private EventParser() {
    }

    static Optional<SwitchEvent> parse(String node, Map<String, String> headers, Instant at) {
        String name = headers.get("Event-Name");
        if (name == null) {
            return Optional.empty();
        }
        return switch (name) {
            case "CHANNEL_ANSWER" -> uuid(headers).map(uuid ->
                    new SwitchEvent.ChannelAnswered(node, uuid, variables(headers), at));
            case "CHANNEL_HANGUP_COMPLETE" -> uuid(headers).map(uuid -> new SwitchEvent.ChannelHungUp(node, uuid,
                    headers.getOrDefault("Hangup-Cause", "NORMAL_CLEARING"), variables(headers), at));
            case "DTMF" -> uuid(headers).filter(uuid -> headers.get("DTMF-Digit") != null).map(uuid ->
                    new SwitchEvent.DtmfReceived(node, uuid, headers.get("DTMF-Digit"), variables(headers), at));
            case "CUSTOM" -> "conference::maintenance".equals(headers.get("Event-Subclass"))
                    ? conference(node, headers, at)
                    : Optional.empty();
            default -> Optional.empty();
        };
    }

    private static Optional<SwitchEvent> conference(String node, Map<String, String> headers, Instant at) {
        String conference = headers.get("Conference-Name");
        String action = headers.get("Action");
        if (conference == null || action == null) {
            return Optional.empty();
        }
        UUID member = uuid(headers).orElse(null);
        return Optional.of(new SwitchEvent.ConferenceActivity(node, conference, action, member, memberId(headers),
                headers.get("File"), at));
    }

    private static int memberId(Map<String, String> headers) {
        try {
            return Integer.parseInt(headers.getOrDefault("Member-ID", "0"));
        } catch (NumberFormatException notANumber) {
            return 0;
        }
    }

    private static Optional<UUID> uuid(Map<String, String> headers) {
        String value = headers.get("Unique-ID");
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException notAUuid) {
            return Optional.empty();
        }
    }

    /** The channel variables, without their {@code variable_} prefix. */
    private static Map<String, String> variables(Map<String, String> headers) {
        Map<String, String> variables = new HashMap<>();
        headers.forEach((key, value) -> {
            if (key.startsWith(VARIABLE)) {
                variables.put(key.substring(VARIABLE.length()), value);
            }
        });
        return Map.copyOf(variables);
    }
}

package org.baraza.sim.internal.call;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The simulator's dialplan: extensions of the {@code default} context (what a loopback leg or a transfer
 * runs) and numbers of the {@code public} context (what an incoming call runs). A public number with no
 * entry of its own goes to mod_httapi at the webhook, as a Baraza station number does; without a webhook it
 * has no route. A default extension with no entry runs what FreeSWITCH's stock dialplan ran for the
 * transcripts' unknown extension ({@code originate loopback/9999}): acknowledge, ring, try to play music on
 * hold, which does not exist, and hang up. Immutable.
 */
public final class Dialplan {
    public static final String DEFAULT = "default";
    public static final String PUBLIC = "public";

    private static final List<AppCall> NOT_FOUND = List.of(new AppCall("acknowledge_call", ""),
            new AppCall("ring_ready", ""), new AppCall("playback", "local_stream://moh"));

    private final Map<String, List<AppCall>> extensions;
    private final Map<String, List<AppCall>> publicNumbers;
    private final String webhookUrl;

    public Dialplan(Map<String, List<AppCall>> extensions, Map<String, List<AppCall>> publicNumbers, String webhookUrl) {
        this.extensions = Map.copyOf(extensions);
        this.publicNumbers = Map.copyOf(publicNumbers);
        this.webhookUrl = webhookUrl;
    }

    public static AppCall httapi(String url) {
        return new AppCall("httapi", "{url=" + url + "}");
    }

    /** The steps for a destination, or empty when the context has no route for it. */
    public Optional<List<AppCall>> route(String context, String destination) {
        if (PUBLIC.equals(context)) {
            List<AppCall> explicit = publicNumbers.get(destination);
            if (explicit != null) {
                return Optional.of(explicit);
            }
            return webhookUrl == null ? Optional.empty() : Optional.of(List.of(httapi(webhookUrl)));
        }
        return Optional.of(extensions.getOrDefault(destination, NOT_FOUND));
    }

    /**
     * The steps of FreeSWITCH's inline dialplan ({@code uuid_transfer <uuid> conference:studio@radio inline}):
     * applications separated by commas, each {@code name:data}.
     */
    public static List<AppCall> inline(String destination) {
        return Arrays.stream(destination.split(","))
                .filter(step -> !step.isBlank())
                .map(step -> {
                    int colon = step.indexOf(':');
                    return colon < 0 ? new AppCall(step.strip(), "") : new AppCall(step.substring(0, colon).strip(), step.substring(colon + 1));
                })
                .toList();
    }

    public Map<String, List<AppCall>> extensions() {
        return extensions;
    }

    public Map<String, List<AppCall>> publicNumbers() {
        return publicNumbers;
    }

    /** The webhook mod_httapi calls for station numbers, or null. */
    public String webhookUrl() {
        return webhookUrl;
    }
}

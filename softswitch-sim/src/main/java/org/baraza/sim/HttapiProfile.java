package org.baraza.sim;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * A mod_httapi profile, as a {@code <profile>} of httapi.conf.xml describes one: where the webhook is, the
 * basic-auth credentials sent with every request, how long a request may take, the conference profile the
 * {@code <conference>} tag joins, and what a document may make the switch do. A call runs a profile with
 * {@code httapi {httapi_profile=<name>}} (or the {@code httapi_profile} channel variable); without one it runs
 * {@code default}. Immutable; build one with {@link #builder} or take {@link #baraza}.
 *
 * @param name              the profile's name
 * @param gatewayUrl        the webhook ({@code gateway-url}); null only for a {@code default} profile whose
 *                          calls all name their own {@code {url=...}}
 * @param credentials       {@code user:password} sent as HTTP basic auth ({@code gateway-credentials}), or null
 * @param timeout           how long a request may take before mod_httapi gives up ({@code timeout}); zero for
 *                          no limit of the profile's own (the simulator still stops waiting after 30 s)
 * @param conferenceProfile the conference profile of the {@code <conference>} tag ({@code default-profile})
 * @param permissions       what a document may do
 */
public record HttapiProfile(String name, URI gatewayUrl, String credentials, Duration timeout,
                            String conferenceProfile, Permissions permissions) {

    /** The applications the simulator's own {@code default} profile lets {@code <execute>} run. */
    private static final Set<String> LENIENT_APPLICATIONS = Set.of("answer", "pre_answer", "playback", "sleep", "set",
            "export", "hangup", "park", "transfer");

    /**
     * The profile's {@code <permissions>} as mod_httapi 1.10 applies them (do_config in mod_httapi.c).
     *
     * @param setParams            {@code <params>} are kept for later requests ({@code set-params})
     * @param setVariables         which {@code <variables>} may be set on the channel ({@code set-vars}); any
     *                             other is logged ("variable ... permission denied!") and skipped
     * @param getVariables         which variables {@code <getVariable>} may read ({@code get-vars}); any other
     *                             ends the document
     * @param executeApps          which applications {@code <execute>} may run ({@code execute-apps}); any other
     *                             hangs the call up with DESTINATION_OUT_OF_ORDER ("Permission Denied!")
     * @param expandVariables      {@code ${...}} may appear in {@code <execute>} data ({@code expand-vars}); when
     *                             false such data hangs the call up, as mod_httapi refuses it. The simulator
     *                             never expands variables itself.
     * @param conference           the {@code <conference>} tag may be used ({@code conference})
     * @param conferenceSetProfile the tag's {@code profile} attribute is honoured ({@code conference-set-profile})
     */
    public record Permissions(boolean setParams, Names setVariables, Names getVariables, Names executeApps,
                              boolean expandVariables, boolean conference, boolean conferenceSetProfile) {

        /** mod_httapi's own defaults: params and the conference tag; no variables, no applications. */
        public static final Permissions DEFAULTS = new Permissions(true, Names.NONE, Names.NONE, Names.NONE, false,
                true, false);

        public Permissions {
            Objects.requireNonNull(setVariables, "setVariables");
            Objects.requireNonNull(getVariables, "getVariables");
            Objects.requireNonNull(executeApps, "executeApps");
        }
    }

    /**
     * Which names a permission lets through: every name (the permission on without a list), or only those
     * listed (a list whose default is deny). {@link #NONE} is the permission off.
     */
    public record Names(boolean all, Set<String> listed) {
        public static final Names ANY = new Names(true, Set.of());
        public static final Names NONE = new Names(false, Set.of());

        public Names {
            listed = Set.copyOf(listed);
        }

        public static Names only(String... names) {
            return new Names(false, Set.of(names));
        }

        public boolean allows(String name) {
            return all || listed.contains(name);
        }
    }

    public HttapiProfile {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("an httapi profile needs a name");
        }
        if (gatewayUrl != null && !("http".equals(gatewayUrl.getScheme()) || "https".equals(gatewayUrl.getScheme()))) {
            throw new IllegalArgumentException("the gateway URL must be http:// or https://: " + gatewayUrl);
        }
        if (gatewayUrl == null && !"default".equals(name)) {
            // mod_httapi skips such a profile at load ("Profile has no url!").
            throw new IllegalArgumentException("the httapi profile " + name + " needs a gateway URL");
        }
        if (credentials != null && credentials.indexOf(':') < 1) {
            throw new IllegalArgumentException("credentials are user:password, with a user and no colon in it");
        }
        if (timeout == null || timeout.isNegative()) {
            throw new IllegalArgumentException("the timeout must be zero or more");
        }
        Objects.requireNonNull(conferenceProfile, "conferenceProfile");
        Objects.requireNonNull(permissions, "permissions");
    }

    /** A profile with mod_httapi's defaults: no credentials, no timeout, conference profile "default". */
    public static Builder builder(String name, URI gatewayUrl) {
        return new Builder(name, gatewayUrl);
    }

    /**
     * The "baraza" profile as freeswitch-conf ships it (autoload_configs/httapi.conf.xml): basic auth, a 10 s
     * timeout, conferences of the "radio" profile, Baraza's four channel variables, any variable read back,
     * and {@code <execute>} of conference, playback, sleep and answer only. freeswitch-conf's tests hold the
     * shipped file to this.
     */
    public static HttapiProfile baraza(URI gatewayUrl, String user, String password) {
        return builder("baraza", gatewayUrl).credentials(user, password).timeout(Duration.ofSeconds(10))
                .conferenceProfile("radio")
                .permissions(new Permissions(true,
                        Names.only("baraza_station", "baraza_airing", "baraza_role", "baraza_leg"), Names.ANY,
                        Names.only("conference", "playback", "sleep", "answer"), false, true, false))
                .build();
    }

    /**
     * What the simulator's {@code default} profile has always allowed: any variable set or read, the
     * applications a typical profile lets run (answer, pre_answer, playback, sleep, set, export, hangup, park,
     * transfer), {@code ${...}} in their data. Used when the configuration names no {@code default} profile.
     */
    public static HttapiProfile lenientDefault(URI gatewayUrl) {
        return builder("default", gatewayUrl)
                .permissions(new Permissions(true, Names.ANY, Names.ANY,
                        new Names(false, LENIENT_APPLICATIONS), true, true, false))
                .build();
    }

    /** Builds an {@link HttapiProfile}; not thread-safe, use once. */
    public static final class Builder {
        private final String name;
        private final URI gatewayUrl;
        private String credentials;
        private Duration timeout = Duration.ZERO;
        private String conferenceProfile = "default";
        private Permissions permissions = Permissions.DEFAULTS;

        private Builder(String name, URI gatewayUrl) {
            this.name = name;
            this.gatewayUrl = gatewayUrl;
        }

        /** HTTP basic auth ({@code gateway-credentials} {@code user:password}, {@code auth-scheme} basic). */
        public Builder credentials(String user, String password) {
            credentials = user + ":" + password;
            return this;
        }

        public Builder timeout(Duration value) {
            timeout = value;
            return this;
        }

        public Builder conferenceProfile(String value) {
            conferenceProfile = value;
            return this;
        }

        public Builder permissions(Permissions value) {
            permissions = value;
            return this;
        }

        public HttapiProfile build() {
            return new HttapiProfile(name, gatewayUrl, credentials, timeout, conferenceProfile, permissions);
        }
    }
}

package org.baraza.sim;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How to run a simulator. Build one with {@link #builder()}; every setting has a default that matches the
 * recorded FreeSWITCH (event socket on 127.0.0.1:8021 with password ClueCon, the recording's dialplan and
 * conference profile). Immutable.
 *
 * @param eslAddress           where the event socket listens (port 0 picks a free port)
 * @param eslPassword          what {@code auth} must send
 * @param webhookUrl           the mod_httapi webhook station numbers and extension 9103 go to, or null
 * @param controlAddress       where the HTTP control API listens, or null for none
 * @param timeScale            how many times faster than the wall clock simulated time runs
 * @param manualClock          true to keep simulated time still until {@link SimClock#advance} moves it
 * @param epoch                simulated time at start, or null for the wall clock's now
 * @param hostname             FreeSWITCH-Hostname of events
 * @param zone                 the zone of Event-Date-Local and of {@code created} in {@code show channels}
 * @param soundsDirectory      where relative media paths are looked up
 * @param fileRoot             where absolute media and recording paths live, or null for the real file system
 * @param extensions           extension → dialplan steps ({@code "answer"}, {@code "conference studio-a@default"})
 * @param publicNumbers        number → steps for incoming calls; a number not listed goes to the webhook
 * @param conferenceSounds     true for the recorded profile's tones and missing sounds, false for silence
 * @param eventLogCapacity     how many recent events the Java and control APIs keep (default 2,000: a busy
 *                             channel event weighs about 10 KB, and what is kept survives young GCs)
 * @param eventQueueCapacity   how many events one ESL client may have waiting before events for it are dropped
 * @param heartbeat            how often HEARTBEAT fires (simulated time), or zero for never
 * @param httapiProfiles       mod_httapi's profiles by name; a {@code default} profile is always there
 *                             ({@link HttapiProfile#lenientDefault} at the webhook unless one is given)
 */
public record SoftswitchConfig(InetSocketAddress eslAddress, String eslPassword, URI webhookUrl,
                               InetSocketAddress controlAddress, double timeScale, boolean manualClock, Instant epoch,
                               String hostname, ZoneId zone, Path soundsDirectory, Path fileRoot,
                               Map<String, List<String>> extensions, Map<String, List<String>> publicNumbers,
                               boolean conferenceSounds, int eventLogCapacity, int eventQueueCapacity,
                               Duration heartbeat, Map<String, HttapiProfile> httapiProfiles) {

    public static final String DEFAULT_PASSWORD = "ClueCon";
    public static final int DEFAULT_ESL_PORT = 8021;

    public SoftswitchConfig {
        Objects.requireNonNull(eslAddress, "eslAddress");
        if (eslPassword == null || eslPassword.isEmpty() || eslPassword.contains("\n") || eslPassword.contains("\r")) {
            throw new IllegalArgumentException("the ESL password must be one non-empty line");
        }
        if (webhookUrl != null && !("http".equals(webhookUrl.getScheme()) || "https".equals(webhookUrl.getScheme()))) {
            throw new IllegalArgumentException("the webhook URL must be http:// or https://: " + webhookUrl);
        }
        if (!(timeScale > 0) || Double.isInfinite(timeScale)) {
            throw new IllegalArgumentException("the time scale must be a positive number: " + timeScale);
        }
        Objects.requireNonNull(hostname, "hostname");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(soundsDirectory, "soundsDirectory");
        extensions = Map.copyOf(extensions);
        publicNumbers = Map.copyOf(publicNumbers);
        if (eventLogCapacity < 1 || eventQueueCapacity < 1) {
            throw new IllegalArgumentException("capacities must be positive");
        }
        if (heartbeat == null || heartbeat.isNegative()) {
            throw new IllegalArgumentException("the heartbeat interval must be zero or more");
        }
        Objects.requireNonNull(httapiProfiles, "httapiProfiles");
        Map<String, HttapiProfile> profiles = new LinkedHashMap<>();
        profiles.put("default", HttapiProfile.lenientDefault(webhookUrl));
        httapiProfiles.forEach((name, profile) -> {
            if (!name.equals(profile.name())) {
                throw new IllegalArgumentException("the httapi profile " + profile.name() + " is filed as " + name);
            }
            profiles.put(name, profile);
        });
        httapiProfiles = Collections.unmodifiableMap(profiles);
    }

    /** A configuration whose only httapi profile is the lenient {@code default} at the webhook. */
    public SoftswitchConfig(InetSocketAddress eslAddress, String eslPassword, URI webhookUrl,
                            InetSocketAddress controlAddress, double timeScale, boolean manualClock, Instant epoch,
                            String hostname, ZoneId zone, Path soundsDirectory, Path fileRoot,
                            Map<String, List<String>> extensions, Map<String, List<String>> publicNumbers,
                            boolean conferenceSounds, int eventLogCapacity, int eventQueueCapacity,
                            Duration heartbeat) {
        this(eslAddress, eslPassword, webhookUrl, controlAddress, timeScale, manualClock, epoch, hostname, zone,
                soundsDirectory, fileRoot, extensions, publicNumbers, conferenceSounds, eventLogCapacity,
                eventQueueCapacity, heartbeat, Map.of());
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link SoftswitchConfig}; not thread-safe, use once. */
    public static final class Builder {
        private InetSocketAddress eslAddress = new InetSocketAddress("127.0.0.1", DEFAULT_ESL_PORT);
        private String eslPassword = DEFAULT_PASSWORD;
        private URI webhookUrl;
        private InetSocketAddress controlAddress;
        private double timeScale = 1.0;
        private boolean manualClock;
        private Instant epoch;
        private String hostname = "baraza-sim";
        private ZoneId zone = ZoneId.systemDefault();
        private Path soundsDirectory = Path.of("/usr/local/freeswitch/sounds");
        private Path fileRoot;
        private final Map<String, List<String>> extensions = new LinkedHashMap<>();
        private boolean recordedExtensions = true;
        private final Map<String, List<String>> publicNumbers = new LinkedHashMap<>();
        private boolean conferenceSounds = true;
        private int eventLogCapacity = 2_000;
        private int eventQueueCapacity = 100_000;
        private Duration heartbeat = Duration.ofSeconds(20);
        private final Map<String, HttapiProfile> httapiProfiles = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder eslAddress(InetSocketAddress value) {
            eslAddress = value;
            return this;
        }

        /** The event socket on 127.0.0.1 at a port; 0 picks a free one. */
        public Builder eslPort(int port) {
            eslAddress = new InetSocketAddress("127.0.0.1", port);
            return this;
        }

        public Builder eslPassword(String value) {
            eslPassword = value;
            return this;
        }

        public Builder webhookUrl(URI value) {
            webhookUrl = value;
            return this;
        }

        public Builder controlAddress(InetSocketAddress value) {
            controlAddress = value;
            return this;
        }

        public Builder timeScale(double value) {
            timeScale = value;
            return this;
        }

        public Builder manualClock(boolean value) {
            manualClock = value;
            return this;
        }

        public Builder epoch(Instant value) {
            epoch = value;
            return this;
        }

        public Builder hostname(String value) {
            hostname = value;
            return this;
        }

        public Builder zone(ZoneId value) {
            zone = value;
            return this;
        }

        public Builder soundsDirectory(Path value) {
            soundsDirectory = value;
            return this;
        }

        /** Keeps absolute media and recording paths under this directory instead of the real file system. */
        public Builder fileRoot(Path value) {
            fileRoot = value;
            return this;
        }

        /** Adds or replaces a {@code default} context extension. */
        public Builder extension(String number, List<String> steps) {
            extensions.put(number, List.copyOf(steps));
            return this;
        }

        /** Leaves out the recording's 9100/9102/9103 extensions. */
        public Builder withoutRecordedExtensions() {
            recordedExtensions = false;
            return this;
        }

        /** Routes an incoming call to a number through these steps instead of the webhook. */
        public Builder publicNumber(String number, List<String> steps) {
            publicNumbers.put(number, List.copyOf(steps));
            return this;
        }

        public Builder conferenceSounds(boolean value) {
            conferenceSounds = value;
            return this;
        }

        public Builder eventLogCapacity(int value) {
            eventLogCapacity = value;
            return this;
        }

        public Builder eventQueueCapacity(int value) {
            eventQueueCapacity = value;
            return this;
        }

        public Builder heartbeat(Duration value) {
            heartbeat = value;
            return this;
        }

        /**
         * Adds or replaces a mod_httapi profile, which {@code httapi {httapi_profile=<name>}} then runs
         * ({@link HttapiProfile#baraza} for the one freeswitch-conf ships).
         */
        public Builder httapiProfile(HttapiProfile profile) {
            httapiProfiles.put(profile.name(), profile);
            return this;
        }

        public SoftswitchConfig build() {
            Map<String, List<String>> all = new LinkedHashMap<>();
            if (recordedExtensions) {
                all.put("9100", List.of("answer", "conference studio-a@default"));
                all.put("9102", List.of("answer", "park"));
                if (webhookUrl != null) {
                    all.put("9103", List.of("httapi {url=" + webhookUrl + "}"));
                }
            }
            all.putAll(extensions);
            return new SoftswitchConfig(eslAddress, eslPassword, webhookUrl, controlAddress, timeScale, manualClock,
                    epoch, hostname, zone, soundsDirectory, fileRoot, all, publicNumbers, conferenceSounds, eventLogCapacity,
                    eventQueueCapacity, heartbeat, httapiProfiles);
        }
    }
}

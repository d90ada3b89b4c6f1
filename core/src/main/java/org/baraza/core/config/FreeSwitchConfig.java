package org.baraza.core.config;

import java.nio.file.Path;
import java.util.List;

/**
 * How a station daemon reaches FreeSWITCH and what it relies on there: the event socket, the conference
 * profile of on-air conferences, a dial string that answers and stays (to keep a conference alive), and
 * where FreeSWITCH finds Baraza's media and recordings, and how it calls people's phones.
 *
 * @param recordingsDir        where recordings live: the server writes listeners' messages there, FreeSWITCH
 *                             plays them from there (the same path on both, or a shared mount)
 * @param outboundDialTemplate how to call a phone number (hosts, guests, listeners called back), with
 *                             {@code {number}} for the number; a station may set its own
 */
public record FreeSwitchConfig(String nodeName, String eslHost, int eslPort, String eslPassword, String conferenceProfile,
                               String anchorDialString, Path mediaDir, Path recordingsDir, String outboundDialTemplate) {

    public static final ConfigKey<String> NODE_NAME = ConfigKey.of("freeswitch.node-name", "fs1",
            "This FreeSWITCH's name in logs and the call log.", Parsers.nonBlank(100));
    public static final ConfigKey<String> ESL_HOST = ConfigKey.of("freeswitch.esl-host", "127.0.0.1",
            "Where FreeSWITCH's event socket listens.", Parsers.nonBlank(255));
    public static final ConfigKey<Integer> ESL_PORT = ConfigKey.of("freeswitch.esl-port", "8021",
            "The event socket's port.", Parsers.integer(1, 65535));
    public static final ConfigKey<String> ESL_PASSWORD = new ConfigKey<>("freeswitch.esl-password", "ClueCon",
            "The event socket's password (event_socket.conf.xml); change it on any real switch.", Parsers.nonBlank(200), true);
    public static final ConfigKey<String> CONFERENCE_PROFILE = ConfigKey.of("freeswitch.conference-profile", "radio",
            "The conference profile of on-air conferences (freeswitch-conf defines \"radio\").", Parsers.nonBlank(100));
    public static final ConfigKey<String> ANCHOR_DIAL_STRING = ConfigKey.of("freeswitch.anchor-dial-string",
            "loopback/baraza-anchor", "A dial string that answers and stays, keeping each on-air conference alive "
                    + "whoever drops (a loopback to a parking extension).", Parsers.nonBlank(250));
    public static final ConfigKey<Path> MEDIA_DIR = ConfigKey.of("freeswitch.media-dir", "/var/lib/baraza/media",
            "Where FreeSWITCH reads Baraza's media; media paths in the database are relative to it.", Parsers.path());

    public static final ConfigKey<Path> RECORDINGS_DIR = ConfigKey.of("freeswitch.recordings-dir", "/var/lib/baraza/recordings",
            "Where recordings live: the server stores listeners' messages there and FreeSWITCH plays them from there.",
            Parsers.path());
    public static final ConfigKey<String> OUTBOUND_DIAL_TEMPLATE = ConfigKey.of("freeswitch.outbound-dial-template",
            "sofia/gateway/baraza/{number}", "How FreeSWITCH calls a phone number (hosts, guests, listeners called back); "
                    + "{number} is replaced by the number. A station may set its own.", Parsers.dialTemplate());

    static final List<ConfigKey<?>> KEYS = List.of(NODE_NAME, ESL_HOST, ESL_PORT, ESL_PASSWORD, CONFERENCE_PROFILE,
            ANCHOR_DIAL_STRING, MEDIA_DIR, RECORDINGS_DIR, OUTBOUND_DIAL_TEMPLATE);

    static FreeSwitchConfig from(Settings s) {
        return new FreeSwitchConfig(s.get(NODE_NAME), s.get(ESL_HOST), s.get(ESL_PORT), s.get(ESL_PASSWORD),
                s.get(CONFERENCE_PROFILE), s.get(ANCHOR_DIAL_STRING), s.get(MEDIA_DIR), s.get(RECORDINGS_DIR),
                s.get(OUTBOUND_DIAL_TEMPLATE));
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "FreeSwitchConfig[" + nodeName + " at " + eslHost + ":" + eslPort + ", profile " + conferenceProfile + "]";
    }
}

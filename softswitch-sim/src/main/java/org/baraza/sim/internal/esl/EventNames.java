package org.baraza.sim.internal.esl;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The event type names FreeSWITCH 1.10 knows (switch_event.c EVENT_NAMES), for {@code event} and
 * {@code nixevent}: an unknown name is skipped without complaint, as FreeSWITCH skips it, and a name may be
 * given with its C prefix ({@code SWITCH_EVENT_CHANNEL_ANSWER}).
 */
final class EventNames {
    static final String ALL = "ALL";
    static final String CUSTOM = "CUSTOM";

    private static final List<String> NAMES = List.of("CUSTOM", "CLONE", "CHANNEL_CREATE", "CHANNEL_DESTROY",
            "CHANNEL_STATE", "CHANNEL_CALLSTATE", "CHANNEL_ANSWER", "CHANNEL_HANGUP", "CHANNEL_HANGUP_COMPLETE",
            "CHANNEL_EXECUTE", "CHANNEL_EXECUTE_COMPLETE", "CHANNEL_HOLD", "CHANNEL_UNHOLD", "CHANNEL_BRIDGE",
            "CHANNEL_UNBRIDGE", "CHANNEL_PROGRESS", "CHANNEL_PROGRESS_MEDIA", "CHANNEL_OUTGOING", "CHANNEL_PARK",
            "CHANNEL_UNPARK", "CHANNEL_APPLICATION", "CHANNEL_ORIGINATE", "CHANNEL_UUID", "API", "LOG",
            "INBOUND_CHAN", "OUTBOUND_CHAN", "STARTUP", "SHUTDOWN", "PUBLISH", "UNPUBLISH", "TALK", "NOTALK",
            "SESSION_CRASH", "MODULE_LOAD", "MODULE_UNLOAD", "DTMF", "MESSAGE", "PRESENCE_IN", "NOTIFY_IN",
            "PRESENCE_OUT", "PRESENCE_PROBE", "MESSAGE_WAITING", "MESSAGE_QUERY", "ROSTER", "CODEC",
            "BACKGROUND_JOB", "DETECTED_SPEECH", "DETECTED_TONE", "PRIVATE_COMMAND", "HEARTBEAT", "TRAP",
            "ADD_SCHEDULE", "DEL_SCHEDULE", "EXE_SCHEDULE", "RE_SCHEDULE", "RELOADXML", "NOTIFY", "PHONE_FEATURE",
            "PHONE_FEATURE_SUBSCRIBE", "SEND_MESSAGE", "RECV_MESSAGE", "REQUEST_PARAMS", "CHANNEL_DATA", "GENERAL",
            "COMMAND", "SESSION_HEARTBEAT", "CLIENT_DISCONNECTED", "SERVER_DISCONNECTED", "SEND_INFO", "RECV_INFO",
            "RECV_RTCP_MESSAGE", "CALL_SECURE", "NAT", "RECORD_START", "RECORD_STOP", "PLAYBACK_START",
            "PLAYBACK_STOP", "CALL_UPDATE", "FAILURE", "SOCKET_DATA", "MEDIA_BUG_START", "MEDIA_BUG_STOP",
            "CONFERENCE_DATA_QUERY", "CONFERENCE_DATA", "CALL_SETUP_REQ", "CALL_SETUP_RESULT", "CALL_DETAIL",
            "DEVICE_STATE", "REAL_TIME_TEXT", ALL);

    private EventNames() {
    }

    /** Every name except ALL. */
    static List<String> allTypes() {
        return NAMES.subList(0, NAMES.size() - 1);
    }

    /** The canonical name for what a client typed, if FreeSWITCH would know it. */
    static Optional<String> lookup(String typed) {
        String upper = typed.toUpperCase(Locale.ROOT);
        for (String name : NAMES) {
            // switch_name_event also accepts the 13-character "SWITCH_EVENT_" prefix.
            if (upper.equals(name) || (upper.length() > 13 && upper.substring(13).equals(name))) {
                return Optional.of(name);
            }
        }
        return Optional.empty();
    }
}

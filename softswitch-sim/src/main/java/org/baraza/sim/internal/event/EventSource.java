package org.baraza.sim.internal.event;

/**
 * Every event the simulator fires, with the name and the C source location FreeSWITCH 1.10.12 puts in
 * {@code Event-Calling-File}, {@code -Function} and {@code -Line-Number}. The locations are copied from the
 * transcripts in {@code shared/freeswitch-1.10.12}; the few events the transcripts never show (hup-member,
 * lock, unlock, talking, play-file-member, RECORD_START/STOP) carry the function FreeSWITCH fires them from
 * and a line of 0.
 */
public enum EventSource {
    API("API", "switch_loadable_module.c", "switch_api_execute", 2954),
    BACKGROUND_JOB("BACKGROUND_JOB", "mod_event_socket.c", "api_exec", 1572),
    CALL_UPDATE("CALL_UPDATE", "switch_channel.c", "switch_channel_flip_cid", 3277),
    CHANNEL_ANSWER("CHANNEL_ANSWER", "switch_channel.c", "switch_channel_perform_mark_answered", 3846),
    CHANNEL_CALLSTATE("CHANNEL_CALLSTATE", "switch_channel.c", "switch_channel_perform_set_callstate", 301),
    CHANNEL_CREATE("CHANNEL_CREATE", "switch_core_state_machine.c", "switch_core_session_run", 626),
    CHANNEL_DESTROY("CHANNEL_DESTROY", "switch_core_session.c", "switch_core_session_perform_destroy", 1584),
    CHANNEL_EXECUTE("CHANNEL_EXECUTE", "switch_core_session.c", "switch_core_session_exec", 2944),
    CHANNEL_EXECUTE_COMPLETE("CHANNEL_EXECUTE_COMPLETE", "switch_core_session.c", "switch_core_session_exec", 2967),
    CHANNEL_HANGUP("CHANNEL_HANGUP", "switch_channel.c", "switch_channel_perform_hangup", 3445),
    CHANNEL_HANGUP_COMPLETE("CHANNEL_HANGUP_COMPLETE", "switch_core_state_machine.c",
            "switch_core_session_reporting_state", 943),
    CHANNEL_ORIGINATE("CHANNEL_ORIGINATE", "switch_core_state_machine.c", "switch_core_session_run", 632),
    CHANNEL_OUTGOING("CHANNEL_OUTGOING", "switch_core_session.c", "switch_core_session_outgoing_channel", 768),
    CHANNEL_PARK("CHANNEL_PARK", "switch_ivr.c", "switch_ivr_park", 1002),
    CHANNEL_UNPARK("CHANNEL_UNPARK", "switch_ivr.c", "switch_ivr_park", 1213),
    CHANNEL_PROGRESS("CHANNEL_PROGRESS", "switch_channel.c", "switch_channel_perform_mark_ring_ready_value", 3505),
    CHANNEL_PROGRESS_MEDIA("CHANNEL_PROGRESS_MEDIA", "switch_channel.c", "switch_channel_perform_mark_pre_answered",
            3560),
    CHANNEL_STATE("CHANNEL_STATE", "switch_channel.c", "switch_channel_perform_set_running_state", 2408),
    CHANNEL_UUID("CHANNEL_UUID", "switch_core_session.c", "switch_core_session_set_uuid", 2051),
    CODEC_READ("CODEC", "switch_core_codec.c", "switch_core_session_set_read_codec", 279),
    CODEC_WRITE("CODEC", "switch_core_codec.c", "switch_core_session_set_write_codec", 450),
    DTMF("DTMF", "switch_channel.c", "switch_channel_dequeue_dtmf", 677),
    HEARTBEAT("HEARTBEAT", "switch_core.c", "send_heartbeat", 95),
    RE_SCHEDULE("RE_SCHEDULE", "switch_scheduler.c", "switch_scheduler_execute", 73),
    MEDIA_BUG_START("MEDIA_BUG_START", "switch_core_media_bug.c", "switch_core_media_bug_add", 1014),
    MEDIA_BUG_STOP("MEDIA_BUG_STOP", "switch_core_media_bug.c", "switch_core_media_bug_destroy", 84),
    PLAYBACK_START("PLAYBACK_START", "switch_ivr_play_say.c", "switch_ivr_play_file", 1646),
    PLAYBACK_STOP("PLAYBACK_STOP", "switch_ivr_play_say.c", "switch_ivr_play_file", 2020),
    RECORD_START("RECORD_START", "switch_ivr_async.c", "record_callback", 0),
    RECORD_STOP("RECORD_STOP", "switch_ivr_async.c", "record_callback", 0),
    PRESENCE_IN("PRESENCE_IN", "mod_conference.c", "conference_send_presence", 3870),
    PRIVATE_COMMAND("PRIVATE_COMMAND", "switch_ivr.c", "switch_ivr_parse_next_event", 804),
    /** The command uuid_broadcast queues; its headers open the PRIVATE_COMMAND fired after the playback. */
    BROADCAST_COMMAND("COMMAND", "switch_ivr_async.c", "switch_ivr_broadcast", 5731),
    CONFERENCE_CREATE("CUSTOM", "mod_conference.c", "conference_new", 3848),
    CONFERENCE_DESTROY("CUSTOM", "mod_conference.c", "conference_thread_run", 863),
    CONFERENCE_ADD_MEMBER("CUSTOM", "conference_member.c", "conference_member_add", 962),
    CONFERENCE_DEL_MEMBER("CUSTOM", "conference_member.c", "conference_member_del", 1355),
    CONFERENCE_FLOOR_CHANGE("CUSTOM", "conference_member.c", "conference_member_set_floor_holder", 1158),
    CONFERENCE_MUTE("CUSTOM", "conference_api.c", "conference_api_sub_mute", 339),
    CONFERENCE_UNMUTE("CUSTOM", "conference_api.c", "conference_api_sub_unmute", 492),
    CONFERENCE_DEAF("CUSTOM", "conference_api.c", "conference_api_sub_deaf", 797),
    CONFERENCE_UNDEAF("CUSTOM", "conference_api.c", "conference_api_sub_undeaf", 839),
    CONFERENCE_KICK("CUSTOM", "conference_api.c", "conference_api_sub_kick", 902),
    CONFERENCE_HUP("CUSTOM", "conference_api.c", "conference_api_sub_hup", 0),
    CONFERENCE_LOCK("CUSTOM", "conference_api.c", "conference_api_sub_lock", 0),
    CONFERENCE_UNLOCK("CUSTOM", "conference_api.c", "conference_api_sub_unlock", 0),
    CONFERENCE_PLAY_FILE("CUSTOM", "conference_api.c", "conference_api_sub_play", 2817),
    CONFERENCE_PLAY_FILE_MEMBER("CUSTOM", "conference_api.c", "conference_api_sub_play", 0),
    CONFERENCE_PLAY_FAILED("CUSTOM", "conference_file.c", "conference_file_play", 268),
    CONFERENCE_PLAY_DONE("CUSTOM", "conference_file.c", "conference_file_close", 52),
    CONFERENCE_START_RECORDING("CUSTOM", "conference_record.c", "conference_record_thread_run", 319),
    CONFERENCE_STOP_RECORDING("CUSTOM", "conference_record.c", "conference_record_thread_run", 427),
    CONFERENCE_TALKING("CUSTOM", "conference_loop.c", "conference_loop_input", 0);

    /** The subclass of every conference event. */
    public static final String CONFERENCE_MAINTENANCE = "conference::maintenance";

    private final String eventName;
    private final String file;
    private final String function;
    private final int line;

    EventSource(String eventName, String file, String function, int line) {
        this.eventName = eventName;
        this.file = file;
        this.function = function;
        this.line = line;
    }

    public String eventName() {
        return eventName;
    }

    public String file() {
        return file;
    }

    public String function() {
        return function;
    }

    public int line() {
        return line;
    }

    /** The subclass of a CUSTOM event, or null. */
    public String subclass() {
        return eventName.equals("CUSTOM") ? CONFERENCE_MAINTENANCE : null;
    }
}

package org.baraza.sim.internal.channel;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One call leg as FreeSWITCH shows it to the outside: identity, states, caller profile, codec, times and
 * channel variables (in the order they were set; setting a variable again moves it to the end, as
 * switch_channel_set_variable does). Holds no behaviour: the call package drives it and fires its events.
 * Lives from creation to CHANNEL_DESTROY; owned by the switch thread.
 */
public final class Channel {
    private String uuid;
    private final String name;
    private final Direction direction;
    private final Technology technology;
    private final int sessionId;
    private final CallerProfile profile;
    private final Map<String, String> variables = new LinkedHashMap<>();
    private ChannelState state = ChannelState.CS_NEW;
    private int stateNumber;
    private CallState callState = CallState.DOWN;
    private AnswerState answerState = AnswerState.RINGING;
    private boolean hitDialplan;
    private Codec codec;
    private final long createdMicros;
    private long answeredMicros;
    private long progressMicros;
    private long progressMediaMicros;
    private long hangupMicros;
    private long transferMicros;
    private HangupCause hangupCause;
    private String application;
    private String applicationData;

    public Channel(String uuid, String name, Direction direction, Technology technology, int sessionId,
                   CallerProfile profile, long createdMicros) {
        this.uuid = uuid;
        this.name = name;
        this.direction = direction;
        this.technology = technology;
        this.sessionId = sessionId;
        this.profile = profile;
        this.createdMicros = createdMicros;
    }

    public String uuid() {
        return uuid;
    }

    /**
     * Takes the uuid an originate asked for (origination_uuid). FreeSWITCH creates the session with a uuid of
     * its own and renames it, firing CHANNEL_UUID; this is that rename.
     */
    public void adoptUuid(String newUuid) {
        uuid = newUuid;
    }

    public String name() {
        return name;
    }

    public Direction direction() {
        return direction;
    }

    public Technology technology() {
        return technology;
    }

    public int sessionId() {
        return sessionId;
    }

    public CallerProfile profile() {
        return profile;
    }

    public ChannelState state() {
        return state;
    }

    public int stateNumber() {
        return stateNumber;
    }

    /** Sets the running state and the state number reported with it. */
    public void state(ChannelState running, int number) {
        state = running;
        stateNumber = number;
    }

    public void stateNumber(int number) {
        stateNumber = number;
    }

    public CallState callState() {
        return callState;
    }

    public void callState(CallState value) {
        callState = value;
    }

    public AnswerState answerState() {
        return answerState;
    }

    public void answerState(AnswerState value) {
        answerState = value;
    }

    public boolean hitDialplan() {
        return hitDialplan;
    }

    public void hitDialplan(boolean value) {
        hitDialplan = value;
    }

    /** The codec, or null before one is set. */
    public Codec codec() {
        return codec;
    }

    public void codec(Codec value) {
        codec = value;
    }

    public long createdMicros() {
        return createdMicros;
    }

    public long answeredMicros() {
        return answeredMicros;
    }

    public void answeredMicros(long value) {
        answeredMicros = value;
    }

    public long progressMicros() {
        return progressMicros;
    }

    public void progressMicros(long value) {
        progressMicros = value;
    }

    public long progressMediaMicros() {
        return progressMediaMicros;
    }

    public void progressMediaMicros(long value) {
        progressMediaMicros = value;
    }

    public long hangupMicros() {
        return hangupMicros;
    }

    public void hangupMicros(long value) {
        hangupMicros = value;
    }

    public long transferMicros() {
        return transferMicros;
    }

    public void transferMicros(long value) {
        transferMicros = value;
    }

    /** The hangup cause, or null while the channel is up. */
    public HangupCause hangupCause() {
        return hangupCause;
    }

    public void hangupCause(HangupCause value) {
        hangupCause = value;
    }

    public boolean isHungUp() {
        return hangupCause != null;
    }

    public boolean isAnswered() {
        return answeredMicros != 0;
    }

    /** The application running now ({@code show channels} reports it), or null. */
    public String application() {
        return application;
    }

    public String applicationData() {
        return applicationData;
    }

    public void application(String app, String data) {
        application = app;
        applicationData = data;
    }

    public Map<String, String> variables() {
        return Collections.unmodifiableMap(variables);
    }

    public String variable(String variableName) {
        return variables.get(variableName);
    }

    /** Sets a variable (moving it to the end); a null value unsets it. */
    public void variable(String variableName, String value) {
        variables.remove(variableName);
        if (value != null) {
            variables.put(variableName, value);
        }
    }
}

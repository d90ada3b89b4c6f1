package org.baraza.sim.internal.channel;

/**
 * A channel's caller profile (switch_caller_profile_t): who calls whom, through which dialplan. Written into
 * events as the {@code Caller-*} headers, leaving out the fields that are unset, as FreeSWITCH does. Mutable
 * (a transfer changes the destination and context); owned by the switch thread.
 */
public final class CallerProfile {
    private String username;
    private String dialplan;
    private String callerIdName;
    private String callerIdNumber;
    private String origCallerIdName;
    private String origCallerIdNumber;
    private String calleeIdName;
    private String calleeIdNumber;
    private String networkAddr;
    private String ani;
    private String destinationNumber;
    private String source;
    private String transferSource;
    private String context;
    private String rdnis;
    private int profileIndex = 1;
    private long createdMicros;

    public String username() {
        return username;
    }

    public CallerProfile username(String value) {
        username = value;
        return this;
    }

    public String dialplan() {
        return dialplan;
    }

    public CallerProfile dialplan(String value) {
        dialplan = value;
        return this;
    }

    public String callerIdName() {
        return callerIdName;
    }

    /** Sets the caller id name and, as a new profile does, the original caller id name. */
    public CallerProfile callerIdName(String value) {
        callerIdName = value;
        origCallerIdName = value;
        return this;
    }

    public String callerIdNumber() {
        return callerIdNumber;
    }

    /** Sets the caller id number, the original caller id number and the ANI, as a new profile does. */
    public CallerProfile callerIdNumber(String value) {
        callerIdNumber = value;
        origCallerIdNumber = value;
        ani = value;
        return this;
    }

    public String origCallerIdName() {
        return origCallerIdName;
    }

    public String origCallerIdNumber() {
        return origCallerIdNumber;
    }

    public String calleeIdName() {
        return calleeIdName;
    }

    public CallerProfile calleeIdName(String value) {
        calleeIdName = value;
        return this;
    }

    public String calleeIdNumber() {
        return calleeIdNumber;
    }

    public CallerProfile calleeIdNumber(String value) {
        calleeIdNumber = value;
        return this;
    }

    public String networkAddr() {
        return networkAddr;
    }

    public CallerProfile networkAddr(String value) {
        networkAddr = value;
        return this;
    }

    public String ani() {
        return ani;
    }

    public String destinationNumber() {
        return destinationNumber;
    }

    public CallerProfile destinationNumber(String value) {
        destinationNumber = value;
        return this;
    }

    public String source() {
        return source;
    }

    public CallerProfile source(String value) {
        source = value;
        return this;
    }

    public String transferSource() {
        return transferSource;
    }

    public CallerProfile transferSource(String value) {
        transferSource = value;
        return this;
    }

    public String context() {
        return context;
    }

    public CallerProfile context(String value) {
        context = value;
        return this;
    }

    public String rdnis() {
        return rdnis;
    }

    public CallerProfile rdnis(String value) {
        rdnis = value;
        return this;
    }

    public int profileIndex() {
        return profileIndex;
    }

    public CallerProfile profileIndex(int value) {
        profileIndex = value;
        return this;
    }

    public long createdMicros() {
        return createdMicros;
    }

    public CallerProfile createdMicros(long value) {
        createdMicros = value;
        return this;
    }

    /**
     * switch_channel_flip_cid: once an originate succeeds, the A leg shows the callee as its caller and the
     * original caller as its callee (the CALL_UPDATE the transcripts show). Orig numbers and ANI stay.
     */
    public void flip() {
        String name = callerIdName;
        String number = callerIdNumber;
        callerIdName = calleeIdName;
        callerIdNumber = calleeIdNumber;
        calleeIdName = name;
        calleeIdNumber = number;
    }
}

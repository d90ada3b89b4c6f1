package org.baraza.sim.internal.call;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

import org.baraza.sim.PhoneScript;
import org.baraza.sim.internal.channel.Channel;
import org.baraza.sim.internal.loop.Timer;

/**
 * A channel and what drives it: the applications running on it (innermost last), the dialplan steps still to
 * come, the other leg of a loopback pair, the far-end phone's script and timers, and who waits for the
 * originate to resolve. Switch thread only; lives until CHANNEL_DESTROY.
 */
public final class Leg {
    private final Channel channel;
    private final Deque<AppRun> running = new ArrayDeque<>();
    private final Deque<AppCall> pending = new ArrayDeque<>();
    private final List<Timer> timers = new ArrayList<>();
    private Leg partner;
    private PhoneScript farEnd;
    private Consumer<String> originateReply;
    private OriginateRequest originateRequest;
    private String hangupDisposition;
    private MediaOnLeg media;
    private boolean transferring;

    Leg(Channel channel) {
        this.channel = channel;
    }

    public Channel channel() {
        return channel;
    }

    public String uuid() {
        return channel.uuid();
    }

    /** The other leg of a loopback pair, or null. */
    public Leg partner() {
        return partner;
    }

    void partner(Leg other) {
        partner = other;
    }

    /** The script of the phone at the far end of a SIP leg, or null for loopback legs. */
    public PhoneScript farEnd() {
        return farEnd;
    }

    void farEnd(PhoneScript script) {
        farEnd = script;
    }

    Deque<AppRun> running() {
        return running;
    }

    Deque<AppCall> pending() {
        return pending;
    }

    /** The innermost application running, or null. */
    public AppRun currentRun() {
        return running.peekLast();
    }

    void addTimer(Timer timer) {
        timers.add(timer);
    }

    void cancelTimers() {
        timers.forEach(Timer::cancel);
        timers.clear();
    }

    Consumer<String> takeOriginateReply() {
        Consumer<String> reply = originateReply;
        originateReply = null;
        return reply;
    }

    void originateReply(Consumer<String> reply) {
        originateReply = reply;
    }

    OriginateRequest originateRequest() {
        return originateRequest;
    }

    void originateRequest(OriginateRequest request) {
        originateRequest = request;
    }

    boolean awaitingOriginate() {
        return originateReply != null;
    }

    /** sip_hangup_disposition: recv_bye, send_bye, recv_refuse, send_cancel. */
    String hangupDisposition() {
        return hangupDisposition;
    }

    void hangupDisposition(String value) {
        hangupDisposition = value;
    }

    MediaOnLeg media() {
        if (media == null) {
            media = new MediaOnLeg();
        }
        return media;
    }

    boolean transferring() {
        return transferring;
    }

    void transferring(boolean value) {
        transferring = value;
    }

    public boolean isUp() {
        return !channel.isHungUp();
    }
}

package org.baraza.sim.internal.call;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import org.baraza.sim.PhoneScript;
import org.baraza.sim.internal.channel.CallState;
import org.baraza.sim.internal.channel.CallerProfile;
import org.baraza.sim.internal.channel.Channel;
import org.baraza.sim.internal.channel.ChannelState;
import org.baraza.sim.internal.channel.Codec;
import org.baraza.sim.internal.channel.Direction;
import org.baraza.sim.internal.channel.HangupCause;
import org.baraza.sim.internal.channel.Technology;
import org.baraza.sim.internal.event.EventSource;

/**
 * {@code originate}: creates the A leg (and, for loopback, the B leg that runs the dialplan) with the event
 * sequence of the transcripts, waits for the far end, and answers {@code +OK <uuid>} once the leg is
 * answered (or, for loopback, has early media, as originate_early_media makes it) or {@code -ERR <CAUSE>}
 * when it fails or {@code originate_timeout} (default 60 s) runs out. Then the answered leg runs the
 * requested application or extension. Switch thread only.
 */
final class Originator {
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    /** How soon originate notices the far end: FreeSWITCH's originate loop looks every 20 ms. */
    private static final Duration NOTICE = Duration.ofMillis(20);
    private static final String NO_NUMBER = "0000000000";

    private final Switchboard board;

    Originator(Switchboard board) {
        this.board = board;
    }

    void originate(String argument, Consumer<String> reply) {
        Optional<OriginateRequest> parsed = OriginateRequest.parse(argument);
        if (parsed.isEmpty()) {
            reply.accept(OriginateRequest.USAGE);
            return;
        }
        OriginateRequest request = parsed.get();
        Optional<DialString> dial = DialString.parse(request.dialString());
        if (dial.isEmpty()) {
            reply.accept("-ERR " + HangupCause.CHAN_NOT_IMPLEMENTED.name() + "\n");
            return;
        }
        switch (dial.get()) {
            case DialString.Error error ->
                    reply.accept("-ERR " + HangupCause.parse(error.cause()).orElse(HangupCause.NORMAL_CLEARING) + "\n");
            case DialString.Loopback loopback -> loopback(request, loopback, reply);
            case DialString.RegisteredUser user -> {
                Optional<PhoneScript> phone = board.phones().lookup(user.address());
                if (phone.isEmpty()) {
                    unregistered();
                    reply.accept("-ERR " + HangupCause.USER_NOT_REGISTERED.name() + "\n");
                } else {
                    sofia(request, "sofia/" + user.profile() + "/" + user.user(), user.user(), phone.get(), reply);
                }
            }
            case DialString.Gateway gateway -> sofia(request, "sofia/external/" + gateway.number() + "@" + gateway.gateway(),
                    gateway.number(), board.phones().lookup(gateway.address()).orElse(PhoneScript.unreachable()), reply);
            case DialString.SipUri sip -> sofia(request, "sofia/" + sip.profile() + "/" + sip.address(), sip.user(),
                    board.phones().lookup(sip.address()).orElse(PhoneScript.unreachable()), reply);
        }
    }

    private void loopback(OriginateRequest request, DialString.Loopback dial, Consumer<String> reply) {
        String extension = dial.extension();
        Leg a = aLeg(request, "loopback/" + extension + "-a", Technology.LOOPBACK, extension);
        Channel ac = a.channel();
        ac.variable("originate_early_media", "true");
        ac.variable("originate_endpoint", "loopback");
        Leg b = bLeg(request, a, dial);
        ac.variable("other_loopback_leg_uuid", b.uuid());
        ac.variable("loopback_leg", "A");
        a.partner(b);
        b.partner(a);
        LegEvents events = board.legEvents();
        events.state(a, ChannelState.CS_INIT, 1);
        events.codec(b, Codec.L16);
        ac.stateNumber(2);
        board.events().about(EventSource.CHANNEL_CREATE, ac).withVariables().fire();
        board.events().about(EventSource.CHANNEL_ORIGINATE, ac).withVariables().fire();
        events.state(b, ChannelState.CS_INIT, 1);
        b.channel().stateNumber(2);
        board.events().about(EventSource.CHANNEL_CREATE, b.channel()).withVariables().fire();
        b.channel().hitDialplan(true);
        b.channel().state(ChannelState.CS_ROUTING, 2);
        events.callState(b, CallState.RINGING);
        board.events().about(EventSource.CHANNEL_STATE, b.channel()).fire();
        events.state(a, ChannelState.CS_ROUTING, 2);
        events.state(a, ChannelState.CS_CONSUME_MEDIA, 7);
        wait(a, request, reply);
        List<AppCall> steps = board.dialplan().route(dial.context(), extension).orElse(List.of());
        board.runner().run(b, steps);
    }

    private void sofia(OriginateRequest request, String name, String user, PhoneScript phone, Consumer<String> reply) {
        Leg a = aLeg(request, name, Technology.SOFIA, user);
        Channel ac = a.channel();
        ac.variable("sip_profile_name", name.split("/")[1]);
        ac.variable("originate_early_media", "false");
        ac.variable("originate_endpoint", "sofia");
        LegEvents events = board.legEvents();
        events.state(a, ChannelState.CS_INIT, 1);
        ac.stateNumber(2);
        board.events().about(EventSource.CHANNEL_CREATE, ac).withVariables().fire();
        board.events().about(EventSource.CHANNEL_ORIGINATE, ac).withVariables().fire();
        events.state(a, ChannelState.CS_ROUTING, 2);
        events.state(a, ChannelState.CS_CONSUME_MEDIA, 7);
        a.farEnd(phone);
        wait(a, request, reply);
        board.farEnds().dial(a, phone, timeout(request));
    }

    /**
     * A user that is not registered: FreeSWITCH gets as far as a session with no channel name before it finds
     * no registration, and destroys it (CHANNEL_DESTROY and CS_DESTROY for "N/A", as in the transcripts).
     */
    private void unregistered() {
        Leg nothing = board.newLeg(UUID.randomUUID().toString(), "N/A", Direction.OUTBOUND, Technology.SOFIA,
                new CallerProfile().createdMicros(board.legEvents().now()));
        Channel c = nothing.channel();
        c.state(ChannelState.CS_NONE, 0);
        c.variable("direction", "outbound");
        c.variable("is_outbound", "true");
        c.variable("uuid", c.uuid());
        c.variable("call_uuid", c.uuid());
        c.variable("session_id", Integer.toString(c.sessionId()));
        board.events().about(EventSource.CHANNEL_DESTROY, c).withoutCaller().withVariables().fire();
        c.state(ChannelState.CS_DESTROY, 0);
        board.events().about(EventSource.CHANNEL_STATE, c).withoutCaller().fire();
        board.forget(nothing);
    }

    /** Called when the A leg is answered or, for loopback, has early media. */
    void farEndReady(Leg a) {
        if (!a.awaitingOriginate()) {
            return;
        }
        if (a.channel().technology() == Technology.LOOPBACK) {
            a.addTimer(board.loop().schedule(NOTICE, () -> succeed(a)));
        } else {
            succeed(a);
        }
    }

    private void succeed(Leg a) {
        if (!a.isUp() || !a.awaitingOriginate()) {
            return;
        }
        Channel c = a.channel();
        c.variable("endpoint_disposition", c.isAnswered() ? "ANSWER" : "EARLY MEDIA");
        c.variable("pre_transfer_caller_id_number", c.profile().callerIdNumber());
        c.variable("channel_cid_flipped", "yes");
        c.profile().flip();
        c.hitDialplan(true);
        board.events().about(EventSource.CALL_UPDATE, c).before("Direction", "RECV").withVariables().fire();
        a.cancelTimers();
        Consumer<String> reply = a.takeOriginateReply();
        reply.accept("+OK " + a.uuid() + "\n");
        OriginateRequest request = a.originateRequest();
        if (!a.running().isEmpty()) {
            // Something was made to run on the leg before the originate returned (uuid_transfer, uuid_broadcast):
            // it takes the place of what the originate asked for.
            board.farEnds().inCall(a);
            return;
        }
        if (request.runsApplication()) {
            board.runner().run(a, List.of(new AppCall(request.application(), request.applicationData())));
        } else {
            board.transfer(a, request.extension(), request.dialplan(), request.context());
        }
        board.farEnds().inCall(a);
    }

    private void wait(Leg a, OriginateRequest request, Consumer<String> reply) {
        a.originateReply(reply);
        a.originateRequest(request);
        a.addTimer(board.loop().schedule(timeout(request), () -> {
            if (a.awaitingOriginate() && a.isUp()) {
                if (a.channel().technology() != Technology.LOOPBACK) {
                    a.hangupDisposition("send_cancel");
                }
                board.hangup(a, HangupCause.NO_ANSWER);
            }
        }));
    }

    private static Duration timeout(OriginateRequest request) {
        String variable = request.variables().get("originate_timeout");
        if (variable != null) {
            try {
                return Duration.ofSeconds(Math.max(1, Long.parseLong(variable.trim())));
            } catch (NumberFormatException e) {
                return DEFAULT_TIMEOUT;
            }
        }
        return request.timeoutSeconds() == null ? DEFAULT_TIMEOUT : Duration.ofSeconds(request.timeoutSeconds());
    }

    private Leg aLeg(OriginateRequest request, String name, Technology technology, String destination) {
        Map<String, String> vars = request.variables();
        String wanted = vars.get("origination_uuid");
        boolean rename = wanted != null && !wanted.isBlank() && board.leg(wanted).isEmpty();
        CallerProfile profile = new CallerProfile()
                .callerIdName(vars.getOrDefault("origination_caller_id_name", request.callerIdName()))
                .callerIdNumber(vars.getOrDefault("origination_caller_id_number",
                        request.callerIdNumber() == null ? NO_NUMBER : request.callerIdNumber()))
                .calleeIdName("Outbound Call").calleeIdNumber(destination).destinationNumber(destination)
                .context(Dialplan.DEFAULT).profileIndex(1).createdMicros(board.legEvents().now());
        if (technology == Technology.LOOPBACK) {
            profile.dialplan("xml").source(technology.module());
        } else {
            profile.source("src/switch_ivr_originate.c");
        }
        // A duplicate origination_uuid is ignored, as FreeSWITCH ignores it ("Duplicate UUID!"): the call
        // goes ahead under the uuid the session was created with. mod_loopback creates its session first and
        // renames it (CHANNEL_UUID); mod_sofia takes the wanted uuid from the start.
        boolean loopback = technology == Technology.LOOPBACK;
        String uuid = rename && !loopback ? wanted : UUID.randomUUID().toString();
        rename = rename && loopback;
        Leg a = board.newLeg(uuid, name, Direction.OUTBOUND, technology, profile);
        a.channel().state(ChannelState.CS_NONE, 0);
        Channel c = a.channel();
        c.variable("direction", "outbound");
        c.variable("is_outbound", "true");
        c.variable("session_id", Integer.toString(c.sessionId()));
        if (technology == Technology.LOOPBACK) {
            board.legEvents().codec(a, Codec.L16);
            c.variable("read_codec", "L16");
            c.variable("read_rate", "8000");
            c.variable("write_codec", "L16");
            c.variable("write_rate", "8000");
        }
        c.variable("channel_name", name);
        c.variable("uuid", c.uuid());
        c.variable("call_uuid", c.uuid());
        if (rename) {
            String old = c.uuid();
            board.rename(a, wanted);
            c.variable("uuid", wanted);
            c.variable("call_uuid", wanted);
            c.stateNumber(1);
            board.events().about(EventSource.CHANNEL_UUID, c).before("Old-Unique-ID", old).withVariables().fire();
        }
        c.stateNumber(1);
        c.state(ChannelState.CS_NONE, 1);
        board.events().about(EventSource.CHANNEL_OUTGOING, c).fire();
        vars.forEach(c::variable);
        return a;
    }

    private Leg bLeg(OriginateRequest request, Leg a, DialString.Loopback dial) {
        CallerProfile ap = a.channel().profile();
        CallerProfile profile = new CallerProfile().dialplan("xml").callerIdName(ap.callerIdName())
                .callerIdNumber(ap.callerIdNumber()).calleeIdName("Outbound Call").calleeIdNumber(dial.extension())
                .destinationNumber(dial.extension()).source(Technology.LOOPBACK.module()).context(dial.context())
                .profileIndex(1).createdMicros(board.legEvents().now());
        String name = "loopback/" + dial.extension() + "-b";
        Leg b = board.newLeg(UUID.randomUUID().toString(), name, Direction.INBOUND, Technology.LOOPBACK, profile);
        Channel c = b.channel();
        c.state(ChannelState.CS_NONE, 0);
        c.variable("direction", "inbound");
        c.variable("uuid", c.uuid());
        c.variable("call_uuid", c.uuid());
        c.variable("session_id", Integer.toString(c.sessionId()));
        c.variable("channel_name", name);
        c.variable("read_codec", "L16");
        c.variable("read_rate", "8000");
        c.variable("write_codec", "L16");
        c.variable("write_rate", "8000");
        request.variables().forEach(c::variable);
        c.variable("other_loopback_leg_uuid", a.uuid());
        c.variable("loopback_leg", "B");
        return b;
    }
}

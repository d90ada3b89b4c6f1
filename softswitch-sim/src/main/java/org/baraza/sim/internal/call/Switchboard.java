package org.baraza.sim.internal.call;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

import org.baraza.sim.PhoneScript;
import org.baraza.sim.internal.channel.CallerProfile;
import org.baraza.sim.internal.channel.Channel;
import org.baraza.sim.internal.channel.ChannelEvents;
import org.baraza.sim.internal.channel.ChannelState;
import org.baraza.sim.internal.channel.Direction;
import org.baraza.sim.internal.channel.HangupCause;
import org.baraza.sim.internal.channel.Technology;
import org.baraza.sim.internal.event.EventSource;
import org.baraza.sim.internal.loop.SwitchLoop;
import org.baraza.sim.internal.media.MediaFiles;

/**
 * The switch's calls: every live leg by uuid, and the operations FreeSWITCH offers on them (originate,
 * answer, transfer, DTMF, media, hangup), plus calls placed by simulated phones. Delegates each flow to a
 * small collaborator (Originator, FarEnds, AppRunner, LegMedia, Hangups). Lives as long as the simulator;
 * every method runs on the switch thread.
 */
public final class Switchboard {
    /** One frame of audio: how long the media thread of a channel takes to notice a flag. */
    static final Duration MEDIA_FRAME = Duration.ofMillis(20);

    private final SwitchLoop loop;
    private final ChannelEvents events;
    private final LegEvents legEvents;
    private final Dialplan dialplan;
    private final PhoneBook phones;
    private final MediaFiles mediaFiles;
    private final ZoneId zone;
    private final String hostAddress;
    private final Map<String, Leg> legs = new LinkedHashMap<>();
    private final Applications applications = new Applications();
    private final AppRunner runner;
    private final Originator originator = new Originator(this);
    private final FarEnds farEnds = new FarEnds(this);
    private final Hangups hangups = new Hangups(this);
    private final LegMedia media = new LegMedia(this);
    private final FilePlayer player = new FilePlayer(this);
    private final List<Consumer<Leg>> reportingListeners = new ArrayList<>();
    private BiConsumer<Leg, Boolean> talkListener = (leg, talking) -> { };
    private int sessionsSinceStart;
    private int peakSessions;

    public Switchboard(SwitchLoop loop, ChannelEvents events, Dialplan dialplan, PhoneBook phones,
                       MediaFiles mediaFiles, ZoneId zone, String hostAddress) {
        this.loop = loop;
        this.events = events;
        this.legEvents = new LegEvents(events, loop::nowMicros);
        this.dialplan = dialplan;
        this.phones = phones;
        this.mediaFiles = mediaFiles;
        this.zone = zone;
        this.hostAddress = hostAddress;
        this.runner = new AppRunner(this, applications);
        registerBuiltIns();
    }

    /** Adds a dialplan application (conference, httapi). Start-up only. */
    public void registerApplication(String name, Function<AppCall, Application> factory) {
        applications.register(name, factory);
    }

    /** Tells who wants to know when a phone starts or stops talking (the conferences). */
    public void onTalking(BiConsumer<Leg, Boolean> listener) {
        talkListener = listener;
    }

    /** Tells who wants to know when a leg reaches CS_REPORTING (mod_httapi's last request). */
    public void onReporting(Consumer<Leg> listener) {
        reportingListeners.add(listener);
    }

    // --- queries -------------------------------------------------------------------------------------------

    public Optional<Leg> leg(String uuid) {
        return uuid == null ? Optional.empty() : Optional.ofNullable(legs.get(uuid));
    }

    /** Live legs, oldest first. */
    public List<Leg> legs() {
        return List.copyOf(legs.values());
    }

    public int sessionsSinceStart() {
        return sessionsSinceStart;
    }

    public int peakSessions() {
        return peakSessions;
    }

    // --- operations ----------------------------------------------------------------------------------------

    /** {@code originate <args>}; the reply comes when the originate resolves. */
    public void originate(String argument, Consumer<String> reply) {
        originator.originate(argument, reply);
    }

    public void hangup(Leg leg, HangupCause cause) {
        hangups.hangup(leg, cause);
    }

    /** Answers a leg; answering a loopback B leg answers its A leg first, as the transcripts show. */
    public void answer(Leg leg) {
        Leg partner = leg.partner();
        if (partner != null && partner.isUp() && !partner.channel().isAnswered()) {
            legEvents.answered(partner);
            originator.farEndReady(partner);
        }
        if (leg.channel().technology() == Technology.SOFIA && leg.channel().direction() == Direction.INBOUND) {
            // mod_sofia answers an incoming call with media set up first: 183, then 200 (sip-events-plain.log).
            legEvents.earlyMedia(leg);
        }
        legEvents.answered(leg);
        if (leg.channel().technology() == Technology.LOOPBACK && leg.channel().direction() == Direction.INBOUND) {
            leg.channel().variable("endpoint_disposition", "ANSWER");
        }
        originator.farEndReady(leg);
    }

    /** Early media on a leg (and first on the A leg of a loopback pair). */
    public void preAnswer(Leg leg) {
        Leg partner = leg.partner();
        if (partner != null && partner.isUp()) {
            legEvents.earlyMedia(partner);
            if (partner.channel().technology() == Technology.LOOPBACK) {
                originator.farEndReady(partner);
            }
        }
        legEvents.earlyMedia(leg);
    }

    /** ring_ready: ringing on the A leg of a loopback pair, then on the leg itself. */
    public void ringReady(Leg leg) {
        Leg partner = leg.partner();
        if (partner != null && partner.isUp()) {
            legEvents.ringing(partner);
        }
        legEvents.ringing(leg);
    }

    /** uuid_transfer / transfer: runs the destination's dialplan steps on the leg instead of what runs now. */
    public void transfer(Leg leg, String destination, String dialplanName, String context) {
        transfer(leg, destination, dialplanName, context, "uuid_br");
    }

    /**
     * A transfer, with the kind FreeSWITCH writes into Caller-Transfer-Source: {@code bl_xfer} for the dialplan's
     * transfer application, {@code uuid_br} for uuid_transfer.
     */
    void transfer(Leg leg, String destination, String dialplanName, String context, String kind) {
        if (!leg.isUp()) {
            return;
        }
        Channel c = leg.channel();
        CallerProfile p = c.profile();
        long now = legEvents.now();
        String previous = p.destinationNumber();
        // The transfer time belongs to the profile left behind; the new one starts with 0, as the recorded
        // requests after a transfer show (Caller-Channel-Transfer-Time=0 in sip-httapi-requests.log).
        p.profileIndex(p.profileIndex() + 1).createdMicros(now).rdnis(previous).destinationNumber(destination)
                .context(context).dialplan(dialplanName)
                .transferSource((now / 1_000_000L) + ":" + UUID.randomUUID() + ":" + kind + ":" + destination + "/"
                        + context + "/" + dialplanName);
        c.hitDialplan(true);
        c.stateNumber(ChannelState.CS_ROUTING.number());
        leg.pending().clear();
        leg.transferring(true);
        runner.interruptAll(leg, Interruption.TRANSFER);
        leg.transferring(false);
        if (!leg.isUp()) {
            return;
        }
        legEvents.state(leg, ChannelState.CS_ROUTING);
        Optional<List<AppCall>> steps = "inline".equalsIgnoreCase(dialplanName)
                ? Optional.of(Dialplan.inline(destination))
                : dialplan.route(context, destination);
        if (steps.isEmpty()) {
            hangup(leg, HangupCause.NO_ROUTE_DESTINATION);
            return;
        }
        runner.run(leg, steps.get());
    }

    /** uuid_send_dtmf: the leg sends digits to its far end; a loopback partner receives them. */
    public void sendDtmf(Leg leg, String digits) {
        Duration at = Duration.ZERO;
        for (char d : digits.toCharArray()) {
            if (d == 'w') {
                at = at.plusMillis(500);
            } else if (d == 'W') {
                at = at.plusSeconds(1);
            } else if (leg.partner() != null) {
                Leg receiver = leg.partner();
                if (at.isZero()) {
                    dtmfArrived(receiver, d, "UNKNOWN");
                } else {
                    receiver.addTimer(loop.schedule(at, () -> dtmfArrived(receiver, d, "UNKNOWN")));
                }
            }
        }
    }

    /** A digit reaches the leg: the DTMF event, then whatever runs on the leg hears it. */
    public void dtmfArrived(Leg leg, char digit, String source) {
        if (!leg.isUp()) {
            return;
        }
        events.about(EventSource.DTMF, leg.channel())
                .after("DTMF-Digit", Character.toString(digit))
                .after("DTMF-Duration", "2000")
                .after("DTMF-Source", source)
                .fire();
        runner.dtmf(leg, digit);
    }

    /** The phone on a SIP leg starts or stops talking. */
    public void talking(Leg leg, boolean talking) {
        if (leg.isUp()) {
            talkListener.accept(leg, talking);
        }
    }

    /** The phone on a SIP leg hangs up by itself. */
    public void farEndHangsUp(Leg leg) {
        farEnds.hangsUp(leg);
    }

    public void broadcast(Leg leg, String file) {
        media.broadcast(leg, file);
    }

    /**
     * uuid_break: stops what plays on the leg. FreeSWITCH only flags the channel; its media thread stops the
     * file on the next 20 ms frame, after anything else the client asked for meanwhile (see the broadcast
     * scenario: MEDIA_BUG_START of the following uuid_displace comes before PLAYBACK_STOP).
     */
    public void breakMedia(Leg leg) {
        leg.addTimer(loop.schedule(MEDIA_FRAME, () -> {
            if (leg.isUp()) {
                runner.breakInnermost(leg);
            }
        }));
    }

    public boolean displaceStart(Leg leg, String file) {
        return media.displaceStart(leg, file);
    }

    public boolean displaceStop(Leg leg, String file) {
        return media.displaceStop(leg, file);
    }

    public void recordStart(Leg leg, String path, Duration limit) {
        media.recordStart(leg, path, limit);
    }

    public boolean recordStop(Leg leg, String path) {
        return media.recordStop(leg, path);
    }

    /** Runs one application inside whatever runs on the leg (httapi's conference); onDone after it completes. */
    public AppRun execute(Leg leg, AppCall call, Consumer<AppRun> onDone) {
        return runner.execute(leg, call, onDone);
    }

    /**
     * A phone calls a number on the switch, as a SIP INVITE to the external profile: an inbound leg that
     * runs the public dialplan (mod_httapi for a station number). Returns the new leg.
     */
    public Leg placeCall(String from, String to, PhoneScript caller) {
        // A SIP channel is named after the caller's contact, address and port (sipp@127.0.0.1:5095 in the
        // transcripts); a simulated phone calls from the standard SIP port.
        String name = "sofia/external/" + from + "@" + hostAddress + ":5060";
        CallerProfile profile = new CallerProfile().username(from).dialplan("XML").callerIdName(from)
                .callerIdNumber(from).networkAddr(hostAddress).destinationNumber(to).source("mod_sofia")
                .context(Dialplan.PUBLIC).profileIndex(1).createdMicros(legEvents.now());
        Leg leg = newLeg(UUID.randomUUID().toString(), name, Direction.INBOUND, Technology.SOFIA, profile);
        Channel c = leg.channel();
        c.variable("direction", "inbound");
        c.variable("uuid", c.uuid());
        c.variable("session_id", Integer.toString(c.sessionId()));
        c.variable("sip_profile_name", "external");
        c.variable("sip_from_user", from);
        c.variable("sip_to_user", to);
        c.variable("sip_network_ip", hostAddress);
        c.variable("channel_name", name);
        c.variable("call_uuid", c.uuid());
        leg.farEnd(caller);
        legEvents.state(leg, ChannelState.CS_NEW, 0);
        legEvents.state(leg, ChannelState.CS_INIT, 1);
        legEvents.codec(leg, org.baraza.sim.internal.channel.Codec.PCMU);
        c.stateNumber(2);
        events.about(EventSource.CHANNEL_CREATE, c).withVariables().fire();
        c.hitDialplan(true);
        c.state(ChannelState.CS_ROUTING, 2);
        legEvents.callState(leg, org.baraza.sim.internal.channel.CallState.RINGING);
        events.about(EventSource.CHANNEL_STATE, c).fire();
        farEnds.inCall(leg);
        Optional<List<AppCall>> steps = dialplan.route(Dialplan.PUBLIC, to);
        if (steps.isEmpty()) {
            hangup(leg, HangupCause.NO_ROUTE_DESTINATION);
        } else {
            runner.run(leg, steps.get());
        }
        return leg;
    }

    /** hupall: hangs up every leg, or those whose variable has the value. Returns how many. */
    public int hangupAll(HangupCause cause, String variable, String value) {
        int count = 0;
        for (Leg leg : legs()) {
            if (leg.isUp() && (variable == null || value.equals(leg.channel().variable(variable)))) {
                hangup(leg, cause);
                count++;
            }
        }
        return count;
    }

    // --- collaborators -------------------------------------------------------------------------------------

    public SwitchLoop loop() {
        return loop;
    }

    public ChannelEvents events() {
        return events;
    }

    public FilePlayer player() {
        return player;
    }

    public MediaFiles mediaFiles() {
        return mediaFiles;
    }

    public Dialplan dialplan() {
        return dialplan;
    }

    PhoneBook phones() {
        return phones;
    }

    LegEvents legEvents() {
        return legEvents;
    }

    AppRunner runner() {
        return runner;
    }

    Originator originator() {
        return originator;
    }

    FarEnds farEnds() {
        return farEnds;
    }

    LegMedia media() {
        return media;
    }

    ZoneId zone() {
        return zone;
    }

    Leg newLeg(String uuid, String name, Direction direction, Technology technology, CallerProfile profile) {
        sessionsSinceStart++;
        Channel channel = new Channel(uuid, name, direction, technology, sessionsSinceStart, profile, legEvents.now());
        Leg leg = new Leg(channel);
        legs.put(uuid, leg);
        peakSessions = Math.max(peakSessions, legs.size());
        return leg;
    }

    void rename(Leg leg, String uuid) {
        legs.remove(leg.uuid());
        leg.channel().adoptUuid(uuid);
        legs.put(uuid, leg);
    }

    void forget(Leg leg) {
        legs.remove(leg.uuid());
    }

    void reporting(Leg leg) {
        reportingListeners.forEach(l -> l.accept(leg));
    }

    private void registerBuiltIns() {
        applications.register("park", call -> new ParkApp());
        applications.register("playback", call -> new PlaybackApp());
        applications.register("answer", call -> new SignalApp(SignalApp.Signal.ANSWER));
        applications.register("pre_answer", call -> new SignalApp(SignalApp.Signal.PRE_ANSWER));
        applications.register("ring_ready", call -> new SignalApp(SignalApp.Signal.RING_READY));
        applications.register("acknowledge_call", call -> new SignalApp(SignalApp.Signal.ACKNOWLEDGE));
        applications.register("hangup", call -> new HangupApp());
        applications.register("sleep", call -> new SleepApp());
        applications.register("set", call -> new SetApp(false));
        applications.register("export", call -> new SetApp(true));
        applications.register("transfer", call -> new TransferApp());
        // hash (mod_hash) keeps data FreeSWITCH's stock dialplan writes; the simulator keeps nothing.
        applications.register("hash", call -> new SetApp(false));
    }
}

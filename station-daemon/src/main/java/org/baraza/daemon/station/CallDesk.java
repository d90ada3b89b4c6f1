package org.baraza.daemon.station;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import org.baraza.core.DialTemplate;
import org.baraza.core.DomainException;
import org.baraza.core.Ids.StationId;
import org.baraza.core.PhoneNumber;
import org.baraza.core.call.Callback;
import org.baraza.core.call.CallbackStore;
import org.baraza.core.call.LegRole;
import org.baraza.core.hub.CallDocument;
import org.baraza.core.hub.CallDocument.Answer;
import org.baraza.core.hub.CallDocument.Join;
import org.baraza.core.hub.CallDocument.Step;
import org.baraza.core.hub.HubMessage.CallRequest;
import org.baraza.core.hub.HubMessage.CallerKind;
import org.baraza.core.media.Prompts;
import org.baraza.core.station.CallSettings;
import org.baraza.core.station.Station;
import org.baraza.daemon.esl.SwitchCommands;
import org.baraza.daemon.esl.SwitchCommands.Originated;
import org.baraza.daemon.station.StationState.AiringRun;
import org.baraza.programs.LegId;
import org.baraza.programs.Media;
import org.baraza.programs.line.Air;
import org.baraza.programs.line.ListenerLine;
import org.baraza.programs.line.Outcome;
import org.baraza.programs.line.Request;
import org.baraza.programs.line.Settings;
import org.baraza.programs.live.LiveTalkProgram;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A station's answers to the people who call it, one mod_httapi request at a time, on the station's thread
 * (so in turn with its airings): a host of a show on now who gave their PIN goes to their show; everyone else
 * meets the {@link ListenerLine}, with what the station has on air at that moment. A listener who asks to
 * speak is offered to the live show on air, which queues them; a listener who flashed the station (rang and
 * hung up before the answer) is called back, within the station's limits, and meets the line again. While a poll is
 * open the line offers it ({@link StationPolls}), and a listener's key is a vote counted here.
 *
 * <p>Inbound legs are followed as {@code in-<uuid>}, call-backs as {@code callback-<id>}: the station hears
 * their hang-up (the leg's end in the call log) and the keys they press; the telephony server ends the
 * inbound call itself. Used on the station's thread only.
 */
final class CallDesk {

    private static final Logger LOG = LoggerFactory.getLogger(CallDesk.class);
    static final String INBOUND = "in-";
    static final String CALL_BACK = "callback-";
    /** The longest message a listener can leave. */
    static final Duration LONGEST_MESSAGE = Duration.ofMinutes(2);
    /** How many times a menu plays before the line gives up on a key. */
    static final int MENU_TRIES = 3;
    /** The default dialplan extension (freeswitch-conf) that hands an answered call-back to the webhook. */
    static final String CALL_BACK_EXTENSION = "baraza-callback";

    /** What the desk needs of its station actor. */
    interface Actor {
        StationState state();

        /** Steps the station's coordinator with the event and carries out its effects, now. */
        void step(StationEvent event);
    }

    private final StationId id;
    private final Actor station;
    private final LegBook legs;
    private final LegPresence presence;
    private final SwitchCommands freeSwitch;
    private final CallbackStore callbacks;
    private final StationPolls polls;
    private final Prompts prompts;
    private final Path mediaRoot;
    private final String conferenceProfile;
    private final DialTemplate defaultDialTemplate;
    private final Clock clock;
    private final Consumer<StationEvent> mailbox;
    /** Call-backs being placed or up, by their leg. */
    private final Map<LegId, Callback> calledBack = new HashMap<>();
    private ListenerLine line;
    private CallSettings settings = CallSettings.DEFAULTS;
    private List<String> filler = List.of();
    private String language = "en";
    private String callerId;

    CallDesk(StationId id, Actor station, LegBook legs, LegPresence presence, SwitchCommands freeSwitch,
             CallbackStore callbacks, StationPolls polls, Prompts prompts, Path mediaRoot, String conferenceProfile,
             DialTemplate defaultDialTemplate, Clock clock, Consumer<StationEvent> mailbox) {
        this.id = id;
        this.station = station;
        this.legs = legs;
        this.presence = presence;
        this.freeSwitch = freeSwitch;
        this.callbacks = callbacks;
        this.polls = polls;
        this.prompts = prompts;
        this.mediaRoot = mediaRoot;
        this.conferenceProfile = conferenceProfile;
        this.defaultDialTemplate = defaultDialTemplate;
        this.clock = clock;
        this.mailbox = mailbox;
    }

    /** The station's dial template: its own, else the daemon's. */
    DialTemplate dialTemplate() {
        return settings.outboundDialTemplate() != null ? settings.outboundDialTemplate() : defaultDialTemplate;
    }

    String callerId() {
        return callerId;
    }

    String language() {
        return language;
    }

    /**
     * The station as its settings say now: its languages, how it takes calls, its filler, the number it calls
     * from (its first voice number; null for none).
     */
    void settings(Station saved, CallSettings callSettings, List<Media> fillerItems,
                  String callerIdNumber) {
        this.settings = callSettings;
        this.language = saved.languages().getFirst();
        this.callerId = callerIdNumber;
        this.filler = fillerItems.stream().map(media -> mediaRoot.resolve(media.file()).toString()).toList();
        org.baraza.programs.line.Prompts files = new org.baraza.programs.line.Prompts() {
            @Override
            public String path(String language, String name) {
                return prompts.path(id, language, name);
            }

            @Override
            public String number(String language, int n) {
                return prompts.number(id, language, n).getFirst();
            }
        };
        this.line = new ListenerLine(new Settings(saved.languages(), conferenceProfile, callSettings.answerDelay(),
                LONGEST_MESSAGE, MENU_TRIES), files);
    }

    /** The station's decision for one request of a caller's call. */
    void answer(CallRequest request, CompletableFuture<CallDocument> reply) {
        UUID uuid;
        try {
            uuid = UUID.fromString(request.call());
        } catch (IllegalArgumentException notACall) {
            reply.completeExceptionally(new IllegalArgumentException("not a call's uuid: " + request.call()));
            return;
        }
        if (line == null) {
            reply.completeExceptionally(new IllegalStateException(id + " has not started"));
            return;
        }
        Instant now = clock.instant();
        Optional<LegId> known = legs.legOf(uuid);
        LegId leg = known.orElseGet(() -> {
            LegId inbound = new LegId(INBOUND + uuid);
            legs.adoptInbound(inbound, uuid);
            return inbound;
        });
        boolean callBack = calledBack.containsKey(leg);
        LegPresence.Place place = presence.track(uuid, LegRole.LISTENER, language);
        Request asked = Request.of(request, callBack);
        if (request.exiting()) {
            Outcome outcome = line.next(asked, air());
            if (outcome instanceof Outcome.MissedCall && !callBack) {
                missed(request, uuid, now);
            }
            reply.complete(CallDocument.of(Map.of(), new CallDocument.Hangup("NORMAL_CLEARING")));
            return;
        }
        if (request.caller() == CallerKind.HOST && station.state().owner(leg).isEmpty() && toHost(request, leg, uuid, place, reply, now)) {
            return;
        }
        Air air = withPoll(air(), now);
        CallDocument document = switch (line.next(asked, air)) {
            case Outcome.Reply answer -> answer.document();
            case Outcome.MissedCall missed -> missed.document();
            case Outcome.AsksToSpeak speak -> toShow(request, asked, leg, uuid, place, callBack, now);
            // The listener's number: the one the station called back, or the one that called.
            case Outcome.Votes votes -> line.voted(asked, polls.vote(votes.answer(), callBack ? request.to() : request.from(), now), air);
        };
        reply.complete(ours(document, leg, known.isEmpty()));
    }

    /** A call-back's leg failed: the call-back failed, for FreeSWITCH's cause. */
    void callFailed(LegId leg, String cause, Instant at) {
        Callback callback = calledBack.remove(leg);
        if (callback != null) {
            LOG.info("{}: the call-back of {} failed: {}", id, callback.number(), cause);
            legs.uuidOf(leg).ifPresent(uuid -> quietly(() -> callbacks.failed(uuid, cause)));
        }
    }

    /** A leg the station placed was answered: a call-back is marked answered (the webhook now takes the call). */
    void callAnswered(LegId leg) {
        if (calledBack.containsKey(leg)) {
            legs.uuidOf(leg).ifPresent(uuid -> quietly(() -> callbacks.answered(uuid)));
        }
    }

    /**
     * A leg is gone: a call-back's is forgotten, and one that was not answered has failed, for the hang-up's cause.
     * FreeSWITCH reports a failed originate's hang-up before the originate's own result (its BACKGROUND_JOB), so
     * {@link #callFailed} comes too late to say so; an answered call-back stays answered (only one still dialling
     * changes).
     */
    void legGone(LegId leg, UUID uuid, String cause) {
        Callback callback = calledBack.remove(leg);
        if (callback != null) {
            quietly(() -> callbacks.failed(uuid, cause));
        }
    }

    /** Whether the leg is one the desk follows (a caller's, or a call-back's). */
    static boolean isCallers(LegId leg) {
        return leg.value().startsWith(INBOUND) || leg.value().startsWith(CALL_BACK);
    }

    /**
     * A host who gave their PIN: offered to the show they present. The show seats them (the reply is then the
     * join, completed by the executor); a show that does not take them leaves them to the line.
     */
    private boolean toHost(CallRequest request, LegId leg, UUID uuid, LegPresence.Place place,
                           CompletableFuture<CallDocument> reply, Instant now) {
        // The caller id as the host's show knows it: with or without the plus a gateway may drop.
        List<PhoneNumber> numbers = PhoneNumber.candidates(request.from());
        Optional<PhoneNumber> number = numbers.stream().filter(this::presentsAShow).findFirst()
                .or(() -> numbers.stream().findFirst());
        if (number.isEmpty()) {
            return false;
        }
        presence.cast(place, LegRole.HOST);
        LegPresence.Awaiting awaiting = new LegPresence.Awaiting(reply, join -> joined(request, leg, join, "host"));
        place.awaiting = awaiting;
        station.step(new StationEvent.HostOffered(leg, number.get(), now));
        if (place.awaiting == awaiting) {
            place.awaiting = null;
            place.queued.clear();
            presence.cast(place, LegRole.LISTENER);
            if (station.state().owner(leg).isEmpty()) {
                LOG.info("{}: no show on now takes host {}; they meet the line", id, number.get());
                return false;
            }
            // Taken, but not seated yet: the show seats them when it is ready (they wait on hold, in silence).
            presence.cast(place, LegRole.HOST);
            place.awaiting = awaiting;
        }
        station.state().owner(leg).ifPresent(run -> legs.role(uuid, LegRole.HOST, run.id()));
        return true;
    }

    /** Whether the number is a host of the show on air or the next one. */
    private boolean presentsAShow(PhoneNumber number) {
        StationState state = station.state();
        return (state.onAir() != null && state.onAir().setup().hosts().contains(number))
                || (state.next() != null && state.next().setup().hosts().contains(number));
    }

    /** A listener who asked to speak: the live show on air queues them, muted in its conference; else they may leave a message. */
    private CallDocument toShow(CallRequest request, Request asked, LegId leg, UUID uuid, LegPresence.Place place,
                                boolean callBack, Instant now) {
        AiringRun onAir = station.state().onAir();
        Optional<PhoneNumber> number = number(callBack ? request.to() : request.from());
        if (onAir == null || number.isEmpty()) {
            return line.noLiveShow(asked);
        }
        place.language = asked.params().getOrDefault("bz_lang", language);
        // The show's greeting (the caller's place in the queue) plays once the caller is in the conference.
        place.joining = onAir.conference();
        presence.cast(place, LegRole.CALLER);
        station.step(new StationEvent.CallerOffered(leg, number.get(), now));
        if (station.state().owner(leg).isEmpty()) {
            place.joining = null;
            place.queued.clear();
            presence.cast(place, LegRole.LISTENER);
            return line.noLiveShow(asked);
        }
        legs.role(uuid, LegRole.CALLER, onAir.id());
        CallDocument waiting = line.waiting(asked, onAir.conference());
        Map<String, String> variables = new HashMap<>(waiting.variables());
        variables.put("baraza_role", "caller");
        variables.put("baraza_airing", String.valueOf(onAir.id().value()));
        return new CallDocument(waiting.params(), variables, waiting.steps());
    }

    /** The document that seats a host, completing their request. */
    private CallDocument joined(CallRequest request, LegId leg, Join join, String role) {
        List<Step> steps = request.answered() ? List.of(join) : List.of(new Answer(), join);
        Map<String, String> variables = new HashMap<>(Map.of("baraza_station", String.valueOf(id.value()),
                "baraza_leg", leg.value(), "baraza_role", role));
        return new CallDocument(Map.of(), variables, steps);
    }

    /** The station's variables on a call's first document: its events reach this station from then on. */
    private CallDocument ours(CallDocument document, LegId leg, boolean first) {
        if (!first) {
            return document;
        }
        Map<String, String> variables = new HashMap<>(document.variables());
        variables.put("baraza_station", String.valueOf(id.value()));
        variables.put("baraza_leg", leg.value());
        return new CallDocument(document.params(), variables, document.steps());
    }

    /** What is on air for a listener now: the airing, else the idle filler's conference, else the filler itself. */
    private Air air() {
        StationState state = station.state();
        if (state.onAir() != null) {
            return Air.onAir(state.onAir().conference(), takesCallers(state.onAir()));
        }
        if (state.idle() != null) {
            return Air.onAir(state.idle().conference(), false);
        }
        return Air.offAir(filler);
    }

    /** The air with the poll the line offers now, if any: the one of the airing on air first. */
    private Air withPoll(Air air, Instant now) {
        AiringRun onAir = station.state().onAir();
        return polls.offered(onAir == null ? null : onAir.id(), now).map(air::withPoll).orElse(air);
    }

        private static boolean takesCallers(AiringRun run) {
        return run.program().program() instanceof LiveTalkProgram && !"DONE".equals(run.program().stateName());
    }

    /** A listener flashed the station: called back, unless the station does not or the number had its share. */
    private void missed(CallRequest request, UUID missedCall, Instant now) {
        Optional<PhoneNumber> number = number(request.from());
        if (!settings.callBackMissedCalls() || number.isEmpty()) {
            return;
        }
        DialTemplate template = dialTemplate();
        if (template == null) {
            LOG.warn("{}: cannot call {} back: no dial template", id, number.get());
            return;
        }
        String dialString = template.dial(number.get());
        // The decision, the call-back's call and its leg: one statement before the originate.
        LegBook.Outbound placing = legs.outbound(LegRole.LISTENER, dialString, now);
        Callback callback;
        try {
            callback = callbacks.request(id, number.get(), missedCall, now, settings.callbackCooldown(),
                    settings.callbacksPerDay(), placing.call(), placing.leg());
        } catch (DomainException e) {
            LOG.warn("{}: cannot call {} back: {}", id, number.get(), e.getMessage());
            return;
        }
        if (callback.status() != Callback.Status.DIALLING) {
            LOG.info("{}: not calling {} back: {}", id, number.get(), callback.reason());
            return;
        }
        if (!placing.uuid().equals(callback.callId())) {
            LOG.info("{}: the missed call from {} asked again; its call-back is placed already", id, number.get());
            return;
        }
        LegId leg = new LegId(CALL_BACK + callback.id().value());
        UUID uuid = placing.uuid();
        legs.dialRecorded(leg, uuid);
        presence.track(uuid, LegRole.LISTENER, language);
        calledBack.put(leg, callback);
        Map<String, String> variables = new HashMap<>(Map.of(
                "baraza_station", String.valueOf(id.value()),
                "baraza_role", "listener",
                "baraza_leg", leg.value(),
                "originate_timeout", "30"));
        if (callerId != null) {
            variables.put("origination_caller_id_number", callerId);
        }
        LOG.info("{}: calling {} back", id, number.get());
        freeSwitch.originateToExtension(uuid, variables, dialString, CALL_BACK_EXTENSION).whenComplete((result, failure) ->
                mailbox.accept(switch (result) {
                    case Originated.Answered answered -> new StationEvent.LegAnswered(leg, clock.instant());
                    case Originated.Failed failed -> new StationEvent.LegFailed(leg, failed.cause(), clock.instant());
                    case null -> new StationEvent.LegFailed(leg, "NETWORK_OUT_OF_ORDER", clock.instant());
                }));
    }

    private static Optional<PhoneNumber> number(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(PhoneNumber.parse(text));
        } catch (RuntimeException notANumber) {
            return Optional.empty();
        }
    }

    private void quietly(Runnable write) {
        try {
            write.run();
        } catch (DomainException e) {
            LOG.warn("{}: {}", id, e.getMessage());
        }
    }
}

package org.baraza.daemon.station;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;

import org.baraza.core.DomainException;
import org.baraza.core.Ids.AiringId;
import org.baraza.core.Ids.StationId;
import org.baraza.core.airing.Airing;
import org.baraza.core.airing.AiringStatus;
import org.baraza.core.call.Leg;
import org.baraza.core.call.LegRole;
import org.baraza.core.db.Stores;
import org.baraza.core.hub.CallDocument;
import org.baraza.core.hub.HubMessage.CallRequest;
import org.baraza.core.hub.StationStatus;
import org.baraza.core.DialTemplate;
import org.baraza.core.PhoneNumber;
import org.baraza.core.media.Prompts;
import org.baraza.core.call.CallDirection;
import org.baraza.core.station.Station;
import org.baraza.daemon.esl.SwitchCommands;
import org.baraza.daemon.esl.SwitchEvent;
import org.baraza.daemon.notice.AirWatch;
import org.baraza.daemon.notice.Alert;
import org.baraza.daemon.notice.Notifier;
import org.baraza.daemon.schedule.AiringTrigger;
import org.baraza.daemon.station.StationMessage.CallAsked;
import org.baraza.daemon.station.StationMessage.FromSwitch;
import org.baraza.daemon.station.StationMessage.Happened;
import org.baraza.daemon.station.StationMessage.SettingsChanged;
import org.baraza.daemon.station.StationMessage.Stop;
import org.baraza.daemon.station.StationMessage.Triggered;
import org.baraza.daemon.transmitter.DialPolicy;
import org.baraza.daemon.transmitter.TransmitterLeg;
import org.baraza.daemon.transmitter.TransmitterState;
import org.baraza.programs.LegId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One station, running: a mailbox drained by one virtual thread (STYLE 7), so the station's events are
 * handled one at a time and its coordinator needs no locks. Quartz triggers, FreeSWITCH's events, its
 * own timers and command results all arrive through the mailbox; the coordinator decides; the executor
 * carries out. When it starts it picks up what a previous daemon left: live legs are adopted, an airing
 * still inside its slot is rejoined at the right offset, legs that are gone are closed in the call log.
 *
 * <p>Lives from {@link #start} to {@link #close}. {@link #trigger}, {@link #switchEvent} and
 * {@link #settingsChanged} may be called from any thread: they only enqueue.
 */
public final class StationActor implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StationActor.class);
    static final LegId ADOPTED_TRANSMITTER = new LegId(TransmitterLeg.PREFIX + "adopted");

    /**
     * What every station of a daemon shares.
     *
     * @param reports takes the station's status whenever it changes (for the console's live board); called on the
     *                station's thread: must not block
     * @param owners  the daemon's index of which station follows which leg: the station keeps its own entries in it
     */
    public record Context(Stores stores, SwitchCommands freeSwitch, ScheduledExecutorService timers, Clock clock,
                          Path mediaRoot, String anchorDialString, StationObserver observer, Prompts prompts,
                          String conferenceProfile, DialTemplate dialTemplate, Notifier notifier,
                          Consumer<StationStatus> reports, LegOwners owners) {
    }

    private final StationId id;
    private final Context context;
    private final BlockingQueue<StationMessage> mailbox = new LinkedBlockingQueue<>();
    private final ProgramLoader loader;
    private final LegBook legs;
    private final LegPresence presence = new LegPresence();
    private final StationTimers timers;
    private final EffectExecutor executor;
    private final CallDesk desk;
    private final Thread thread;
    private StationCoordinator coordinator;
    private StationState state;
    /** Watches the air for the managers' alerts; null when the daemon sends none. */
    private final AirWatch watch;
    private AirWatch.State watched = AirWatch.State.onAir();
    /** The status last reported, and the state it was made from. */
    private StationStatus reported;
    private StationState reportedState;
    /** Why an airing could not go on air, since the last report; else null. */
    private String failedSinceReport;
    /** The airing moments held until due, and those acted on. */
    private final Moments moments = new Moments();
    /**
     * Airings made ready when their early trigger came, to prepare at their moment without reading their program
     * then: at a burst of airings due together, the reads of each would queue behind everyone's for the database.
     */
    private final Map<AiringId, AiringSetup> readied = new HashMap<>();

    /**
     * An actor whose thread is not started: nothing drains its mailbox. {@link #start} is how a daemon makes one;
     * package-private, not private, for bench's {@code EventRoutingBenchmark}, which routes events into the
     * mailboxes of actors it does not run (running one needs the database and FreeSWITCH) and takes them out with
     * {@link #takeWaiting}.
     */
    StationActor(StationId id, Context context) {
        this.id = id;
        this.context = context;
        this.loader = new ProgramLoader(context.stores());
        this.legs = new LegBook(id, context.stores().calls(), context.freeSwitch().connection().node().name(),
                context.owners());
        this.timers = new StationTimers(context.timers(), context.clock(), event -> mailbox.add(new Happened(event)));
        StationPolls polls = new StationPolls(id, context.stores().polls(), context.prompts());
        this.executor = new EffectExecutor(id, context.freeSwitch(), legs, presence, new AsAiredLog(context.stores().airings()),
                timers, context.clock(), event -> mailbox.add(new Happened(event)), context.mediaRoot(),
                context.anchorDialString(), context.prompts(), polls, context.conferenceProfile());
        this.desk = new CallDesk(id, new CallDesk.Actor() {
            @Override
            public StationState state() {
                return state;
            }

            @Override
            public void step(StationEvent event) {
                StationActor.this.step(event);
            }
        }, legs, presence, context.freeSwitch(), context.stores().callbacks(), polls, context.prompts(), context.mediaRoot(),
                context.conferenceProfile(), context.dialTemplate(), context.clock(), event -> mailbox.add(new Happened(event)));
        this.watch = context.notifier().silenceAllowed().map(silence -> new AirWatch(id, silence)).orElse(null);
        this.thread = Thread.ofVirtual().name("station-" + id.value()).unstarted(this::run);
    }

    public static StationActor start(StationId id, Context context) {
        StationActor actor = new StationActor(id, context);
        actor.thread.start();
        return actor;
    }

    public StationId id() {
        return id;
    }

    public void trigger(AiringTrigger trigger) {
        mailbox.add(new Triggered(trigger));
    }

    public void switchEvent(SwitchEvent event) {
        mailbox.add(new FromSwitch(event));
    }

    public void settingsChanged() {
        mailbox.add(new SettingsChanged());
    }

    /** A caller's call needs the station's decision: answered on the station's thread, in turn with its events. */
    public CompletableFuture<CallDocument> call(CallRequest request) {
        CompletableFuture<CallDocument> reply = new CompletableFuture<>();
        mailbox.add(new CallAsked(request, reply));
        return reply;
    }

    /**
     * The oldest message in the mailbox, taken out; null when it is empty. Only for an actor not started (see the
     * constructor): a running actor's mailbox is its own thread's.
     */
    StationMessage takeWaiting() {
        return mailbox.poll();
    }

    /** Stops handling messages; calls stay up (a daemon that restarts adopts them). */
    @Override
    public void close() {
        mailbox.add(new Stop());
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        try {
            coordinator = coordinatorFor(context.stores().stations().get(id));
            state = coordinator.initial();
            resume();
            report();
            while (true) {
                StationMessage message = mailbox.take();
                if (message instanceof Stop) {
                    break;
                }
                try {
                    handle(message);
                } catch (RuntimeException e) {
                    LOG.error("{}: could not handle {}", id, message, e);
                }
                report();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("{}: stopped by a failure", id, e);
        } finally {
            timers.cancelAll();
            // Its calls stay up, but their keys are no longer this station's (another daemon may adopt them).
            context.owners().forgetAll(id);
        }
    }

    private void handle(StationMessage message) {
        switch (message) {
            case Happened happened -> {
                if (happened.event() instanceof StationEvent.TimerFired fired) {
                    timers.fired(fired.name());
                    if (fired.name().equals(AirWatch.SILENCE_TIMER)) {
                        if (watch != null) {
                            watched(watch.silenceTimerFired(watched, state, fired.at()));
                        }
                        return;
                    }
                    if (fired.name().startsWith(Moments.TIMER)) {
                        moments.release(fired.name()).ifPresent(this::triggered);
                        return;
                    }
                    if (fired.name().startsWith(EffectExecutor.HANGUP_AFTER_PROMPT)) {
                        executor.hangupDue(new LegId(fired.name().substring(EffectExecutor.HANGUP_AFTER_PROMPT.length())));
                        return;
                    }
                }
                if (happened.event() instanceof StationEvent.LegAnswered answered) {
                    if (CallDesk.isCallers(answered.leg())) {
                        // A call-back (marked answered on CHANNEL_ANSWER): the dialplan hands it to the webhook.
                        return;
                    }
                    // A leg a program called is parked from its answer until the program seats it.
                    legs.uuidOf(answered.leg()).ifPresent(executor::parked);
                }
                if (happened.event() instanceof StationEvent.LegFailed failed) {
                    desk.callFailed(failed.leg(), failed.cause(), failed.at());
                }
                step(happened.event());
            }
            case CallAsked asked -> desk.answer(asked.request(), asked.reply());
            case Triggered triggered -> triggered(triggered.trigger());
            case FromSwitch fromSwitch -> fromSwitch(fromSwitch.event());
            case SettingsChanged changed -> {
                // What was made ready holds the old settings (the filler): it is loaded again at its moment.
                readied.clear();
                coordinator = coordinatorFor(context.stores().stations().get(id));
                step(new StationEvent.StationStarted(now()));
            }
            case Stop stop -> { }
        }
    }

    private void step(StationEvent event) {
        StationCoordinator.Step step = coordinator.next(state, event);
        StationState before = state;
        state = step.state();
        step.effects().forEach(executor::execute);
        if (watch != null) {
            watched(watch.stepped(watched, before, state, step.effects(), event.at()));
        }
        try {
            context.observer().stepped(id, event, state, step.effects());
        } catch (RuntimeException e) {
            LOG.warn("{}: an observer failed", id, e);
        }
    }

    /** Tells the live board what the station does, when that changed. */
    private void report() {
        try {
            StationStatus now = LiveStatus.of(id, state, presence.listeners(), reported, reportedState, failedSinceReport,
                    now());
            failedSinceReport = null;
            if (!now.sameAs(reported)) {
                reported = now;
                reportedState = state;
                context.reports().accept(now);
            } else {
                reportedState = state;
            }
        } catch (RuntimeException e) {
            LOG.warn("{}: could not report its status", id, e);
        }
    }

    private void watched(AirWatch.Step step) {
        watched = step.state();
        step.timers().forEach(executor::execute);
        step.alerts().forEach(context.notifier()::alert);
    }

    /** The airing could not go on air at all: in the log, and for the managers. */
    private void failed(Airing airing, String cause, Instant now) {
        quietly(() -> context.stores().airings().markFailed(airing.id(), cause, now));
        failedSinceReport = "airing " + airing.id().value() + " failed: " + cause;
        context.notifier().alert(Alert.airingFailed(id, airing.id(), cause, now));
    }

    private void triggered(AiringTrigger trigger) {
        Instant now = now();
        switch (moments.arrived(trigger, now)) {
            case DROP -> {
                return;
            }
            case HOLD -> {
                timers.start(Moments.timerOf(trigger), Moments.until(trigger, now));
                if (trigger.phase() == AiringTrigger.Phase.PREPARE || trigger.phase() == AiringTrigger.Phase.START) {
                    ready(trigger);
                }
                return;
            }
            case ACT -> {
            }
        }
        switch (trigger.phase()) {
            case REMIND -> context.notifier().remind(trigger.airing());
            case PREPARE -> prepare(trigger, now);
            case START -> {
                if (prepare(trigger, now)) {
                    step(new StationEvent.AiringStartDue(trigger.airing(), now));
                }
            }
            case WARNING -> step(new StationEvent.SlotWarningDue(trigger.airing(), trigger.remaining(), now));
            case END -> step(new StationEvent.AiringEndDue(trigger.airing(), now));
        }
    }

    /**
     * Makes sure the airing is prepared; false when it cannot go on air: its slot is over (missed), it is
     * over already, or its program cannot run (failed, saying why).
     */
    private boolean prepare(AiringTrigger trigger, Instant now) {
        AiringSetup ready = readied.remove(trigger.airing());
        if (isKnown(trigger)) {
            return true;
        }
        // Read again at the moment, for an airing cancelled since it was made ready.
        Airing airing = context.stores().airings().get(trigger.airing());
        if (airing.status().isFinal() || airing.status() == AiringStatus.ON_AIR) {
            return false;
        }
        if (!airing.plannedEnd().isAfter(now)) {
            quietly(() -> context.stores().airings().markMissed(airing.id()));
            return false;
        }
        AiringSetup setup;
        if (ready != null && ready.plannedStart().equals(airing.plannedStart()) && ready.plannedEnd().equals(airing.plannedEnd())) {
            setup = ready;
        } else {
            try {
                setup = loader.load(airing, context.stores().stations().get(id));
            } catch (DomainException cannotRun) {
                LOG.warn("{}: {} cannot air: {}", id, airing.id(), cannotRun.getMessage());
                failed(airing, cannotRun.getMessage(), now);
                return false;
            }
        }
        // The transmitter is dialled first; the log says the airing is preparing just after.
        step(new StationEvent.AiringPrepared(setup, now));
        if (airing.status() == AiringStatus.SCHEDULED) {
            quietly(() -> context.stores().airings().markPreparing(airing.id(), setup.conference()));
        }
        return true;
    }

    /**
     * Loads an airing's program ahead of its moment, when its early trigger comes. An airing that cannot be made ready
     * is left to its moment, which loads it again and says why it cannot air.
     */
    private void ready(AiringTrigger trigger) {
        if (isKnown(trigger) || readied.containsKey(trigger.airing())) {
            return;
        }
        try {
            Airing airing = context.stores().airings().get(trigger.airing());
            if (!airing.status().isFinal() && airing.status() != AiringStatus.ON_AIR) {
                readied.put(airing.id(), loader.load(airing, context.stores().stations().get(id)));
            }
        } catch (DomainException e) {
            LOG.debug("{}: {} not made ready ahead: {}", id, trigger.airing(), e.getMessage());
        }
    }

    private boolean isKnown(AiringTrigger trigger) {
        return (state.next() != null && state.next().id().equals(trigger.airing()))
                || (state.onAir() != null && state.onAir().id().equals(trigger.airing()));
    }

    private void fromSwitch(SwitchEvent event) {
        switch (event) {
            case SwitchEvent.ChannelAnswered answered -> {
                // Loopback partners and the like carry the station's variables too: only its own legs count.
                if (legs.knows(answered.uuid())) {
                    legs.answered(answered.uuid(), answered.at());
                    // A call-back is marked answered in the channel's own order, before its hang-up can come.
                    legs.legOf(answered.uuid()).ifPresent(desk::callAnswered);
                }
            }
            case SwitchEvent.ChannelHungUp hungUp -> legGone(hungUp.uuid(), hungUp.cause(), hungUp.at());
            case SwitchEvent.ConferenceActivity activity -> {
                if ("add-member".equals(activity.action())) {
                    executor.conferenceJoined(activity.conference(), activity.member(), activity.memberId());
                } else if ("del-member".equals(activity.action())) {
                    executor.conferenceLeft(activity.conference(), activity.member());
                } else if ("play-file-done".equals(activity.action()) && activity.file() != null) {
                    step(new StationEvent.PlaybackEnded(activity.conference(), relativeFile(activity.file()), activity.at()));
                }
            }
            case SwitchEvent.Connected connected -> reconcile();
            case SwitchEvent.Disconnected disconnected -> LOG.info("{}: waiting for FreeSWITCH to come back", id);
            case SwitchEvent.DtmfReceived dtmf -> legs.legOf(dtmf.uuid()).ifPresent(leg ->
                    step(new StationEvent.KeyPressed(leg, dtmf.digit(), dtmf.at())));
        }
    }

    private void legGone(UUID uuid, String cause, Instant at) {
        if (!legs.knows(uuid)) {
            return;
        }
        Optional<LegId> leg = legs.legOf(uuid);
        Optional<String> anchored = legs.conferenceAnchoredBy(uuid);
        legs.ended(uuid, cause, at);
        presence.forget(uuid);
        leg.ifPresent(gone -> desk.legGone(gone, uuid, cause));
        leg.ifPresent(gone -> step(new StationEvent.LegHungUp(gone, cause, at)));
        anchored.filter(this::isOpen).ifPresent(conference -> {
            LOG.warn("{}: the anchor of {} hung up ({}); replacing it", id, conference, cause);
            executor.execute(new StationEffect.OpenConference(conference));
        });
    }

    /** Whether the coordinator still runs something in {@code conference}. */
    private boolean isOpen(String conference) {
        return (state.onAir() != null && state.onAir().conference().equals(conference))
                || (state.next() != null && state.next().conference().equals(conference))
                || (state.idle() != null && state.idle().conference().equals(conference));
    }

    /**
     * After FreeSWITCH came back: legs that ended while the connection was down are treated as hung up, a
     * transmitter leg that is not in its conference ({@code json_list}) is moved back, and legs of this
     * station that FreeSWITCH still has but the station no longer knows are hung up.
     */
    private void reconcile() {
        Set<UUID> live = context.freeSwitch().liveChannels().join();
        Instant now = now();
        for (UUID uuid : legs.all()) {
            if (!live.contains(uuid)) {
                legGone(uuid, LegBook.FOUND_GONE, now);
            }
        }
        if (state.transmitter() instanceof TransmitterState.Up up && state.transmitterIn() != null) {
            legs.uuidOf(up.leg()).ifPresent(uuid -> {
                if (!context.freeSwitch().members(state.transmitterIn()).join().contains(uuid)) {
                    LOG.warn("{}: the transmitter leg is not in {}; moving it back", id, state.transmitterIn());
                    step(new StationEvent.TransmitterMisplaced(now));
                }
            });
        }
        Set<UUID> known = legs.all();
        for (Leg leg : context.stores().calls().openLegs(id)) {
            if (known.contains(leg.uuid())) {
                continue;
            }
            if (live.contains(leg.uuid())) {
                LOG.warn("{}: hanging up orphaned leg {} ({})", id, leg.uuid(), leg.role());
                context.freeSwitch().hangup(leg.uuid());
            } else {
                legs.ended(leg.uuid(), LegBook.FOUND_GONE, now);
            }
        }
    }

    /** Picks up what a previous daemon left: see the class comment. */
    private void resume() {
        Set<UUID> live = context.freeSwitch().liveChannels().join();
        Instant now = now();
        LegId transmitter = null;
        for (Leg leg : context.stores().calls().openLegs(id)) {
            boolean up = live.contains(leg.uuid());
            if (up && leg.role() == LegRole.TRANSMITTER && transmitter == null && leg.answeredAt() != null) {
                transmitter = ADOPTED_TRANSMITTER;
                legs.adopt(transmitter, leg.uuid());
            } else if (up && leg.role() == LegRole.ANCHOR && leg.destinationNumber() != null) {
                legs.adoptAnchor(leg.destinationNumber(), leg.uuid());
            } else if (up && leg.direction() == CallDirection.INBOUND && leg.role() == LegRole.LISTENER) {
                // A listener on the line: their call goes on; its next request reaches this station.
                legs.adoptInbound(new LegId(CallDesk.INBOUND + leg.uuid()), leg.uuid());
                presence.track(leg.uuid(), LegRole.LISTENER, desk.language());
            } else if (up) {
                context.freeSwitch().hangup(leg.uuid());
            } else {
                legs.ended(leg.uuid(), LegBook.FOUND_GONE, now);
            }
        }
        AiringSetup onAir = context.stores().airings().currentlyOnAir(id).flatMap(airing -> rejoin(airing, now)).orElse(null);
        if (transmitter != null || onAir != null) {
            LOG.info("{}: resuming{}{}", id, transmitter != null ? " with its transmitter leg" : "",
                    onAir != null ? " inside " + onAir.id() : "");
            step(new StationEvent.StationResumed(transmitter, onAir, now));
            if (onAir != null) {
                step(new StationEvent.AiringStartDue(onAir.id(), now));
            }
        }
        step(new StationEvent.StationStarted(now));
    }

    /** An airing left on air: rejoined if its slot still runs (what it was playing is stopped first), else closed. */
    private Optional<AiringSetup> rejoin(Airing airing, Instant now) {
        if (!airing.plannedEnd().isAfter(now)) {
            quietly(() -> context.stores().airings().addNote(airing.id(), now, "the daemon was down when the slot ended"));
            quietly(() -> context.stores().airings().markPartial(airing.id(), airing.plannedEnd()));
            return Optional.empty();
        }
        try {
            AiringSetup setup = loader.load(airing, context.stores().stations().get(id));
            context.freeSwitch().stop(setup.conference()).exceptionally(ignored -> null).join();
            return Optional.of(setup);
        } catch (DomainException cannotRun) {
            failed(airing, cannotRun.getMessage(), now);
            return Optional.empty();
        }
    }

    private StationCoordinator coordinatorFor(Station station) {
        String callerId = context.stores().stations().numbers(id).stream().filter(number -> number.voice())
                .map(number -> number.number().value()).findFirst().orElse(null);
        desk.settings(station, context.stores().stations().callSettings(id), loader.filler(station), callerId);
        executor.calling(desk.dialTemplate(), callerId, station.languages().getFirst());
        List<String> dialStrings = context.stores().stations().dialStrings(id).stream().map(d -> d.dialString()).toList();
        return new StationCoordinator(id, new TransmitterLeg(DialPolicy.of(dialStrings)), station.keepLegBetweenPrograms(),
                loader.filler(station), id.value());
    }

    private String relativeFile(String file) {
        Path path = Path.of(file);
        return path.startsWith(context.mediaRoot()) ? context.mediaRoot().relativize(path).toString() : file;
    }

    private Instant now() {
        return context.clock().instant();
    }

    private void quietly(Runnable write) {
        try {
            write.run();
        } catch (DomainException e) {
            LOG.warn("{}: {}", id, e.getMessage());
        }
    }
}

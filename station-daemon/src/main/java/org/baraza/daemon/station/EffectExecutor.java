package org.baraza.daemon.station;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.baraza.core.DialTemplate;
import org.baraza.core.Ids.StationId;
import org.baraza.core.call.LegRole;
import org.baraza.core.hub.CallDocument;
import org.baraza.core.media.Prompts;
import org.baraza.daemon.esl.SwitchCommands;
import org.baraza.daemon.esl.SwitchCommands.MemberAction;
import org.baraza.daemon.esl.SwitchCommands.Originated;
import org.baraza.daemon.station.StationEffect.CallPerson;
import org.baraza.daemon.station.StationEffect.CancelTimer;
import org.baraza.daemon.station.StationEffect.CloseConference;
import org.baraza.daemon.station.StationEffect.Dial;
import org.baraza.daemon.station.StationEffect.Hangup;
import org.baraza.daemon.station.StationEffect.MoveLeg;
import org.baraza.daemon.station.StationEffect.OpenConference;
import org.baraza.daemon.station.StationEffect.Play;
import org.baraza.daemon.station.StationEffect.PromptLeg;
import org.baraza.daemon.station.StationEffect.ReadTally;
import org.baraza.daemon.station.StationEffect.SeatLeg;
import org.baraza.daemon.station.StationEffect.StartTimer;
import org.baraza.daemon.station.StationEffect.StopPlay;
import org.baraza.programs.Command;
import org.baraza.programs.Command.Party;
import org.baraza.programs.LegId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The interpreter at the edge (STYLE 8): carries out a station's effects on FreeSWITCH, in its timers and
 * in the as-aired log, with one exhaustive switch. FreeSWITCH's answers come back to the station's
 * mailbox as events (answered, failed, playback failed); nothing here waits for them. Used on the
 * station's thread only.
 */
final class EffectExecutor {

    private static final Logger LOG = LoggerFactory.getLogger(EffectExecutor.class);
    private static final CompletableFuture<Void> OPEN = CompletableFuture.completedFuture(null);
    private static final long OPEN_TIMEOUT_SECONDS = 10;
    /** Timers that hang up a leg once its prompts have played: the actor sends them back here. */
    static final String HANGUP_AFTER_PROMPT = "hangup-after-prompt:";
    /** FreeSWITCH starts a prompt a little after it is asked to. */
    private static final Duration PROMPT_MARGIN = Duration.ofMillis(500);

    private final StationId station;
    private final SwitchCommands freeSwitch;
    private final LegBook legs;
    private final AsAiredLog asAired;
    private final StationTimers timers;
    private final Clock clock;
    private final Consumer<StationEvent> mailbox;
    private final Path mediaRoot;
    private final String anchorDialString;
    private final LegPresence presence;
    private final Prompts prompts;
    private final StationPolls polls;
    private final String conferenceProfile;
    private String language = "en";
    private DialTemplate dialTemplate;
    private String callerId;
    /**
     * Conferences being opened: playing into one before it exists fails, so plays wait until a member has
     * joined (FreeSWITCH's add-member), or the anchor failed and the play may as well fail visibly.
     */
    private final Map<String, CompletableFuture<Void>> opening = new HashMap<>();

    EffectExecutor(StationId station, SwitchCommands freeSwitch, LegBook legs, LegPresence presence, AsAiredLog asAired,
                   StationTimers timers, Clock clock, Consumer<StationEvent> mailbox, Path mediaRoot, String anchorDialString,
                   Prompts prompts, StationPolls polls, String conferenceProfile) {
        this.station = station;
        this.freeSwitch = freeSwitch;
        this.legs = legs;
        this.asAired = asAired;
        this.timers = timers;
        this.clock = clock;
        this.mailbox = mailbox;
        this.mediaRoot = mediaRoot;
        this.anchorDialString = anchorDialString;
        this.presence = presence;
        this.prompts = prompts;
        this.polls = polls;
        this.conferenceProfile = conferenceProfile;
    }

    void execute(StationEffect effect) {
        switch (effect) {
            case Dial dial -> dial(dial);
            case Hangup hangup -> legs.uuidOf(hangup.leg()).ifPresent(uuid -> hangup(hangup.leg(), uuid));
            case CallPerson call -> callPerson(call);
            case SeatLeg seat -> legs.uuidOf(seat.leg()).ifPresentOrElse(uuid -> seat(seat, uuid),
                    () -> LOG.warn("{}: cannot seat {}: no such leg", station, seat.leg()));
            case PromptLeg prompt -> legs.uuidOf(prompt.leg()).ifPresent(uuid -> presence.of(uuid).ifPresent(place ->
                    hear(uuid, place, promptFiles(prompt, place.language), prompt.prompt().name())));
            case ReadTally read -> legs.uuidOf(read.leg()).ifPresent(uuid -> presence.of(uuid).ifPresent(place ->
                    hear(uuid, place, polls.tally(read.airing(), place.language, clock.instant()), "the poll's tally")));
            case MoveLeg move -> legs.uuidOf(move.leg()).ifPresent(uuid ->
                    quietly(freeSwitch.moveToConference(uuid, move.conference()), "move " + uuid));
            case OpenConference open -> openConference(open.conference());
            case CloseConference close -> {
                opening.remove(close.conference());
                // Listeners follow the air: sent on, each asks where the air is now.
                presence.members(close.conference(), LegRole.LISTENER).forEach((uuid, member) ->
                        quietly(freeSwitch.member(close.conference(), MemberAction.KICK, member), "send on " + uuid));
                legs.removeAnchor(close.conference()).ifPresent(anchor ->
                        quietly(freeSwitch.hangup(anchor), "close " + close.conference()));
            }
            case Play play -> opening.getOrDefault(play.conference(), OPEN)
                    .thenCompose(open -> freeSwitch.play(play.conference(), mediaRoot.resolve(play.media().file()).toString()))
                    .whenComplete((ok, failure) -> {
                        if (failure != null) {
                            mailbox.accept(new StationEvent.PlaybackFailed(play.conference(), play.playback(),
                                    reason(failure), clock.instant()));
                        }
                    });
            case StopPlay stop -> quietly(freeSwitch.stop(stop.conference()), "stop " + stop.conference());
            case StartTimer start -> timers.start(start.name(), start.after());
            case CancelTimer cancel -> timers.cancel(cancel.name());
            case StationEffect.AiringOnAir e -> asAired.write(e);
            case StationEffect.AiringEnded e -> asAired.write(e);
            case StationEffect.GapOpened e -> asAired.write(e);
            case StationEffect.GapClosed e -> asAired.write(e);
            case StationEffect.ItemStarted e -> asAired.write(e);
            case StationEffect.ItemEnded e -> asAired.write(e);
            case StationEffect.Note e -> asAired.write(e);
        }
    }

    private void dial(Dial dial) {
        UUID uuid = legs.dial(dial.leg(), LegRole.TRANSMITTER, dial.dialString(), clock.instant());
        Map<String, String> variables = Map.of(
                "baraza_station", String.valueOf(station.value()),
                "baraza_role", "transmitter",
                "baraza_leg", dial.leg().value(),
                "originate_timeout", "30");
        freeSwitch.originateParked(uuid, variables, dial.dialString()).whenComplete((result, failure) -> {
            StationEvent outcome = switch (result) {
                case Originated.Answered answered -> new StationEvent.LegAnswered(dial.leg(), clock.instant());
                case Originated.Failed failed -> new StationEvent.LegFailed(dial.leg(), failed.cause(), clock.instant());
                case null -> new StationEvent.LegFailed(dial.leg(), "NETWORK_OUT_OF_ORDER", clock.instant());
            };
            if (failure != null) {
                LOG.warn("{}: originate {} failed: {}", station, dial.dialString(), reason(failure));
            }
            mailbox.accept(outcome);
        });
    }

    /** FreeSWITCH says someone joined the conference: it exists, plays may go; a leg of ours hears what waited. */
    void conferenceJoined(String conference, UUID member, int memberId) {
        CompletableFuture<Void> waiting = opening.remove(conference);
        if (waiting != null) {
            waiting.complete(null);
        }
        if (member != null) {
            presence.joined(member, conference, memberId).forEach(path ->
                    quietly(freeSwitch.playToMember(conference, memberId, path), "prompt " + member));
        }
    }

    void conferenceLeft(String conference, UUID member) {
        if (member != null) {
            presence.left(member, conference);
        }
    }

    /**
     * How this station calls phones, the number it shows, and the language of the prompts the people it calls
     * hear (its first), as its settings say now.
     */
    void calling(DialTemplate template, String callerId, String language) {
        this.dialTemplate = template;
        this.callerId = callerId;
        this.language = language;
    }

    /** The hang-up a prompt held back is due. */
    void hangupDue(LegId leg) {
        legs.uuidOf(leg).ifPresent(uuid -> quietly(freeSwitch.hangup(uuid), "hang up " + uuid));
    }

    /** Hangs up now, or once the prompts the leg hears have played ("the show has ended", then goodbye). */
    private void hangup(LegId leg, UUID uuid) {
        Duration left = presence.of(uuid).map(place -> Duration.between(clock.instant(), place.promptsUntil))
                .filter(remaining -> remaining.isPositive()).orElse(Duration.ZERO);
        if (left.isZero()) {
            quietly(freeSwitch.hangup(uuid), "hang up " + uuid);
        } else {
            timers.start(HANGUP_AFTER_PROMPT + leg.value(), left.plus(PROMPT_MARGIN));
        }
    }

    private void callPerson(CallPerson call) {
        LegRole role = call.party() == Party.HOST ? LegRole.HOST : LegRole.GUEST;
        if (dialTemplate == null) {
            LOG.warn("{}: no dial template to call {}", station, call.leg());
            mailbox.accept(new StationEvent.LegFailed(call.leg(), "NORMAL_TEMPORARY_FAILURE", clock.instant()));
            return;
        }
        String dialString = dialTemplate.dial(call.number());
        UUID uuid = legs.dial(call.leg(), role, dialString, clock.instant(), call.airing());
        presence.track(uuid, role, language);
        Map<String, String> variables = new HashMap<>(Map.of(
                "baraza_station", String.valueOf(station.value()),
                "baraza_role", role.name().toLowerCase(Locale.ROOT),
                "baraza_leg", call.leg().value(),
                "baraza_airing", String.valueOf(call.airing().value()),
                "originate_timeout", "30"));
        if (callerId != null) {
            variables.put("origination_caller_id_number", callerId);
        }
        freeSwitch.originateParked(uuid, variables, dialString).whenComplete((result, failure) -> {
            StationEvent outcome = switch (result) {
                case Originated.Answered answered -> new StationEvent.LegAnswered(call.leg(), clock.instant());
                case Originated.Failed failed -> new StationEvent.LegFailed(call.leg(), failed.cause(), clock.instant());
                case null -> new StationEvent.LegFailed(call.leg(), "NETWORK_OUT_OF_ORDER", clock.instant());
            };
            mailbox.accept(outcome);
        });
    }

    /** Parked legs (answered outbound) are parked from their answer: the actor says so. */
    void parked(UUID uuid) {
        presence.of(uuid).ifPresent(place -> place.parked = true);
    }

    private void seat(SeatLeg seat, UUID uuid) {
        LegPresence.Place place = presence.of(uuid).orElse(null);
        if (place == null) {
            LOG.warn("{}: cannot seat {}: the station does not follow it", station, seat.leg());
            return;
        }
        Set<String> flags = switch (seat.seat()) {
            case HOST -> Set.of("moderator");
            case ON_AIR -> Set.of();
            case WAITING -> Set.of("mute");
        };
        if (place.awaiting != null) {
            LegPresence.Awaiting awaiting = place.awaiting;
            place.awaiting = null;
            place.joining = seat.conference();
            awaiting.reply().complete(awaiting.joined().apply(new CallDocument.Join(seat.conference(), conferenceProfile, flags)));
        } else if (seat.conference().equals(place.conference)) {
            MemberAction action = seat.seat() == Command.Seat.WAITING ? MemberAction.MUTE : MemberAction.UNMUTE;
            quietly(freeSwitch.member(place.conference, action, place.member), action + " " + uuid);
        } else if (place.joining == null) {
            place.joining = seat.conference();
            quietly(freeSwitch.moveToConference(uuid, seat.conference(), flags), "seat " + uuid);
        }
    }

    /** Plays {@code files} to the leg alone, after what it hears already; {@code what} names them in the log. */
    private void hear(UUID uuid, LegPresence.Place place, List<String> files, String what) {
        if (files.isEmpty()) {
            return;
        }
        String path = files.size() == 1 ? files.getFirst() : "file_string://" + String.join("!", files);
        Duration length = files.stream().map(prompts::length).reduce(Duration.ZERO, Duration::plus);
        Instant from = place.promptsUntil.isAfter(clock.instant()) ? place.promptsUntil : clock.instant();
        place.promptsUntil = from.plus(length);
        if (place.isMember()) {
            quietly(freeSwitch.playToMember(place.conference, place.member, path), "prompt " + uuid);
        } else if (place.joining != null || place.awaiting != null) {
            place.queued.add(path);
        } else if (place.parked) {
            quietly(freeSwitch.playToLeg(uuid, path), "prompt " + uuid);
        } else {
            LOG.debug("{}: {} is nowhere to hear {}", station, uuid, what);
        }
    }

    private List<String> promptFiles(PromptLeg prompt, String language) {
        String name = prompt.prompt().name().toLowerCase(Locale.ROOT).replace('_', '-');
        List<String> files = new ArrayList<>();
        files.add(prompts.path(station, language, name));
        if (prompt.prompt() == Command.PromptName.QUEUE_POSITION || prompt.prompt() == Command.PromptName.CALLERS_WAITING) {
            files.addAll(prompts.number(station, language, prompt.number()));
        }
        return files;
    }

    private void openConference(String conference) {
        if (legs.anchorOf(conference).isPresent()) {
            return;
        }
        UUID anchor = legs.anchor(conference, anchorDialString, clock.instant());
        CompletableFuture<Void> joined = new CompletableFuture<Void>().completeOnTimeout(null, OPEN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        opening.put(conference, joined);
        Map<String, String> variables = Map.of("baraza_station", String.valueOf(station.value()), "baraza_role", "anchor");
        freeSwitch.originateIntoConference(anchor, variables, anchorDialString, conference).whenComplete((result, failure) -> {
            if (failure != null || result instanceof Originated.Failed) {
                LOG.warn("{}: the anchor of {} did not come up: {}", station, conference,
                        failure != null ? reason(failure) : ((Originated.Failed) result).cause());
                joined.complete(null);
            }
        });
    }

    private void quietly(CompletableFuture<?> command, String what) {
        command.whenComplete((ok, failure) -> {
            if (failure != null) {
                LOG.warn("{}: {} failed: {}", station, what, reason(failure));
            }
        });
    }

    private static String reason(Throwable failure) {
        Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}

package org.baraza.daemon.station;

import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.baraza.core.Ids.StationId;
import org.baraza.core.call.LegRole;
import org.baraza.daemon.esl.SwitchCommands;
import org.baraza.daemon.esl.SwitchCommands.Originated;
import org.baraza.daemon.station.StationEffect.CancelTimer;
import org.baraza.daemon.station.StationEffect.CloseConference;
import org.baraza.daemon.station.StationEffect.Dial;
import org.baraza.daemon.station.StationEffect.Hangup;
import org.baraza.daemon.station.StationEffect.MoveLeg;
import org.baraza.daemon.station.StationEffect.OpenConference;
import org.baraza.daemon.station.StationEffect.Play;
import org.baraza.daemon.station.StationEffect.StartTimer;
import org.baraza.daemon.station.StationEffect.StopPlay;
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

    private final StationId station;
    private final SwitchCommands freeSwitch;
    private final LegBook legs;
    private final AsAiredLog asAired;
    private final StationTimers timers;
    private final Clock clock;
    private final Consumer<StationEvent> mailbox;
    private final Path mediaRoot;
    private final String anchorDialString;
    /**
     * Conferences being opened: playing into one before it exists fails, so plays wait until a member has
     * joined (FreeSWITCH's add-member), or the anchor failed and the play may as well fail visibly.
     */
    private final Map<String, CompletableFuture<Void>> opening = new HashMap<>();

    EffectExecutor(StationId station, SwitchCommands freeSwitch, LegBook legs, AsAiredLog asAired, StationTimers timers,
                   Clock clock, Consumer<StationEvent> mailbox, Path mediaRoot, String anchorDialString) {
        this.station = station;
        this.freeSwitch = freeSwitch;
        this.legs = legs;
        this.asAired = asAired;
        this.timers = timers;
        this.clock = clock;
        this.mailbox = mailbox;
        this.mediaRoot = mediaRoot;
        this.anchorDialString = anchorDialString;
    }

    void execute(StationEffect effect) {
        switch (effect) {
            case Dial dial -> dial(dial);
            case Hangup hangup -> legs.uuidOf(hangup.leg()).ifPresent(uuid -> quietly(freeSwitch.hangup(uuid), "hang up " + uuid));
            case MoveLeg move -> legs.uuidOf(move.leg()).ifPresent(uuid ->
                    quietly(freeSwitch.moveToConference(uuid, move.conference()), "move " + uuid));
            case OpenConference open -> openConference(open.conference());
            case CloseConference close -> {
                opening.remove(close.conference());
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

    /** FreeSWITCH says someone joined the conference: it exists, plays may go. */
    void conferenceJoined(String conference) {
        CompletableFuture<Void> waiting = opening.remove(conference);
        if (waiting != null) {
            waiting.complete(null);
        }
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

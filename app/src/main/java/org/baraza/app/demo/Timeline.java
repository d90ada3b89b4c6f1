package org.baraza.app.demo;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.baraza.core.Ids.AiringId;
import org.baraza.core.Ids.StationId;
import org.baraza.core.db.Stores;
import org.baraza.daemon.station.StationEffect;
import org.baraza.daemon.station.StationEvent;
import org.baraza.daemon.station.StationObserver;
import org.baraza.daemon.station.StationState;
import org.baraza.programs.LegId;

/**
 * The demo's live timeline: one line for each thing that happens on air or to a transmitter call, stamped
 * with this machine's clock. An observer of every station: it only formats and prints.
 */
final class Timeline implements StationObserver {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final PrintWriter out;
    private final Stores stores;
    private final Clock clock;
    private final Map<StationId, String> names = new ConcurrentHashMap<>();
    private final Map<AiringId, String> programs = new ConcurrentHashMap<>();
    /** Per station, what each of its transmitter legs dialled; and the legs that connected. */
    private final Map<StationId, Map<LegId, String>> dialled = new ConcurrentHashMap<>();
    private final Map<StationId, Set<LegId>> connected = new ConcurrentHashMap<>();
    private final Map<AiringId, Instant> silentSince = new ConcurrentHashMap<>();

    Timeline(PrintWriter out, Stores stores, Clock clock) {
        this.out = out;
        this.stores = stores;
        this.clock = clock;
    }

    @Override
    public void stepped(StationId station, StationEvent event, StationState state, List<StationEffect> effects) {
        Map<LegId, String> legs = dialled.computeIfAbsent(station, id -> new ConcurrentHashMap<>());
        Set<LegId> up = connected.computeIfAbsent(station, id -> ConcurrentHashMap.newKeySet());
        switch (event) {
            case StationEvent.LegAnswered answered -> {
                up.add(answered.leg());
                line(station, "transmitter call connected through " + legs.get(answered.leg()));
            }
            // A failed originate is reported twice (its result, its channel's hang-up): say it once.
            case StationEvent.LegFailed failed when legs.containsKey(failed.leg()) ->
                    line(station, "transmitter " + failed.cause() + " on " + legs.remove(failed.leg()));
            case StationEvent.LegHungUp hungUp when up.remove(hungUp.leg()) -> {
                legs.remove(hungUp.leg());
                boolean redialling = effects.stream().anyMatch(e -> e instanceof StationEffect.Dial);
                line(station, "transmitter call ended (" + hungUp.cause() + ")" + (redialling ? ": redialling at once" : ""));
            }
            case StationEvent.LegHungUp hungUp when legs.containsKey(hungUp.leg()) -> {
                String dialString = legs.remove(hungUp.leg());
                line(station, "transmitter " + hungUp.cause() + " on " + dialString);
            }
            default -> { }
        }
        for (StationEffect effect : effects) {
            describe(station, effect);
        }
    }

    private void describe(StationId station, StationEffect effect) {
        switch (effect) {
            case StationEffect.Dial dial -> {
                dialled.computeIfAbsent(station, id -> new ConcurrentHashMap<>()).put(dial.leg(), dial.dialString());
                line(station, "dialling the transmitter: " + dial.dialString());
            }
            case StationEffect.Hangup hangup -> line(station, "nothing follows: hanging up the transmitter call");
            case StationEffect.AiringOnAir onAir -> line(station, "ON AIR    " + program(onAir.airing()));
            case StationEffect.ItemStarted item -> line(station, "  playing " + item.media().title() + " ("
                    + item.media().length().toSeconds() + " s)" + (item.kind().name().equals("FILLER") ? ", filling the slot" : ""));
            case StationEffect.Play play when play.conference().endsWith("-idle") ->
                    line(station, "  between programs, the rotation plays " + play.media().title());
            case StationEffect.GapOpened gap -> {
                silentSince.put(gap.airing(), gap.at());
                line(station, "  SILENT ON AIR: " + gap.cause());
            }
            case StationEffect.GapClosed gap -> {
                Instant since = silentSince.remove(gap.airing());
                line(station, "  back on air" + (since == null ? "" : " after "
                        + Duration.between(since, gap.at()).toMillis() / 100 / 10.0 + " s of silence"));
            }
            case StationEffect.Note note -> line(station, "  note: " + note.text());
            case StationEffect.AiringEnded ended -> line(station, "OFF AIR   " + program(ended.airing()) + ": "
                    + ended.outcome().name().toLowerCase() + (ended.cause() == null ? "" : " (" + ended.cause() + ")"));
            default -> { }
        }
    }

    void note(String text) {
        synchronized (out) {
            out.println(now() + "  " + text);
            out.flush();
        }
    }

    private void line(StationId station, String text) {
        String name = names.computeIfAbsent(station, id -> stores.stations().get(id).name());
        synchronized (out) {
            out.printf("%s  %-16s %s%n", now(), name, text);
            out.flush();
        }
    }

    private String now() {
        return TIME.format(clock.instant().atZone(ZoneId.systemDefault()));
    }

    private String program(AiringId airing) {
        return programs.computeIfAbsent(airing, id -> "\"" + stores.programs().get(stores.airings().get(id).programId()).name()
                + "\"");
    }
}

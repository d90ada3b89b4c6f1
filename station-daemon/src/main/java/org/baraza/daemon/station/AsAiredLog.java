package org.baraza.daemon.station;

import java.util.HashMap;
import java.util.Map;

import org.baraza.core.DomainException;
import org.baraza.core.Ids.AiringId;
import org.baraza.core.airing.AiringItem.ItemKind;
import org.baraza.core.airing.AiringItem.ItemOutcome;
import org.baraza.core.airing.AiringStore;
import org.baraza.daemon.station.StationEffect.AiringEnded;
import org.baraza.daemon.station.StationEffect.AiringOnAir;
import org.baraza.daemon.station.StationEffect.GapClosed;
import org.baraza.daemon.station.StationEffect.GapOpened;
import org.baraza.daemon.station.StationEffect.ItemEnded;
import org.baraza.daemon.station.StationEffect.ItemStarted;
import org.baraza.daemon.station.StationEffect.Note;
import org.baraza.programs.Command;
import org.baraza.programs.PlaybackId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the coordinator's as-aired effects to the database: airings on air and ended, gaps, items,
 * notes. A write the store refuses (an airing moved on by another daemon) is logged and the station goes
 * on: the air matters more than the log. Used on the station's thread only.
 */
final class AsAiredLog {

    private static final Logger LOG = LoggerFactory.getLogger(AsAiredLog.class);

    private record ItemKey(AiringId airing, PlaybackId playback) {
    }

    private final AiringStore airings;
    private final Map<AiringId, Long> openGaps = new HashMap<>();
    private final Map<ItemKey, Long> openItems = new HashMap<>();

    AsAiredLog(AiringStore airings) {
        this.airings = airings;
    }

    void write(StationEffect effect) {
        try {
            switch (effect) {
                case AiringOnAir onAir -> airings.markOnAir(onAir.airing(), onAir.at());
                case AiringEnded ended -> end(ended);
                case GapOpened gap -> openGaps.put(gap.airing(), airings.openGap(gap.airing(), gap.at(), gap.cause()).id());
                case GapClosed gap -> {
                    Long id = openGaps.remove(gap.airing());
                    if (id != null) {
                        airings.closeGap(id, gap.at());
                    }
                }
                case ItemStarted item -> openItems.put(new ItemKey(item.airing(), item.playback()),
                        airings.startItem(item.airing(), kind(item.kind()), item.media().id(), item.media().title(), item.at()).id());
                case ItemEnded item -> {
                    Long id = openItems.remove(new ItemKey(item.airing(), item.playback()));
                    if (id != null) {
                        airings.endItem(id, item.at(), outcome(item.outcome()), null);
                    }
                }
                case Note note -> airings.addNote(note.airing(), note.at(), note.text());
                default -> throw new IllegalArgumentException("not an as-aired effect: " + effect);
            }
        } catch (DomainException e) {
            LOG.warn("as-aired log: {} refused: {}", effect, e.getMessage());
        }
    }

    private void end(AiringEnded ended) {
        switch (ended.outcome()) {
            case AIRED -> airings.markAired(ended.airing(), ended.at());
            case PARTIAL -> airings.markPartial(ended.airing(), ended.at());
            case FAILED -> airings.markFailed(ended.airing(), ended.cause(), ended.at());
        }
        openGaps.remove(ended.airing());
        openItems.keySet().removeIf(key -> key.airing().equals(ended.airing()));
    }

    private static ItemKind kind(Command.ItemKind kind) {
        return switch (kind) {
            case MEDIA -> ItemKind.MEDIA;
            case FILLER -> ItemKind.FILLER;
            case JINGLE -> ItemKind.JINGLE;
        };
    }

    private static ItemOutcome outcome(StationEffect.ItemOutcome outcome) {
        return switch (outcome) {
            case PLAYED -> ItemOutcome.PLAYED;
            case INTERRUPTED -> ItemOutcome.INTERRUPTED;
            case FAILED -> ItemOutcome.FAILED;
        };
    }
}

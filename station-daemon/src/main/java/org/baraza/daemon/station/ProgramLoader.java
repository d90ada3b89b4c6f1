package org.baraza.daemon.station;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.baraza.core.DomainException;
import org.baraza.core.Ids.MediaAssetId;
import org.baraza.core.Ids.PlaylistId;
import org.baraza.core.PhoneNumber;
import org.baraza.core.airing.Airing;
import org.baraza.core.db.Stores;
import org.baraza.core.media.MediaAsset;
import org.baraza.core.media.PlaylistItem;
import org.baraza.core.people.Host;
import org.baraza.core.program.Program;
import org.baraza.core.station.Station;
import org.baraza.programs.Media;
import org.baraza.programs.ProgramRun;
import org.baraza.programs.filler.FillerProgram;
import org.baraza.programs.live.LiveTalkProgram;
import org.baraza.programs.prerecorded.PrerecordedProgram;

/**
 * Reads what an airing needs from the database and makes its program ready to run: the running order of
 * a prerecorded program ({@code {"media": [ids]}} or {@code {"playlist": id}} in its configuration), a live
 * talk show's hosts and jingles ({@code {"jingles": playlist id}}), the station's filler rotation. Archived media does not play. A program type this daemon cannot run yet is
 * refused with the reason, so the airing fails saying why rather than going silent.
 *
 * <p>Stateless; called on station threads.
 */
public final class ProgramLoader {

    private final Stores stores;

    public ProgramLoader(Stores stores) {
        this.stores = stores;
    }

    /** @throws DomainException.Invalid when the program cannot run: its type is not supported, or its configuration is wrong */
    public AiringSetup load(Airing airing, Station station) {
        Program program = stores.programs().get(airing.programId());
        long seed = airing.id().value() * 31 + airing.plannedStart().toEpochMilli();
        ProgramRun<?> run = switch (program.type()) {
            case PRERECORDED -> new ProgramRun<>(new PrerecordedProgram(),
                    PrerecordedProgram.ready(runningOrder(program), filler(station), seed));
            case FILLER -> new ProgramRun<>(new FillerProgram(), FillerProgram.ready(filler(station), seed));
            case LIVE_TALK -> new ProgramRun<>(new LiveTalkProgram(),
                    LiveTalkProgram.ready(hosts(program), jingles(program), filler(station), seed));
            default -> throw new DomainException.Invalid("program \"" + program.name() + "\" is a "
                    + program.type().name().toLowerCase() + " program, which this daemon cannot run yet");
        };
        return new AiringSetup(airing.id(), AiringSetup.conferenceOf(airing.stationId(), airing.id()), airing.plannedStart(),
                airing.plannedEnd(), run, hosts(program));
    }

    /** The station's filler rotation: its filler playlist's playable items; none without one. */
    public List<Media> filler(Station station) {
        return station.fillerPlaylistId() == null ? List.of() : playlist(station.fillerPlaylistId());
    }

    private List<Media> runningOrder(Program program) {
        JsonNode config = program.config().tree();
        if (config.hasNonNull("playlist")) {
            return playlist(new PlaylistId(number(config.get("playlist"), program, "playlist")));
        }
        JsonNode media = config.path("media");
        if (!media.isArray()) {
            throw new DomainException.Invalid("program \"" + program.name()
                    + "\" needs \"media\": [asset ids] or \"playlist\": id in its configuration");
        }
        List<Media> order = new ArrayList<>();
        for (JsonNode id : media) {
            MediaAsset asset = stores.media().get(new MediaAssetId(number(id, program, "media")));
            if (!asset.archived()) {
                order.add(new Media(asset.id(), asset.filePath(), asset.title(), Duration.ofMillis(asset.durationMs())));
            }
        }
        return order;
    }

    /** The program's active hosts' numbers, in billing order: the first is the one a live show calls. */
    private List<PhoneNumber> hosts(Program program) {
        return stores.programs().hosts(program.id()).stream().filter(Host::active).map(Host::phoneNumber).toList();
    }

    /** A live show's jingles: {@code "jingles": playlist id} in its configuration; none without. */
    private List<Media> jingles(Program program) {
        JsonNode jingles = program.config().tree().path("jingles");
        return jingles.isMissingNode() || jingles.isNull() ? List.of()
                : playlist(new PlaylistId(number(jingles, program, "jingles")));
    }

    private List<Media> playlist(PlaylistId id) {
        return stores.playlists().items(id).stream()
                .filter(item -> !item.archived())
                .map(ProgramLoader::media)
                .toList();
    }

    private static Media media(PlaylistItem item) {
        return new Media(item.mediaAssetId(), item.filePath(), item.title(), Duration.ofMillis(item.durationMs()));
    }

    private static long number(JsonNode node, Program program, String key) {
        if (node == null || !node.canConvertToLong()) {
            throw new DomainException.Invalid("program \"" + program.name() + "\": \"" + key + "\" must hold ids (whole numbers)");
        }
        return node.asLong();
    }
}

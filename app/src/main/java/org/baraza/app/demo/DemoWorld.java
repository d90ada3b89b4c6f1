package org.baraza.app.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

import org.baraza.core.Ids.PlaylistId;
import org.baraza.core.db.Stores;
import org.baraza.core.media.AudioFormat;
import org.baraza.core.media.MediaAsset;
import org.baraza.core.media.MediaAssetDetails;
import org.baraza.core.media.MediaKind;
import org.baraza.core.media.Playlist;
import org.baraza.core.media.PlaylistKind;
import org.baraza.core.program.Program;
import org.baraza.core.program.ProgramConfig;
import org.baraza.core.program.ProgramDetails;
import org.baraza.core.program.ProgramType;
import org.baraza.core.schedule.ScheduleSettings;
import org.baraza.core.station.DialString;
import org.baraza.core.station.Network;
import org.baraza.core.station.Station;
import org.baraza.core.station.StationSettings;

/**
 * The demo's network, seeded into a fresh database: three stations with their transmitter phones,
 * recordings, programs, and schedules that start within seconds. Radio Pacis airs two programs back to
 * back; Mega FM's first SIM is busy, so its second is used, and its phone drops mid-airing; Radio
 * Nostalgia keeps its transmitter call between programs and plays its music rotation there.
 */
final class DemoWorld {

    static final ZoneId KAMPALA = ZoneId.of("Africa/Kampala");
    static final ZoneId LISBON = ZoneId.of("Europe/Lisbon");

    /** The transmitter phones, as numbers the simulator answers for. */
    static final String PACIS_PHONE = "0772100201";
    static final String MEGA_BUSY_SIM = "0772100202";
    static final String MEGA_SECOND_SIM = "0752100202";
    static final String NOSTALGIA_PHONE = "0772100203";

    final Station pacis;
    final Station mega;
    final Station nostalgia;
    /** When Mega FM's airing starts: its transmitter phone drops some seconds after. */
    final Instant megaStart;

    private DemoWorld(Station pacis, Station mega, Station nostalgia, Instant megaStart) {
        this.pacis = pacis;
        this.mega = mega;
        this.nostalgia = nostalgia;
        this.megaStart = megaStart;
    }

    static DemoWorld seed(Stores stores, Path mediaFiles, Instant now) {
        Network network = stores.networks().create("demo", "Baraza demo network");
        Media media = new Media(stores, network, mediaFiles);
        MediaAsset news = media.tune("Morning news bulletin", 8, 0, 4, 7, 12);
        MediaAsset ident = media.tune("Station ident", 2, 12, 7);
        MediaAsset farming = media.tune("Farming tips: planting beans", 9, 0, 2, 4, 5, 7);
        MediaAsset health = media.tune("Health talk: clean water", 8, 7, 5, 4, 2);
        MediaAsset sunrise = media.tune("Song: Sunrise", 5, 0, 4, 7, 4);
        MediaAsset harvest = media.tune("Song: Harvest", 5, 5, 9, 12, 9);
        MediaAsset river = media.tune("Song: River", 4, 2, 5, 9, 5);

        Playlist rotation = stores.playlists().create(network.id(), null, "Music rotation",
                PlaylistKind.ROTATION);
        stores.playlists().replaceItems(rotation.id(), List.of(sunrise.id(), harvest.id(), river.id()));

        Station pacis = station(stores, network, "radio-pacis", "Radio Pacis", KAMPALA, false, null,
                "sofia/gateway/pacis/" + PACIS_PHONE);
        Station mega = station(stores, network, "mega-fm", "Mega FM", KAMPALA, false, null,
                "sofia/gateway/mega-sim1/" + MEGA_BUSY_SIM, "sofia/gateway/mega-sim2/" + MEGA_SECOND_SIM);
        Station nostalgia = station(stores, network, "radio-nostalgia", "Radio Nostalgia", LISBON, true, rotation.id(),
                "sofia/gateway/nostalgia/" + NOSTALGIA_PHONE);

        Program morning = program(stores, network, "Morning News", news, ident);
        Program farmingHour = program(stores, network, "Farming Hour", farming, health);
        Program musicMix = program(stores, network, "Music Mix", sunrise, river, harvest);

        Instant first = now.truncatedTo(ChronoUnit.SECONDS).plusSeconds(6);
        schedule(stores, network, pacis, morning, first, 14);
        schedule(stores, network, pacis, farmingHour, first.plusSeconds(14), 16);
        Instant megaStart = first.plusSeconds(2);
        schedule(stores, network, mega, farmingHour, megaStart, 24);
        schedule(stores, network, nostalgia, musicMix, first.plusSeconds(6), 14);
        return new DemoWorld(pacis, mega, nostalgia, megaStart);
    }

    List<Station> stations() {
        return List.of(pacis, mega, nostalgia);
    }

    private static Station station(Stores stores, Network network, String slug, String name, ZoneId zone, boolean keepLeg,
                                   PlaylistId filler, String... dialStrings) {
        Station station = stores.stations().create(network.id(),
                new StationSettings(slug, name, zone, List.of("en", "sw"), keepLeg, filler));
        List<DialString> fallbackOrder = new java.util.ArrayList<>();
        for (int i = 0; i < dialStrings.length; i++) {
            fallbackOrder.add(new DialString(i + 1, dialStrings[i], i == 0 ? "first SIM" : "fallback SIM"));
        }
        stores.stations().replaceDialStrings(station.id(), fallbackOrder);
        return station;
    }

    private static Program program(Stores stores, Network network, String name, MediaAsset... runningOrder) {
        String ids = java.util.Arrays.stream(runningOrder).map(m -> String.valueOf(m.id().value()))
                .collect(Collectors.joining(","));
        return stores.programs().create(network.id(), new ProgramDetails(name, ProgramType.PRERECORDED,
                new ProgramConfig("{\"media\": [" + ids + "]}"), "en", null));
    }

    private static void schedule(Stores stores, Network network, Station station, Program program, Instant start, int seconds) {
        LocalDateTime local = LocalDateTime.ofInstant(start, station.timeZone());
        stores.schedules().create(network.id(), ScheduleSettings.of(station.id(), program.id(), local, station.timeZone(),
                Duration.ofSeconds(seconds), null).withPrepareLead(Duration.ofSeconds(4)));
    }

    /** Writes tunes under the media directory FreeSWITCH (the simulator) reads, and registers them. */
    private record Media(Stores stores, Network network, Path directory) {
        MediaAsset tune(String title, int seconds, int... notes) {
            String file = title.toLowerCase().replaceAll("[^a-z0-9]+", "-") + ".wav";
            Path path = directory.resolve(file);
            DemoMedia.tune(path, seconds, notes);
            try {
                byte[] bytes = Files.readAllBytes(path);
                return stores.media().register(network.id(), new MediaAssetDetails(null, title, MediaKind.MUSIC, "en", file,
                        HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)), AudioFormat.WAV,
                        seconds * 1000, 8000, 1, bytes.length, null, null));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}

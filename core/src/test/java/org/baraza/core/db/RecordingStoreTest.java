package org.baraza.core.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.baraza.core.DomainException;
import org.baraza.core.Ids.AiringId;
import org.baraza.core.Ids.MediaAssetId;
import org.baraza.core.Ids.RecordingId;
import org.baraza.core.Ids.StationId;
import org.baraza.core.Ids.UserId;
import org.baraza.core.call.CallDirection;
import org.baraza.core.call.LegRole;
import org.baraza.core.call.NewCall;
import org.baraza.core.call.NewLeg;
import org.baraza.core.recording.Moderation;
import org.baraza.core.recording.NewRecording;
import org.baraza.core.recording.Recording;
import org.baraza.core.recording.RecordingKind;
import org.baraza.core.station.Station;
import org.baraza.core.testing.Fixtures;
import org.baraza.core.testing.PostgresExtension;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class RecordingStoreTest {

    private static final Instant LEFT = Instant.parse("2026-03-02T07:15:00Z");

    private final Jdbi jdbi;
    private final Stores stores;
    private final Fixtures fixtures;

    RecordingStoreTest(Jdbi jdbi) {
        this.jdbi = jdbi;
        this.stores = Stores.on(jdbi);
        this.fixtures = new Fixtures(stores);
    }

    @Test
    void aListenerMessageIsStoredFromItsLegAndWaitsForModeration() {
        Station station = fixtures.station(fixtures.network());
        UUID leg = leg(station);

        Recording message = stores.recordings().create(NewRecording.listenerMessage(station.id(), leg, "+256772100200",
                path(), Duration.ofMillis(14_250), LEFT));

        assertThat(message.moderation()).isEqualTo(Moderation.PENDING);
        assertThat(message.legUuid()).isEqualTo(leg);
        assertThat(message.duration()).isEqualTo(Duration.ofMillis(14_250));
        assertThat(message.createdAt()).isEqualTo(LEFT);
        assertThat(message.moderatedAt()).isNull();
        assertThat(stores.recordings().get(message.id())).isEqualTo(message);
    }

    @Test
    void whatBarazaRecordsItselfNeedsNoModeration() {
        Station station = fixtures.station(fixtures.network());
        AiringId airing = fixtures.airingRow(jdbi, station, LEFT, Duration.ofHours(1));

        Recording recorded = stores.recordings().create(new NewRecording(station.id(), airing, null, RecordingKind.AIRING, null,
                path(), null, LEFT.plusSeconds(3600)));

        assertThat(recorded.moderation()).isEqualTo(Moderation.NOT_NEEDED);
        assertThat(recorded.airingId()).isEqualTo(airing);
        assertThat(recorded.duration()).isNull();
        assertThat(stores.recordings().pending(station.id())).isEmpty();
        UserId manager = fixtures.userRow(jdbi, station.networkId());
        assertThatThrownBy(() -> stores.recordings().approve(recorded.id(), manager, LEFT, null))
                .isInstanceOf(DomainException.Conflict.class)
                .hasMessage(recorded.id() + " is not a listener message; it needs no moderation");
    }

    @Test
    void theModerationQueueHoldsAStationsPendingMessagesOldestFirst() {
        Station station = fixtures.station(fixtures.network());
        Recording second = message(station, LEFT.plusSeconds(60));
        Recording first = message(station, LEFT);
        Recording handled = message(station, LEFT.minusSeconds(60));
        stores.recordings().reject(handled.id(), fixtures.userRow(jdbi, station.networkId()), LEFT.plusSeconds(120));
        message(fixtures.station(fixtures.network()), LEFT);

        assertThat(stores.recordings().pending(station.id())).containsExactly(first, second);
    }

    @Test
    void approvingRecordsWhoWhenAndTheMediaItBecame() {
        Station station = fixtures.station(fixtures.network());
        Recording message = message(station, LEFT);
        UserId manager = fixtures.userRow(jdbi, station.networkId());
        MediaAssetId media = fixtures.mediaAssetRow(jdbi, station.networkId());

        Recording approved = stores.recordings().approve(message.id(), manager, LEFT.plusSeconds(600), media);

        assertThat(approved.moderation()).isEqualTo(Moderation.APPROVED);
        assertThat(approved.moderatedBy()).isEqualTo(manager);
        assertThat(approved.moderatedAt()).isEqualTo(LEFT.plusSeconds(600));
        assertThat(approved.mediaAsset()).isEqualTo(media);
        assertThat(stores.recordings().pending(station.id())).isEmpty();
    }

    @Test
    void aMessageIsModeratedOnce() {
        Station station = fixtures.station(fixtures.network());
        Recording message = message(station, LEFT);
        UserId manager = fixtures.userRow(jdbi, station.networkId());
        stores.recordings().reject(message.id(), manager, LEFT.plusSeconds(60));

        assertThatThrownBy(() -> stores.recordings().approve(message.id(), manager, LEFT.plusSeconds(90), null))
                .isInstanceOf(DomainException.Conflict.class)
                .hasMessage(message.id() + " was rejected already, at 2026-03-02T07:16:00Z");
        assertThatThrownBy(() -> stores.recordings().reject(message.id(), manager, LEFT.plusSeconds(90)))
                .isInstanceOf(DomainException.Conflict.class)
                .hasMessage(message.id() + " was rejected already, at 2026-03-02T07:16:00Z");
        assertThat(stores.recordings().get(message.id()).moderation()).isEqualTo(Moderation.REJECTED);
    }

    @Test
    void moderationByAMissingUserOrIntoAMissingMediaAssetIsRefused() {
        Station station = fixtures.station(fixtures.network());
        Recording message = message(station, LEFT);
        UserId manager = fixtures.userRow(jdbi, station.networkId());

        assertThatThrownBy(() -> stores.recordings().reject(message.id(), new UserId(999_999), LEFT))
                .isInstanceOf(DomainException.NotFound.class).hasMessage("user 999999 does not exist")
                .satisfies(e -> ScheduleStoreTest.assertRefusedBy(e, "recordings_moderator_fk"));
        assertThatThrownBy(() -> stores.recordings().approve(message.id(), manager, LEFT, new MediaAssetId(999_999)))
                .isInstanceOf(DomainException.NotFound.class).hasMessage("media asset 999999 does not exist")
                .satisfies(e -> ScheduleStoreTest.assertRefusedBy(e, "recordings_media_fk"));
        assertThatThrownBy(() -> stores.recordings().approve(new RecordingId(999_999), manager, LEFT, null))
                .isInstanceOf(DomainException.NotFound.class).hasMessage("recording 999999 does not exist");
        assertThat(stores.recordings().get(message.id()).moderation()).isEqualTo(Moderation.PENDING);
    }

    @Test
    void aFileHoldsOneRecording() {
        Station station = fixtures.station(fixtures.network());
        String path = path();
        stores.recordings().create(NewRecording.listenerMessage(station.id(), null, null, path, null, LEFT));

        assertThatThrownBy(() -> stores.recordings().create(NewRecording.listenerMessage(station.id(), null, null, path, null, LEFT)))
                .isInstanceOf(DomainException.AlreadyExists.class)
                .hasMessage("a recording is stored at " + path + " already")
                .satisfies(e -> ScheduleStoreTest.assertRefusedBy(e, "recordings_file_unique"));
    }

    @Test
    void aRecordingOfAMissingStationAiringOrLegIsRefused() {
        Station station = fixtures.station(fixtures.network());

        assertThatThrownBy(() -> stores.recordings().create(NewRecording.listenerMessage(new StationId(999_999), null, null,
                path(), null, LEFT)))
                .isInstanceOf(DomainException.NotFound.class).hasMessage("station 999999 does not exist")
                .satisfies(e -> ScheduleStoreTest.assertRefusedBy(e, "recordings_station_fk"));
        assertThatThrownBy(() -> stores.recordings().create(new NewRecording(station.id(), new AiringId(999_999), null,
                RecordingKind.AIRING, null, path(), null, LEFT)))
                .isInstanceOf(DomainException.NotFound.class).hasMessage("airing 999999 does not exist")
                .satisfies(e -> ScheduleStoreTest.assertRefusedBy(e, "recordings_airing_fk"));
        UUID missing = UUID.fromString("00000000-0000-0000-0000-000000000003");
        assertThatThrownBy(() -> stores.recordings().create(NewRecording.listenerMessage(station.id(), missing, null,
                path(), null, LEFT)))
                .isInstanceOf(DomainException.NotFound.class).hasMessage("leg 00000000-0000-0000-0000-000000000003 does not exist")
                .satisfies(e -> ScheduleStoreTest.assertRefusedBy(e, "recordings_leg_fk"));
    }

    @Test
    void aPathThatClimbsOutOfTheRecordingsDirectoryIsRefused() {
        for (String bad : new String[] {"../etc/passwd", "messages/../../x.wav", "/abs/x.wav", "a//b.wav", "with space.wav"}) {
            assertThatThrownBy(() -> NewRecording.listenerMessage(new StationId(1), null, null, bad, null, LEFT))
                    .isInstanceOf(DomainException.Invalid.class)
                    .hasMessage("a recording's file must be a relative path of letters, digits, '_', '.', '-' and '/',"
                            + " at most 500 characters, without '..'; got \"" + bad + "\"");
        }
        assertThatThrownBy(() -> NewRecording.listenerMessage(new StationId(1), null, null, "a.wav", Duration.ofSeconds(-1), LEFT))
                .isInstanceOf(DomainException.Invalid.class).hasMessage("a recording cannot last PT-1S");
    }

    private Recording message(Station station, Instant at) {
        return stores.recordings().create(NewRecording.listenerMessage(station.id(), null, "+256772100200", path(),
                Duration.ofSeconds(20), at));
    }

    private static String path() {
        return "messages/" + Fixtures.unique("msg") + ".wav";
    }

    private UUID leg(Station station) {
        UUID id = UUID.randomUUID();
        stores.calls().start(new NewCall(id, station.id(), null, CallDirection.INBOUND, "+256772100200", "+256312100100", LEFT));
        stores.calls().addLeg(new NewLeg(id, id, LegRole.CALLER, CallDirection.INBOUND, null, "+256772100200", "+256312100100",
                "fs1", LEFT));
        return id;
    }
}

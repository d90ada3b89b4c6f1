package org.baraza.core.db;

import org.baraza.core.airing.AiringNote;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.baraza.core.DomainException;
import org.baraza.core.Ids.AiringId;
import org.baraza.core.Ids.MediaAssetId;
import org.baraza.core.airing.AiringGap;
import org.baraza.core.airing.AiringItem;
import org.baraza.core.airing.AiringItem.ItemKind;
import org.baraza.core.airing.AiringItem.ItemOutcome;
import org.baraza.core.airing.AiringPlan;
import org.baraza.core.station.Station;
import org.baraza.core.testing.Fixtures;
import org.baraza.core.testing.PostgresExtension;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What the as-aired log says went on inside an airing: its silences (gaps) and what played (items). */
@ExtendWith(PostgresExtension.class)
class AiringContentsTest {

    private static final Instant SEVEN = Instant.parse("2026-03-02T07:00:00Z");
    private static final Instant EIGHT = Instant.parse("2026-03-02T08:00:00Z");

    private final Jdbi jdbi;
    private final Stores stores;
    private final Fixtures fixtures;

    AiringContentsTest(Jdbi jdbi) {
        this.jdbi = jdbi;
        this.stores = Stores.on(jdbi);
        this.fixtures = new Fixtures(stores);
    }

    @Test
    void aGapIsOpenedWhenTheAirGoesSilentAndClosedWhenItComesBack() {
        AiringId airing = onAir();
        Instant dropped = SEVEN.plus(Duration.ofMinutes(12));
        Instant redialled = dropped.plusSeconds(9);

        AiringGap open = stores.airings().openGap(airing, dropped, "transmitter leg hung up (NORMAL_CLEARING); redialling");
        AiringGap closed = stores.airings().closeGap(open.id(), redialled);

        assertThat(open.endedAt()).isNull();
        assertThat(closed).isEqualTo(new AiringGap(open.id(), airing, dropped, redialled,
                "transmitter leg hung up (NORMAL_CLEARING); redialling"));
        assertThat(stores.airings().gaps(airing)).containsExactly(closed);
    }

    @Test
    void aGapIsClosedOnceAndNotBeforeItBegan() {
        AiringId airing = onAir();
        AiringGap gap = stores.airings().openGap(airing, SEVEN.plusSeconds(60), "media file missing");

        assertThatThrownBy(() -> stores.airings().closeGap(gap.id(), SEVEN))
                .isInstanceOf(DomainException.Invalid.class)
                .hasMessage("gap " + gap.id() + " cannot end at 2026-03-02T07:00:00Z, before it began")
                .satisfies(e -> ScheduleStoreTest.assertRefusedBy(e, "airing_gaps_order"));
        stores.airings().closeGap(gap.id(), SEVEN.plusSeconds(70));
        assertThatThrownBy(() -> stores.airings().closeGap(gap.id(), SEVEN.plusSeconds(80)))
                .isInstanceOf(DomainException.Conflict.class)
                .hasMessage("gap " + gap.id() + " of " + airing + " ended already, at 2026-03-02T07:01:10Z");
        assertThatThrownBy(() -> stores.airings().closeGap(999_999, SEVEN))
                .isInstanceOf(DomainException.NotFound.class).hasMessage("gap 999999 does not exist");
    }

    @Test
    void gapsAndItemsAreRecordedOnlyWhileTheAiringIsOnAir() {
        Station station = fixtures.station(fixtures.network());
        AiringId scheduled = stores.airings().plan(AiringPlan.oneOff(station.networkId(), station.id(),
                fixtures.programRow(jdbi, station.networkId()), SEVEN, EIGHT)).id();

        assertThatThrownBy(() -> stores.airings().openGap(scheduled, SEVEN, "silence"))
                .isInstanceOf(DomainException.Conflict.class)
                .hasMessage(scheduled + " is scheduled; a gap is recorded only while it is on air");
        assertThatThrownBy(() -> stores.airings().startItem(scheduled, ItemKind.LIVE, null, "studio", SEVEN))
                .isInstanceOf(DomainException.Conflict.class)
                .hasMessage(scheduled + " is scheduled; an item is recorded only while it is on air");
        assertThatThrownBy(() -> stores.airings().openGap(new AiringId(999_999), SEVEN, "silence"))
                .isInstanceOf(DomainException.NotFound.class).hasMessage("airing 999999 does not exist");
        assertThat(stores.airings().gaps(scheduled)).isEmpty();
        assertThat(stores.airings().items(scheduled)).isEmpty();
    }

    @Test
    void itemsRecordWhatPlayedInOrderAndHowItEnded() {
        Station station = fixtures.station(fixtures.network());
        AiringId airing = onAir(station);
        MediaAssetId song = fixtures.mediaAssetRow(jdbi, station.networkId());

        AiringItem jingle = stores.airings().startItem(airing, ItemKind.JINGLE, null, "station ident", SEVEN);
        stores.airings().endItem(jingle.id(), SEVEN.plusSeconds(5), ItemOutcome.PLAYED, null);
        AiringItem music = stores.airings().startItem(airing, ItemKind.MEDIA, song, "Track 1", SEVEN.plusSeconds(5));
        AiringItem failed = stores.airings().endItem(music.id(), SEVEN.plusSeconds(6), ItemOutcome.FAILED, "file unreadable");

        assertThat(failed).isEqualTo(new AiringItem(music.id(), airing, ItemKind.MEDIA, song, "Track 1", SEVEN.plusSeconds(5),
                SEVEN.plusSeconds(6), ItemOutcome.FAILED, "file unreadable"));
        assertThat(stores.airings().items(airing)).extracting(AiringItem::kind, AiringItem::outcome)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ItemKind.JINGLE, ItemOutcome.PLAYED),
                        org.assertj.core.groups.Tuple.tuple(ItemKind.MEDIA, ItemOutcome.FAILED));
    }

    @Test
    void anItemEndsOnceNotBeforeItBeganAndItsMediaMustExist() {
        AiringId airing = onAir();
        AiringItem live = stores.airings().startItem(airing, ItemKind.LIVE, null, "studio", SEVEN.plusSeconds(30));

        assertThatThrownBy(() -> stores.airings().endItem(live.id(), SEVEN, ItemOutcome.PLAYED, null))
                .isInstanceOf(DomainException.Invalid.class)
                .hasMessage("item " + live.id() + " cannot end at 2026-03-02T07:00:00Z, before it began")
                .satisfies(e -> ScheduleStoreTest.assertRefusedBy(e, "airing_items_order"));
        stores.airings().endItem(live.id(), EIGHT, ItemOutcome.PLAYED, null);
        assertThatThrownBy(() -> stores.airings().endItem(live.id(), EIGHT, ItemOutcome.PLAYED, null))
                .isInstanceOf(DomainException.Conflict.class)
                .hasMessage("item " + live.id() + " of " + airing + " ended already, at 2026-03-02T08:00:00Z");
        assertThatThrownBy(() -> stores.airings().endItem(999_999, EIGHT, ItemOutcome.PLAYED, null))
                .isInstanceOf(DomainException.NotFound.class).hasMessage("item 999999 does not exist");
        assertThatThrownBy(() -> stores.airings().startItem(airing, ItemKind.MEDIA, new MediaAssetId(999_999), null, SEVEN))
                .isInstanceOf(DomainException.NotFound.class).hasMessage("media asset 999999 does not exist")
                .satisfies(e -> ScheduleStoreTest.assertRefusedBy(e, "airing_items_media_fk"));
    }

    @Test
    void anAiringThatGoesOffAirClosesItsOpenGapsAndInterruptsItsOpenItems() {
        AiringId airing = onAir();
        AiringGap gap = stores.airings().openGap(airing, EIGHT.minusSeconds(30), "transmitter leg lost");
        AiringItem item = stores.airings().startItem(airing, ItemKind.FILLER, null, "rotation", EIGHT.minusSeconds(60));

        stores.airings().markPartial(airing, EIGHT);

        assertThat(stores.airings().gaps(airing)).containsExactly(new AiringGap(gap.id(), airing, gap.startedAt(), EIGHT,
                "transmitter leg lost"));
        assertThat(stores.airings().items(airing)).singleElement().satisfies(ended -> {
            assertThat(ended.id()).isEqualTo(item.id());
            assertThat(ended.endedAt()).isEqualTo(EIGHT);
            assertThat(ended.outcome()).isEqualTo(ItemOutcome.INTERRUPTED);
        });
    }

    private AiringId onAir() {
        return onAir(fixtures.station(fixtures.network()));
    }

    private AiringId onAir(Station station) {
        AiringId id = stores.airings().plan(AiringPlan.oneOff(station.networkId(), station.id(),
                fixtures.programRow(jdbi, station.networkId()), SEVEN, EIGHT)).id();
        return stores.airings().markOnAir(id, SEVEN).id();
    }

    @Test
    void notesExplainAnAiringWhateverItsStatusAndAMissingAiringIsNotFound() {
        Station station = fixtures.station(fixtures.network());
        AiringId airing = fixtures.airingRow(jdbi, station, SEVEN, Duration.ofHours(1));

        stores.airings().addNote(airing, SEVEN.minusSeconds(30), "the transmitter could not be reached (round 1): USER_BUSY");
        stores.airings().addNote(airing, SEVEN.plusSeconds(400), "joined 400 s late: restarting Drama");

        assertThat(stores.airings().notes(airing)).extracting(AiringNote::text).containsExactly(
                "the transmitter could not be reached (round 1): USER_BUSY", "joined 400 s late: restarting Drama");
        assertThatThrownBy(() -> stores.airings().addNote(new AiringId(999_999), SEVEN, "x"))
                .isInstanceOf(DomainException.NotFound.class).hasMessage("airing 999999 does not exist");
        assertThatThrownBy(() -> stores.airings().addNote(airing, SEVEN, " "))
                .isInstanceOf(DomainException.Invalid.class);
    }
}

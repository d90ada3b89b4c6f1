package org.baraza.core.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;

import org.baraza.core.DomainException;
import org.baraza.core.Ids.CallerId;
import org.baraza.core.Ids.NetworkId;
import org.baraza.core.PhoneNumber;
import org.baraza.core.people.Caller;
import org.baraza.core.people.CallerBlock;
import org.baraza.core.people.CallerStore;
import org.baraza.core.people.User;
import org.baraza.core.station.Network;
import org.baraza.core.station.Station;
import org.baraza.core.testing.Fixtures;
import org.baraza.core.testing.PostgresExtension;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class CallerStoreTest {

    private static final Instant MORNING = Instant.parse("2026-03-02T06:15:00.123456Z");
    private static final Instant NOON = Instant.parse("2026-03-02T12:00:00Z");
    private static final Instant EVENING = Instant.parse("2026-03-02T19:30:00Z");

    private final Jdbi jdbi;
    private final CallerStore callers;
    private final Fixtures fixtures;

    CallerStoreTest(Jdbi jdbi) {
        Stores stores = Stores.on(jdbi);
        this.jdbi = jdbi;
        this.callers = stores.callers();
        this.fixtures = new Fixtures(stores);
    }

    @Test
    void theFirstCallCreatesTheCallerAndLaterOnesOnlyMoveLastSeenForward() {
        Network network = fixtures.network();
        PhoneNumber number = Fixtures.uniquePhoneNumber();

        Caller first = callers.seen(network.id(), number, NOON);
        Caller again = callers.seen(network.id(), number, EVENING);
        Caller late = callers.seen(network.id(), number, MORNING);

        assertThat(first.networkId()).isEqualTo(network.id());
        assertThat(first.phoneNumber()).isEqualTo(number);
        assertThat(first.firstSeenAt()).isEqualTo(NOON);
        assertThat(first.lastSeenAt()).isEqualTo(NOON);
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.firstSeenAt()).isEqualTo(NOON);
        assertThat(again.lastSeenAt()).isEqualTo(EVENING);
        // An event delivered late does not move last-seen back.
        assertThat(late).isEqualTo(again);
        assertThat(callers.find(network.id(), number)).contains(again);
        assertThat(callers.get(first.id())).isEqualTo(again);
    }

    @Test
    void theSameNumberInTwoNetworksIsTwoCallers() {
        PhoneNumber number = Fixtures.uniquePhoneNumber();
        Caller here = callers.seen(fixtures.network().id(), number, NOON);
        Caller there = callers.seen(fixtures.network().id(), number, NOON);

        assertThat(there.id()).isNotEqualTo(here.id());
    }

    @Test
    void aCallerInAMissingNetworkIsRefused() {
        assertThatThrownBy(() -> callers.seen(new NetworkId(987_654), Fixtures.uniquePhoneNumber(), NOON))
                .isInstanceOf(DomainException.NotFound.class)
                .hasMessage("network 987654 does not exist");
        assertThatThrownBy(() -> callers.seen(fixtures.network().id(), Fixtures.uniquePhoneNumber(), null))
                .isInstanceOf(DomainException.Invalid.class)
                .hasMessage("the time the caller was seen is required");
    }

    @Test
    void namesAndNotesAreStoredExactlyAsGiven() {
        Caller caller = callers.seen(fixtures.network().id(), Fixtures.uniquePhoneNumber(), NOON);
        String name = "  <b>Mzee</b> Okello 'Radio' ";
        String notes = "Calls every Friday.\nAsks for\tTaarab; says: \"DROP TABLE callers;\" 😀";

        Caller annotated = callers.annotate(caller.id(), name, notes);

        assertThat(annotated.name()).isEqualTo(name);
        assertThat(annotated.notes()).isEqualTo(notes);
        assertThat(callers.get(caller.id())).isEqualTo(annotated);
        Caller cleared = callers.annotate(caller.id(), null, null);
        assertThat(cleared.name()).isNull();
        assertThat(cleared.notes()).isNull();
    }

    @Test
    void namesAndNotesTooLongOrForAMissingCallerAreRefused() {
        Caller caller = callers.seen(fixtures.network().id(), Fixtures.uniquePhoneNumber(), NOON);

        assertThatThrownBy(() -> callers.annotate(caller.id(), "x".repeat(201), null))
                .isInstanceOf(DomainException.Invalid.class).hasMessage("caller name must be at most 200 characters");
        assertThatThrownBy(() -> callers.annotate(caller.id(), null, "x".repeat(2001)))
                .isInstanceOf(DomainException.Invalid.class).hasMessage("caller notes must be at most 2000 characters");
        assertThatThrownBy(() -> callers.annotate(new CallerId(999_999), "Okello", null))
                .isInstanceOf(DomainException.NotFound.class).hasMessage("caller 999999 does not exist");
    }

    @Test
    void recentCallersComeMostRecentlySeenFirst() {
        Network network = fixtures.network();
        Caller morning = callers.seen(network.id(), Fixtures.uniquePhoneNumber(), MORNING);
        Caller evening = callers.seen(network.id(), Fixtures.uniquePhoneNumber(), EVENING);
        Caller noon = callers.seen(network.id(), Fixtures.uniquePhoneNumber(), NOON);

        assertThat(callers.recent(network.id(), 10)).containsExactly(evening, noon, morning);
        assertThat(callers.recent(network.id(), 2)).containsExactly(evening, noon);
        assertThatThrownBy(() -> callers.recent(network.id(), 0))
                .isInstanceOf(DomainException.Invalid.class).hasMessage("number of callers must be between 1 and 1000, got 0");
    }

    @Test
    void aCallerBlockedOnAStationIsBlockedThereOnly() {
        Network network = fixtures.network();
        Station blocked = fixtures.station(network);
        Station open = fixtures.station(network);
        User manager = fixtures.user(network);
        Caller caller = callers.seen(network.id(), Fixtures.uniquePhoneNumber(), NOON);

        CallerBlock block = callers.block(caller.id(), blocked.id(), "abusive on air", manager.id());

        assertThat(block.networkWide()).isFalse();
        assertThat(block).extracting(CallerBlock::networkId, CallerBlock::callerId, CallerBlock::stationId,
                CallerBlock::reason, CallerBlock::blockedByUserId)
                .containsExactly(network.id(), caller.id(), blocked.id(), "abusive on air", manager.id());
        assertThat(callers.blocks(caller.id())).containsExactly(block);
        assertThat(callers.isBlocked(network.id(), blocked.id(), caller.phoneNumber())).isTrue();
        assertThat(callers.isBlocked(network.id(), open.id(), caller.phoneNumber())).isFalse();
        assertThat(callers.isBlocked(network.id(), blocked.id(), Fixtures.uniquePhoneNumber())).isFalse();
        assertThat(callers.isBlocked(network.id(), null, caller.phoneNumber())).isFalse();
    }

    @Test
    void aNetworkWideBlockCoversEveryStationOfThatNetworkOnly() {
        Network network = fixtures.network();
        Station first = fixtures.station(network);
        Station second = fixtures.station(network);
        Network other = fixtures.network();
        Station elsewhere = fixtures.station(other);
        Caller caller = callers.seen(network.id(), Fixtures.uniquePhoneNumber(), NOON);
        callers.seen(other.id(), caller.phoneNumber(), NOON);

        CallerBlock block = callers.block(caller.id(), null, null, null);

        assertThat(block.networkWide()).isTrue();
        assertThat(callers.isBlocked(network.id(), first.id(), caller.phoneNumber())).isTrue();
        assertThat(callers.isBlocked(network.id(), second.id(), caller.phoneNumber())).isTrue();
        assertThat(callers.isBlocked(other.id(), elsewhere.id(), caller.phoneNumber())).isFalse();
        assertThat(callers.isBlocked(network.id(), null, caller.phoneNumber())).isTrue();
    }

    @Test
    void blockingTwiceIsRefused() {
        Network network = fixtures.network();
        Station station = fixtures.station(network);
        Caller caller = callers.seen(network.id(), Fixtures.uniquePhoneNumber(), NOON);
        callers.block(caller.id(), station.id(), "spam", null);
        callers.block(caller.id(), null, "spam", null);

        assertThatThrownBy(() -> callers.block(caller.id(), station.id(), "again", null))
                .isInstanceOf(DomainException.AlreadyExists.class)
                .hasMessage(caller.id() + " is already blocked on " + station.id());
        assertThatThrownBy(() -> callers.block(caller.id(), null, "again", null))
                .isInstanceOf(DomainException.AlreadyExists.class)
                .hasMessage(caller.id() + " is already blocked across " + network.id());
    }

    @Test
    void blockingOnAnotherNetworksStationOrByItsUserIsRefused() {
        Network network = fixtures.network();
        Network other = fixtures.network();
        Station elsewhere = fixtures.station(other);
        User outsider = fixtures.user(other);
        Caller caller = callers.seen(network.id(), Fixtures.uniquePhoneNumber(), NOON);

        assertThatThrownBy(() -> callers.block(caller.id(), elsewhere.id(), null, null))
                .isInstanceOf(DomainException.NotFound.class)
                .hasMessage(elsewhere.id() + " does not exist in " + network.id());
        assertThatThrownBy(() -> callers.block(caller.id(), null, null, outsider.id()))
                .isInstanceOf(DomainException.NotFound.class)
                .hasMessage(outsider.id() + " does not exist in " + network.id());
        assertThatThrownBy(() -> callers.block(new CallerId(999_999), null, null, null))
                .isInstanceOf(DomainException.NotFound.class).hasMessage("caller 999999 does not exist");
        assertThatThrownBy(() -> callers.block(caller.id(), null, "x".repeat(501), null))
                .isInstanceOf(DomainException.Invalid.class).hasMessage("block reason must be at most 500 characters");
        assertThat(callers.blocks(caller.id())).isEmpty();
    }

    @Test
    void unblockingLiftsOnlyThatBlock() {
        Network network = fixtures.network();
        Station station = fixtures.station(network);
        Caller caller = callers.seen(network.id(), Fixtures.uniquePhoneNumber(), NOON);
        callers.block(caller.id(), station.id(), null, null);
        callers.block(caller.id(), null, null, null);

        callers.unblock(caller.id(), null);

        assertThat(callers.blocks(caller.id())).extracting(CallerBlock::stationId).containsExactly(station.id());
        assertThat(callers.isBlocked(network.id(), station.id(), caller.phoneNumber())).isTrue();
        assertThatThrownBy(() -> callers.unblock(caller.id(), null))
                .isInstanceOf(DomainException.NotFound.class)
                .hasMessage(caller.id() + " is not blocked across its network");

        callers.unblock(caller.id(), station.id());

        assertThat(callers.isBlocked(network.id(), station.id(), caller.phoneNumber())).isFalse();
        assertThatThrownBy(() -> callers.unblock(caller.id(), station.id()))
                .isInstanceOf(DomainException.NotFound.class)
                .hasMessage(caller.id() + " is not blocked on " + station.id());
    }

    @Test
    void blocksListNetworkWideFirstAndOutliveTheUserWhoMadeThem() {
        Network network = fixtures.network();
        Station station = fixtures.station(network);
        User manager = fixtures.user(network);
        Caller caller = callers.seen(network.id(), Fixtures.uniquePhoneNumber(), NOON);
        callers.block(caller.id(), station.id(), "on this station", manager.id());
        callers.block(caller.id(), null, "everywhere", manager.id());

        jdbi.useHandle(h -> h.execute("delete from users where id = ?", manager.id().value()));

        assertThat(callers.blocks(caller.id()))
                .extracting(CallerBlock::stationId, CallerBlock::reason, CallerBlock::blockedByUserId)
                .containsExactly(tuple(null, "everywhere", null), tuple(station.id(), "on this station", null));
    }
}

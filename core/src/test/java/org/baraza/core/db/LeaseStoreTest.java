package org.baraza.core.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.baraza.core.DomainException;
import org.baraza.core.Ids.StationId;
import org.baraza.core.lease.StationLease;
import org.baraza.core.station.Network;
import org.baraza.core.station.Station;
import org.baraza.core.testing.Concurrently;
import org.baraza.core.testing.Fixtures;
import org.baraza.core.testing.PostgresExtension;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class LeaseStoreTest {

    private static final Instant NOW = Instant.parse("2026-03-02T07:00:00Z");
    private static final Duration TTL = Duration.ofSeconds(30);

    private final Stores stores;
    private final Fixtures fixtures;

    LeaseStoreTest(Jdbi jdbi) {
        this.stores = Stores.on(jdbi);
        this.fixtures = new Fixtures(stores);
    }

    @Test
    void aFreeStationIsTakenAndItsHolderKnown() {
        Station station = fixtures.station(fixtures.network());
        String daemon = Fixtures.unique("daemon");

        Optional<StationLease> lease = stores.leases().acquire(station.id(), daemon, NOW, TTL);

        assertThat(lease).contains(new StationLease(station.id(), daemon, NOW, NOW.plus(TTL)));
        assertThat(stores.leases().holder(station.id(), NOW.plusSeconds(29))).isEqualTo(lease);
        assertThat(stores.leases().holder(station.id(), NOW.plus(TTL))).isEmpty();
    }

    @Test
    void aHeldStationIsRefusedToAnotherDaemonUntilTheLeaseExpires() {
        Station station = fixtures.station(fixtures.network());
        String first = Fixtures.unique("daemon");
        String second = Fixtures.unique("daemon");
        stores.leases().acquire(station.id(), first, NOW, TTL);

        assertThat(stores.leases().acquire(station.id(), second, NOW.plusSeconds(29), TTL)).isEmpty();
        assertThat(stores.leases().acquire(station.id(), second, NOW.plus(TTL), TTL))
                .contains(new StationLease(station.id(), second, NOW.plus(TTL), NOW.plus(TTL).plus(TTL)));
        assertThat(stores.leases().renew(station.id(), first, NOW.plus(TTL), TTL)).isEmpty();
    }

    @Test
    void theHolderAcquiringAgainRenewsAndKeepsWhenItTookTheStation() {
        Station station = fixtures.station(fixtures.network());
        String daemon = Fixtures.unique("daemon");
        stores.leases().acquire(station.id(), daemon, NOW, TTL);

        assertThat(stores.leases().acquire(station.id(), daemon, NOW.plusSeconds(10), TTL))
                .contains(new StationLease(station.id(), daemon, NOW, NOW.plusSeconds(40)));
        assertThat(stores.leases().renew(station.id(), daemon, NOW.plusSeconds(20), TTL))
                .contains(new StationLease(station.id(), daemon, NOW, NOW.plusSeconds(50)));
    }

    @Test
    void anExpiredLeaseIsNotRenewedButCanBeTakenAgain() {
        Station station = fixtures.station(fixtures.network());
        String daemon = Fixtures.unique("daemon");
        stores.leases().acquire(station.id(), daemon, NOW, TTL);
        Instant late = NOW.plusSeconds(45);

        assertThat(stores.leases().renew(station.id(), daemon, late, TTL)).isEmpty();
        assertThat(stores.leases().expired(late)).contains(new StationLease(station.id(), daemon, NOW, NOW.plus(TTL)));
        assertThat(stores.leases().acquire(station.id(), daemon, late, TTL))
                .contains(new StationLease(station.id(), daemon, late, late.plus(TTL)));
        assertThat(stores.leases().expired(late)).extracting(StationLease::stationId).doesNotContain(station.id());
    }

    @Test
    void twoDaemonsRacingForOneStationOneWins() throws InterruptedException {
        Station station = fixtures.station(fixtures.network());
        String first = Fixtures.unique("daemon");
        String second = Fixtures.unique("daemon");

        List<Optional<StationLease>> results = Concurrently.run(
                () -> stores.leases().acquire(station.id(), first, NOW, TTL),
                () -> stores.leases().acquire(station.id(), second, NOW, TTL));

        assertThat(results).filteredOn(Optional::isPresent).hasSize(1);
        String winner = results.stream().flatMap(Optional::stream).findFirst().orElseThrow().daemonId();
        assertThat(stores.leases().holder(station.id(), NOW)).map(StationLease::daemonId).contains(winner);
    }

    @Test
    void aDaemonRenewsAllItsStationsAndListsThem() {
        Network network = fixtures.network();
        Station one = fixtures.station(network);
        Station two = fixtures.station(network);
        Station lapsed = fixtures.station(network);
        String daemon = Fixtures.unique("daemon");
        stores.leases().acquire(one.id(), daemon, NOW, TTL);
        stores.leases().acquire(two.id(), daemon, NOW.plusSeconds(10), TTL);
        stores.leases().acquire(lapsed.id(), daemon, NOW.minusSeconds(60), TTL);

        List<StationLease> renewed = stores.leases().renewAll(daemon, NOW.plusSeconds(20), TTL);

        assertThat(renewed).extracting(StationLease::stationId).containsExactlyInAnyOrder(one.id(), two.id());
        assertThat(renewed).extracting(StationLease::expiresAt).containsOnly(NOW.plusSeconds(50));
        assertThat(stores.leases().heldBy(daemon, NOW.plusSeconds(20))).extracting(StationLease::stationId)
                .containsExactly(one.id(), two.id());
    }

    @Test
    void releasingGivesTheStationUpOnlyForItsHolder() {
        Station station = fixtures.station(fixtures.network());
        String daemon = Fixtures.unique("daemon");
        stores.leases().acquire(station.id(), daemon, NOW, TTL);

        assertThat(stores.leases().release(station.id(), Fixtures.unique("daemon"))).isFalse();
        assertThat(stores.leases().release(station.id(), daemon)).isTrue();
        assertThat(stores.leases().holder(station.id(), NOW)).isEmpty();
    }

    @Test
    void aLeaseOnAMissingStationOrOfNoLengthIsRefused() {
        Station station = fixtures.station(fixtures.network());

        assertThatThrownBy(() -> stores.leases().acquire(new StationId(999_999), "daemon-a", NOW, TTL))
                .isInstanceOf(DomainException.NotFound.class).hasMessage("station 999999 does not exist")
                .satisfies(e -> ScheduleStoreTest.assertRefusedBy(e, "station_leases_station_fk"));
        assertThatThrownBy(() -> stores.leases().acquire(station.id(), "daemon-a", NOW, Duration.ZERO))
                .isInstanceOf(DomainException.Invalid.class).hasMessage("a lease must last more than nothing, got PT0S");
        assertThatThrownBy(() -> stores.leases().acquire(station.id(), "", NOW, TTL))
                .isInstanceOf(DomainException.Invalid.class).hasMessage("daemon id must be 1 to 200 characters, got 0");
    }

    @Test
    void aRenewalFromAClockBehindTheOneThatTookTheLeaseIsRefused() {
        Station station = fixtures.station(fixtures.network());
        String daemon = Fixtures.unique("daemon");
        stores.leases().acquire(station.id(), daemon, NOW, TTL);

        assertThatThrownBy(() -> stores.leases().renew(station.id(), daemon, NOW.minusSeconds(60), TTL))
                .isInstanceOf(DomainException.Invalid.class)
                .hasMessage("daemon " + daemon + " renews at 2026-03-02T06:59:00Z, which ends its lease before it was taken:"
                        + " is its clock behind?")
                .satisfies(e -> ScheduleStoreTest.assertRefusedBy(e, "station_leases_order"));
    }
}

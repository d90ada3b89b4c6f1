package org.baraza.daemon.station;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.baraza.core.call.LegRole;
import org.baraza.core.db.Stores;
import org.baraza.core.station.Station;
import org.baraza.core.testing.Fixtures;
import org.baraza.core.testing.PostgresExtension;
import org.baraza.programs.LegId;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A station's book of legs keeps the daemon's {@link LegOwners} to the legs whose keys the station takes (those
 * {@link LegBook#legOf} names): from when it dials, adopts or takes in a leg until the leg ends. Real PostgreSQL
 * holds the call log.
 */
@ExtendWith(PostgresExtension.class)
class LegBookTest {

    private static final Instant NOW = Instant.parse("2026-11-21T07:00:00Z");

    private final LegOwners owners = new LegOwners();
    private final Station station;
    private final LegBook legs;

    LegBookTest(Jdbi jdbi) {
        Stores stores = Stores.on(jdbi);
        Fixtures fixtures = new Fixtures(stores);
        this.station = fixtures.station(fixtures.network());
        this.legs = new LegBook(station.id(), stores.calls(), "fs1", owners);
    }

    @Test
    void aDialledLegIsTheStationsUntilItHangsUp() {
        UUID host = legs.dial(new LegId("host-1"), LegRole.HOST, "sofia/gateway/gw/+256700000001", NOW);
        assertThat(owners.ownerOf(host)).contains(station.id());

        legs.ended(host, "NORMAL_CLEARING", NOW.plusSeconds(60));

        assertThat(owners.ownerOf(host)).isEmpty();
        assertThat(legs.legOf(host)).isEmpty();
    }

    @Test
    void aCallersLegAndALegAdoptedAfterARestartAreTheStationsUntilFoundGone() {
        UUID caller = UUID.randomUUID();
        UUID transmitter = UUID.randomUUID();
        legs.adoptInbound(new LegId(CallDesk.INBOUND + caller), caller);
        legs.adopt(StationActor.ADOPTED_TRANSMITTER, transmitter);
        assertThat(owners.ownerOf(caller)).contains(station.id());
        assertThat(owners.ownerOf(transmitter)).contains(station.id());

        legs.ended(caller, LegBook.FOUND_GONE, NOW);
        legs.ended(transmitter, LegBook.FOUND_GONE, NOW);

        assertThat(owners.ownerOf(caller)).isEmpty();
        assertThat(owners.ownerOf(transmitter)).isEmpty();
    }

    @Test
    void anAnchorWhoseKeysTheStationIgnoresIsNotInTheIndex() {
        UUID anchor = legs.anchor("studio-a", "loopback/9102", NOW);

        assertThat(legs.legOf(anchor)).isEmpty();
        assertThat(owners.ownerOf(anchor)).isEmpty();
    }
}

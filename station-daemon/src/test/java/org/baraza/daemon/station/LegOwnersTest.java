package org.baraza.daemon.station;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.baraza.core.Ids.StationId;
import org.junit.jupiter.api.Test;

/** The daemon's index of which station follows which leg. */
class LegOwnersTest {

    private static final StationId RADIO_A = new StationId(1);
    private static final StationId RADIO_B = new StationId(2);

    private final LegOwners owners = new LegOwners();

    @Test
    void aLegIsItsStationsFromWhenTheStationFollowsItUntilTheStationForgetsIt() {
        UUID leg = UUID.randomUUID();
        assertThat(owners.ownerOf(leg)).isEmpty();

        owners.owns(RADIO_A, leg);
        assertThat(owners.ownerOf(leg)).contains(RADIO_A);

        owners.forget(RADIO_A, leg);
        assertThat(owners.ownerOf(leg)).isEmpty();
    }

    @Test
    void aStationCannotForgetALegAnotherStationFollows() {
        UUID leg = UUID.randomUUID();
        owners.owns(RADIO_B, leg);

        owners.forget(RADIO_A, leg);

        assertThat(owners.ownerOf(leg)).contains(RADIO_B);
    }

    @Test
    void aStoppedStationForgetsAllItsLegsAndOnlyItsOwn() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        owners.owns(RADIO_A, first);
        owners.owns(RADIO_A, second);
        owners.owns(RADIO_B, other);

        owners.forgetAll(RADIO_A);

        assertThat(owners.ownerOf(first)).isEmpty();
        assertThat(owners.ownerOf(second)).isEmpty();
        assertThat(owners.ownerOf(other)).contains(RADIO_B);
    }
}

package org.baraza.core.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.baraza.core.DomainException;
import org.baraza.core.Ids.StationId;
import org.baraza.core.alert.AlertKind;
import org.baraza.core.alert.AlertStore;
import org.baraza.core.station.Station;
import org.baraza.core.testing.Concurrently;
import org.baraza.core.testing.Fixtures;
import org.baraza.core.testing.PostgresExtension;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class AlertStoreTest {

    private static final Instant T0 = Instant.parse("2025-03-01T06:00:00Z");
    private static final Duration HOUR = Duration.ofHours(1);

    private final AlertStore alerts;
    private final Fixtures fixtures;

    AlertStoreTest(Jdbi jdbi) {
        Stores stores = Stores.on(jdbi);
        this.alerts = stores.alerts();
        this.fixtures = new Fixtures(stores);
    }

    @Test
    void aKindOfAlertAboutAStationHasOneTurnPerCooldown() {
        Station station = fixtures.station(fixtures.network());

        assertThat(alerts.takeTurn(station.id(), AlertKind.SILENCE, T0, HOUR)).isTrue();
        assertThat(alerts.takeTurn(station.id(), AlertKind.SILENCE, T0.plusSeconds(1), HOUR)).isFalse();
        assertThat(alerts.takeTurn(station.id(), AlertKind.SILENCE, T0.plus(HOUR).minusMillis(1), HOUR)).isFalse();
        assertThat(alerts.takeTurn(station.id(), AlertKind.SILENCE, T0.plus(HOUR), HOUR)).isTrue();
        assertThat(alerts.takeTurn(station.id(), AlertKind.SILENCE, T0.plus(HOUR).plusSeconds(59), HOUR)).isFalse();
    }

    @Test
    void kindsAndStationsHaveTurnsOfTheirOwn() {
        Station station = fixtures.station(fixtures.network());
        Station other = fixtures.station(fixtures.network());

        assertThat(alerts.takeTurn(station.id(), AlertKind.SILENCE, T0, HOUR)).isTrue();
        assertThat(alerts.takeTurn(station.id(), AlertKind.AIRING_FAILED, T0, HOUR)).isTrue();
        assertThat(alerts.takeTurn(station.id(), AlertKind.TRANSMITTER_UNREACHABLE, T0, HOUR)).isTrue();
        assertThat(alerts.takeTurn(other.id(), AlertKind.SILENCE, T0, HOUR)).isTrue();
    }

    @Test
    void ofDaemonsTakingTheTurnTogetherExactlyOneGetsIt() throws InterruptedException {
        for (int round = 0; round < 5; round++) {
            StationId station = fixtures.station(fixtures.network()).id();
            Instant at = T0.plusSeconds(round);

            List<Boolean> turns = Concurrently.run(
                    () -> alerts.takeTurn(station, AlertKind.TRANSMITTER_UNREACHABLE, at, HOUR),
                    () -> alerts.takeTurn(station, AlertKind.TRANSMITTER_UNREACHABLE, at, HOUR),
                    () -> alerts.takeTurn(station, AlertKind.TRANSMITTER_UNREACHABLE, at, HOUR),
                    () -> alerts.takeTurn(station, AlertKind.TRANSMITTER_UNREACHABLE, at, HOUR));

            assertThat(turns).containsOnlyOnce(true);
        }
    }

    @Test
    void anUnknownStationIsRefused() {
        assertThatThrownBy(() -> alerts.takeTurn(new StationId(987_654), AlertKind.SILENCE, T0, HOUR))
                .isInstanceOf(DomainException.NotFound.class).hasMessage("station 987654 does not exist");
    }
}

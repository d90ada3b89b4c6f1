package org.baraza.core.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

import org.baraza.core.DialTemplate;
import org.baraza.core.DomainException;
import org.baraza.core.Ids.NetworkId;
import org.baraza.core.Ids.StationId;
import org.baraza.core.PhoneNumber;
import org.baraza.core.station.CallSettings;
import org.baraza.core.station.DialString;
import org.baraza.core.station.Network;
import org.baraza.core.station.Station;
import org.baraza.core.station.StationSettings;
import org.baraza.core.testing.Fixtures;
import org.baraza.core.testing.PostgresExtension;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class StationStoreTest {

    private final Jdbi jdbi;
    private final Stores stores;
    private final Fixtures fixtures;

    StationStoreTest(Jdbi jdbi) {
        this.jdbi = jdbi;
        this.stores = Stores.on(jdbi);
        this.fixtures = new Fixtures(stores);
    }

    @Test
    void aStationIsStoredWithItsSettingsAndFoundAgain() {
        Network network = fixtures.network();
        StationSettings settings = new StationSettings("radio-pacis", "Radio Pacis", ZoneId.of("Africa/Kampala"),
                List.of("en", "lg", "sw"), true, null);

        Station created = stores.stations().create(network.id(), settings);

        assertThat(created.settings()).isEqualTo(settings);
        assertThat(created.networkId()).isEqualTo(network.id());
        assertThat(stores.stations().get(created.id())).isEqualTo(created);
        assertThat(stores.stations().list(network.id())).containsExactly(created);
    }

    @Test
    void aSecondStationWithTheSameSlugInTheNetworkIsRefused() {
        Network network = fixtures.network();
        StationSettings settings = StationSettings.of("mega-fm", "Mega FM", ZoneId.of("Africa/Kampala"), "en");
        stores.stations().create(network.id(), settings);

        assertThatThrownBy(() -> stores.stations().create(network.id(), settings))
                .isInstanceOf(DomainException.AlreadyExists.class)
                .hasMessage(network.id() + " already has a station named mega-fm");
        // Another network may use the same slug.
        assertThat(stores.stations().create(fixtures.network().id(), settings).slug()).isEqualTo("mega-fm");
    }

    @Test
    void aStationInAMissingNetworkIsRefused() {
        assertThatThrownBy(() -> stores.stations().create(new NetworkId(987_654),
                StationSettings.of("ghost-fm", "Ghost FM", ZoneId.of("UTC"), "en")))
                .isInstanceOf(DomainException.NotFound.class)
                .hasMessage("network 987654 does not exist");
    }

    @Test
    void settingsAreCheckedBeforeTheDatabaseIsAsked() {
        assertThatThrownBy(() -> StationSettings.of("Bad Slug", "Radio", ZoneId.of("UTC"), "en"))
                .isInstanceOf(DomainException.Invalid.class).hasMessageContaining("station slug");
        assertThatThrownBy(() -> StationSettings.of("ok", "  ", ZoneId.of("UTC"), "en"))
                .isInstanceOf(DomainException.Invalid.class).hasMessage("station name must not be empty");
        assertThatThrownBy(() -> StationSettings.of("ok", "Radio", ZoneId.of("UTC")))
                .isInstanceOf(DomainException.Invalid.class).hasMessage("station languages must list 1 to 10 languages");
        assertThatThrownBy(() -> StationSettings.of("ok", "Radio", ZoneId.of("UTC"), "English"))
                .isInstanceOf(DomainException.Invalid.class).hasMessageContaining("language tag");
    }

    @Test
    void theDatabaseRefusesATimeZoneItDoesNotKnowEvenWhenJavaIsBypassed() {
        Network network = fixtures.network();
        assertThatThrownBy(() -> jdbi.useHandle(h -> h.execute(
                "insert into stations (network_id, slug, name, time_zone, languages) values (?, 'x', 'X', 'Mars/Olympus', '{en}')",
                network.id().value())))
                .hasMessageContaining("stations_time_zone_valid");
    }

    @Test
    void updatingChangesTheSettingsAndMissingStationsAreNotFound() {
        Station station = fixtures.station(fixtures.network());
        StationSettings changed = station.settings().withKeepLegBetweenPrograms(true);

        Station updated = stores.stations().update(station.id(), changed);

        assertThat(updated.settings()).isEqualTo(changed);
        assertThat(updated.updatedAt()).isAfterOrEqualTo(station.updatedAt());
        assertThatThrownBy(() -> stores.stations().update(new StationId(999_999), changed))
                .isInstanceOf(DomainException.NotFound.class).hasMessage("station 999999 does not exist");
    }

    @Test
    void dialStringsAreReplacedWholeAndReadInFallbackOrder() {
        Station station = fixtures.station(fixtures.network());
        stores.stations().replaceDialStrings(station.id(), List.of(
                new DialString(2, "sofia/gateway/sim1/0772100200", "SIM 1"),
                new DialString(1, "sofia/internal/transmitter@10.0.0.5", "SIP"),
                new DialString(3, "sofia/gateway/sim2/0752100200", "SIM 2")));

        assertThat(stores.stations().dialStrings(station.id())).extracting(DialString::label)
                .containsExactly("SIP", "SIM 1", "SIM 2");

        stores.stations().replaceDialStrings(station.id(), List.of(new DialString(1, "loopback/9100", null)));
        assertThat(stores.stations().dialStrings(station.id()))
                .containsExactly(new DialString(1, "loopback/9100", null));
    }

    @Test
    void dialStringsForAMissingStationOrWithVariablesAreRefused() {
        assertThatThrownBy(() -> stores.stations().replaceDialStrings(new StationId(999_999),
                List.of(new DialString(1, "loopback/9100", null))))
                .isInstanceOf(DomainException.NotFound.class);
        assertThatThrownBy(() -> new DialString(1, "{origination_uuid=x}loopback/9100", null))
                .isInstanceOf(DomainException.Invalid.class).hasMessageContaining("without {variables}");
    }

    @Test
    void aNumberReachesExactlyOneStation() {
        Network network = fixtures.network();
        Station first = fixtures.station(network);
        Station second = fixtures.station(network);
        PhoneNumber number = PhoneNumber.parse("+256 700 100 007");
        stores.stations().addNumber(first.id(), number, true, true, "listener line");

        assertThat(stores.stations().findByNumber(number)).contains(first);
        assertThatThrownBy(() -> stores.stations().addNumber(second.id(), number, true, false, null))
                .isInstanceOf(DomainException.AlreadyExists.class)
                .hasMessage("number +256700100007 already reaches a station");

        stores.stations().removeNumber(first.id(), number);
        assertThat(stores.stations().findByNumber(number)).isEmpty();
    }

    @Test
    void aStationTakesCallsByTheDefaultsUntilItSetsItsOwn() {
        Station station = fixtures.station(fixtures.network());
        assertThat(stores.stations().callSettings(station.id())).isEqualTo(CallSettings.DEFAULTS);

        CallSettings flashable = new CallSettings(Duration.ofSeconds(6), true, Duration.ofMinutes(30), 2,
                new DialTemplate("sofia/gateway/gsm2/{number}"));
        stores.stations().setCallSettings(station.id(), flashable);
        assertThat(stores.stations().callSettings(station.id())).isEqualTo(flashable);

        CallSettings quiet = new CallSettings(Duration.ZERO, false, Duration.ofHours(1), 3, null);
        stores.stations().setCallSettings(station.id(), quiet);
        assertThat(stores.stations().callSettings(station.id())).isEqualTo(quiet);
        assertThatThrownBy(() -> stores.stations().setCallSettings(new StationId(987_654), quiet))
                .isInstanceOf(DomainException.NotFound.class);
    }

    @Test
    void callSettingsTheDatabaseWouldNotHoldAreRefusedThereToo() {
        Station station = fixtures.station(fixtures.network());

        // A call-back needs a ring to hang up on; the check holds for any writer, not only this store.
        assertThatThrownBy(() -> jdbi.useHandle(h -> h.execute("""
                insert into station_call_settings (station_id, answer_delay_ms, call_back_missed_calls) values (?, 0, true)
                """, station.id().value()))).hasMessageContaining("station_call_settings_callback_rings");
        assertThatThrownBy(() -> jdbi.useHandle(h -> h.execute("""
                insert into station_call_settings (station_id, outbound_dial_template) values (?, 'sofia/gateway/gw/0772')
                """, station.id().value()))).hasMessageContaining("outbound_dial_template");
        assertThatThrownBy(() -> new CallSettings(Duration.ofSeconds(1), true, Duration.ofHours(1), 3, null))
                .isInstanceOf(DomainException.Invalid.class)
                .hasMessage("calling back missed calls needs calls to ring at least 2 seconds before the answer");
    }

    @Test
    void aStationWithoutHistoryIsDeletedWithItsConfiguration() {
        Station station = fixtures.station(fixtures.network());
        stores.stations().addNumber(station.id(), PhoneNumber.parse("+256700100099"), true, true, null);
        stores.stations().replaceDialStrings(station.id(), List.of(new DialString(1, "loopback/9100", null)));

        stores.stations().delete(station.id());

        assertThat(stores.stations().find(station.id())).isEmpty();
        assertThat(stores.stations().dialStrings(station.id())).isEmpty();
        assertThatThrownBy(() -> stores.stations().delete(station.id())).isInstanceOf(DomainException.NotFound.class);
    }
}

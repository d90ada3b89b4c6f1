package org.baraza.core.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.baraza.core.DomainException;
import org.baraza.core.Ids.HostId;
import org.baraza.core.Ids.NetworkId;
import org.baraza.core.PhoneNumber;
import org.baraza.core.people.Host;
import org.baraza.core.people.HostDetails;
import org.baraza.core.people.HostStore;
import org.baraza.core.people.Pin;
import org.baraza.core.station.Network;
import org.baraza.core.station.Station;
import org.baraza.core.testing.Fixtures;
import org.baraza.core.testing.PostgresExtension;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class HostStoreTest {

    private final Jdbi jdbi;
    private final HostStore hosts;
    private final Fixtures fixtures;

    HostStoreTest(Jdbi jdbi) {
        Stores stores = Stores.on(jdbi);
        this.jdbi = jdbi;
        this.hosts = stores.hosts();
        this.fixtures = new Fixtures(stores);
    }

    @Test
    void aHostIsStoredAndFoundByIdAndByPhoneNumber() {
        Network network = fixtures.network();
        HostDetails details = new HostDetails("  Amina Nakato ", PhoneNumber.parse("+256 772 100 200"));

        Host created = hosts.create(network.id(), details, null);

        assertThat(created.details()).isEqualTo(new HostDetails("Amina Nakato", new PhoneNumber("+256772100200")));
        assertThat(created.networkId()).isEqualTo(network.id());
        assertThat(created.hasPin()).isFalse();
        assertThat(created.active()).isTrue();
        assertThat(hosts.get(created.id())).isEqualTo(created);
        assertThat(hosts.findByPhone(network.id(), new PhoneNumber("+256772100200"))).contains(created);
        assertThat(hosts.findByPhone(fixtures.network().id(), new PhoneNumber("+256772100200"))).isEmpty();
        assertThat(hosts.list(network.id())).containsExactly(created);
    }

    @Test
    void aNetworkListsItsHostsByName() {
        Network network = fixtures.network();
        Host zawadi = hosts.create(network.id(), new HostDetails("Zawadi", Fixtures.uniquePhoneNumber()), null);
        Host baraka = hosts.create(network.id(), new HostDetails("Baraka", Fixtures.uniquePhoneNumber()), null);
        fixtures.host(fixtures.network());

        assertThat(hosts.list(network.id())).containsExactly(baraka, zawadi);
    }

    @Test
    void aSecondHostWithTheSameNumberInTheNetworkIsRefused() {
        Network network = fixtures.network();
        PhoneNumber number = Fixtures.uniquePhoneNumber();
        hosts.create(network.id(), new HostDetails("First", number), null);

        assertThatThrownBy(() -> hosts.create(network.id(), new HostDetails("Second", number), null))
                .isInstanceOf(DomainException.AlreadyExists.class)
                .hasMessage("another host of the network has the number " + number);
        // Another network may have a host on the same phone.
        assertThat(hosts.create(fixtures.network().id(), new HostDetails("Second", number), null).phoneNumber()).isEqualTo(number);
    }

    @Test
    void aHostInAMissingNetworkIsRefused() {
        assertThatThrownBy(() -> hosts.create(new NetworkId(987_654), new HostDetails("Ghost", Fixtures.uniquePhoneNumber()), null))
                .isInstanceOf(DomainException.NotFound.class)
                .hasMessage("network 987654 does not exist");
    }

    @Test
    void detailsAreCheckedBeforeTheDatabaseIsAsked() {
        assertThatThrownBy(() -> new HostDetails(" ", Fixtures.uniquePhoneNumber()))
                .isInstanceOf(DomainException.Invalid.class).hasMessage("host name must not be empty");
        assertThatThrownBy(() -> new HostDetails("Amina", null))
                .isInstanceOf(DomainException.Invalid.class).hasMessage("host phone number is required");
    }

    @Test
    void updatingChangesNameAndNumberButNotToAnotherHostsNumber() {
        Network network = fixtures.network();
        Host amina = fixtures.host(network);
        Host other = fixtures.host(network);
        HostDetails changed = new HostDetails("Amina N.", Fixtures.uniquePhoneNumber());

        Host updated = hosts.update(amina.id(), changed);

        assertThat(updated.details()).isEqualTo(changed);
        assertThat(updated.updatedAt()).isAfterOrEqualTo(amina.updatedAt());
        assertThat(hosts.get(amina.id())).isEqualTo(updated);
        assertThatThrownBy(() -> hosts.update(amina.id(), new HostDetails("Amina", other.phoneNumber())))
                .isInstanceOf(DomainException.AlreadyExists.class)
                .hasMessage("another host of the network has the number " + other.phoneNumber());
        assertThatThrownBy(() -> hosts.update(new HostId(999_999), changed))
                .isInstanceOf(DomainException.NotFound.class).hasMessage("host 999999 does not exist");
    }

    @Test
    void aPinIsStoredOnlyAsAnArgon2HashAndCheckedByTheLibrary() {
        Host host = hosts.create(fixtures.network().id(), new HostDetails("Amina", Fixtures.uniquePhoneNumber()), new Pin("48213"));

        String stored = jdbi.withHandle(h -> h.createQuery("select pin_hash from hosts where id = :id")
                .bind("id", host.id().value()).mapTo(String.class).one());

        assertThat(host.hasPin()).isTrue();
        assertThat(stored).startsWith("$argon2id$").doesNotContain("48213");
        assertThat(hosts.verifyPin(host.id(), new Pin("48213"))).isTrue();
        assertThat(hosts.verifyPin(host.id(), new Pin("48214"))).isFalse();
    }

    @Test
    void aPinIsReplacedAndCleared() {
        Host host = fixtures.host(fixtures.network());

        hosts.setPin(host.id(), new Pin("1111"));
        hosts.setPin(host.id(), new Pin("22222222"));

        assertThat(hosts.get(host.id()).hasPin()).isTrue();
        assertThat(hosts.verifyPin(host.id(), new Pin("1111"))).isFalse();
        assertThat(hosts.verifyPin(host.id(), new Pin("22222222"))).isTrue();

        hosts.clearPin(host.id());

        assertThat(hosts.get(host.id()).hasPin()).isFalse();
        assertThat(hosts.verifyPin(host.id(), new Pin("22222222"))).isFalse();
        assertThatThrownBy(() -> hosts.setPin(new HostId(999_999), new Pin("1234")))
                .isInstanceOf(DomainException.NotFound.class).hasMessage("host 999999 does not exist");
        assertThatThrownBy(() -> hosts.clearPin(new HostId(999_999)))
                .isInstanceOf(DomainException.NotFound.class).hasMessage("host 999999 does not exist");
    }

    @Test
    void anInactiveOrMissingHostNeverPassesThePinCheck() {
        Host host = hosts.create(fixtures.network().id(), new HostDetails("Amina", Fixtures.uniquePhoneNumber()), new Pin("4821"));

        Host inactive = hosts.deactivate(host.id());

        assertThat(inactive.active()).isFalse();
        assertThat(hosts.verifyPin(host.id(), new Pin("4821"))).isFalse();
        assertThat(hosts.activate(host.id()).active()).isTrue();
        assertThat(hosts.verifyPin(host.id(), new Pin("4821"))).isTrue();
        assertThat(hosts.verifyPin(new HostId(999_999), new Pin("4821"))).isFalse();
        assertThatThrownBy(() -> hosts.deactivate(new HostId(999_999)))
                .isInstanceOf(DomainException.NotFound.class).hasMessage("host 999999 does not exist");
    }

    @Test
    void aHostPresentsOnStationsOfTheirNetwork() {
        Network network = fixtures.network();
        Station morning = fixtures.station(network);
        Station evening = fixtures.station(network);
        Host amina = hosts.create(network.id(), new HostDetails("Amina", Fixtures.uniquePhoneNumber()), null);
        Host baraka = hosts.create(network.id(), new HostDetails("Baraka", Fixtures.uniquePhoneNumber()), null);

        hosts.assign(amina.id(), evening.id());
        hosts.assign(amina.id(), morning.id());
        hosts.assign(baraka.id(), morning.id());

        assertThat(hosts.stationsOf(amina.id())).containsExactly(morning.id(), evening.id());
        assertThat(hosts.listOnStation(morning.id())).containsExactly(amina, baraka);
        assertThat(hosts.listOnStation(evening.id())).containsExactly(amina);

        hosts.unassign(amina.id(), morning.id());

        assertThat(hosts.listOnStation(morning.id())).containsExactly(baraka);
        assertThat(hosts.stationsOf(amina.id())).containsExactly(evening.id());
    }

    @Test
    void assigningTwiceOrToAnotherNetworksStationIsRefused() {
        Network network = fixtures.network();
        Station station = fixtures.station(network);
        Station elsewhere = fixtures.station(fixtures.network());
        Host host = fixtures.host(network);
        hosts.assign(host.id(), station.id());

        assertThatThrownBy(() -> hosts.assign(host.id(), station.id()))
                .isInstanceOf(DomainException.AlreadyExists.class)
                .hasMessage(host.id() + " already presents on " + station.id());
        assertThatThrownBy(() -> hosts.assign(host.id(), elsewhere.id()))
                .isInstanceOf(DomainException.NotFound.class)
                .hasMessage(elsewhere.id() + " does not exist in " + network.id());
        assertThatThrownBy(() -> hosts.assign(new HostId(999_999), station.id()))
                .isInstanceOf(DomainException.NotFound.class).hasMessage("host 999999 does not exist");
        assertThatThrownBy(() -> hosts.unassign(host.id(), elsewhere.id()))
                .isInstanceOf(DomainException.NotFound.class)
                .hasMessage(host.id() + " does not present on " + elsewhere.id());
    }

    @Test
    void deletingAHostRemovesItsAssignments() {
        Network network = fixtures.network();
        Station station = fixtures.station(network);
        Host host = fixtures.host(network);
        hosts.assign(host.id(), station.id());

        hosts.delete(host.id());

        assertThat(hosts.find(host.id())).isEmpty();
        assertThat(hosts.listOnStation(station.id())).isEmpty();
        assertThatThrownBy(() -> hosts.delete(host.id()))
                .isInstanceOf(DomainException.NotFound.class).hasMessage(host.id() + " does not exist");
    }
}

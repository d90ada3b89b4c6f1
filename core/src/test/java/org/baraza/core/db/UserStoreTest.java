package org.baraza.core.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.baraza.core.DomainException;
import org.baraza.core.PhoneNumber;
import org.baraza.core.Ids.HostId;
import org.baraza.core.Ids.NetworkId;
import org.baraza.core.Ids.StationId;
import org.baraza.core.Ids.UserId;
import org.baraza.core.people.Host;
import org.baraza.core.people.Password;
import org.baraza.core.people.Role;
import org.baraza.core.people.User;
import org.baraza.core.people.UserDetails;
import org.baraza.core.people.UserStore;
import org.baraza.core.station.Network;
import org.baraza.core.station.Station;
import org.baraza.core.testing.Fixtures;
import org.baraza.core.testing.PostgresExtension;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class UserStoreTest {

    private static final String PASSWORD = "correct horse battery";

    private final Jdbi jdbi;
    private final UserStore users;
    private final Fixtures fixtures;

    UserStoreTest(Jdbi jdbi) {
        Stores stores = Stores.on(jdbi);
        this.jdbi = jdbi;
        this.users = stores.users();
        this.fixtures = new Fixtures(stores);
    }

    @Test
    void aUserIsStoredAndFoundByEmailInAnyCase() {
        Network network = fixtures.network();
        String email = Fixtures.unique("Amina") + "@Example.org";

        User created = users.create(network.id(), new UserDetails(" " + email + " ", " Amina Nakato"), new Password(PASSWORD));

        assertThat(created.details()).isEqualTo(new UserDetails(email, "Amina Nakato"));
        assertThat(created.networkId()).isEqualTo(network.id());
        assertThat(created.disabled()).isFalse();
        assertThat(created.lastLoginAt()).isNull();
        assertThat(users.get(created.id())).isEqualTo(created);
        assertThat(users.findByEmail(email.toLowerCase())).contains(created);
        assertThat(users.findByEmail(email.toUpperCase())).contains(created);
        assertThat(users.list(network.id())).containsExactly(created);
    }

    @Test
    void aUserMayGiveAPhoneNumberForAlertsAndChangeOrRemoveIt() {
        Network network = fixtures.network();
        PhoneNumber phone = Fixtures.uniquePhoneNumber();

        User created = users.create(network.id(), new UserDetails(Fixtures.unique("a") + "@example.org", "Amina", phone),
                new Password(PASSWORD));

        assertThat(created.phoneNumber()).isEqualTo(phone);
        assertThat(users.get(created.id()).details().phoneNumber()).isEqualTo(phone);
        PhoneNumber other = Fixtures.uniquePhoneNumber();
        assertThat(users.changePhoneNumber(created.id(), other).phoneNumber()).isEqualTo(other);
        assertThat(users.changePhoneNumber(created.id(), null).phoneNumber()).isNull();
        assertThat(fixtures.user(network).phoneNumber()).isNull();
        assertThatThrownBy(() -> users.changePhoneNumber(new UserId(999_999), phone))
                .isInstanceOf(DomainException.NotFound.class).hasMessage("user 999999 does not exist");
    }

    @Test
    void aStationsManagersAreItsStationManagersAndItsNetworksAdminsWhoAreEnabled() {
        Network network = fixtures.network();
        Station station = fixtures.station(network);
        Station other = fixtures.station(network);
        User admin = named(network, "Admin");
        users.grant(admin.id(), Role.networkAdmin());
        User manager = named(network, "Manager");
        users.grant(manager.id(), Role.stationManager(station.id()));
        users.grant(manager.id(), Role.networkAdmin());
        User otherManager = named(network, "Other manager");
        users.grant(otherManager.id(), Role.stationManager(other.id()));
        User disabled = named(network, "Disabled");
        users.grant(disabled.id(), Role.stationManager(station.id()));
        users.disable(disabled.id());
        User elsewhere = named(fixtures.network(), "Admin elsewhere");
        users.grant(elsewhere.id(), Role.networkAdmin());

        assertThat(users.managersOf(station.id())).containsExactly(admin, manager);
        assertThat(users.managersOf(other.id())).containsExactly(admin, manager, otherManager);
        assertThat(users.managersOf(new StationId(987_654))).isEmpty();
    }

    private User named(Network network, String name) {
        return users.create(network.id(), new UserDetails(Fixtures.unique("u") + "@example.org", name), new Password(PASSWORD));
    }

    @Test
    void aNetworkListsItsUsersByDisplayName() {
        Network network = fixtures.network();
        User zawadi = users.create(network.id(), new UserDetails(Fixtures.unique("z") + "@example.org", "Zawadi"), new Password(PASSWORD));
        User baraka = users.create(network.id(), new UserDetails(Fixtures.unique("b") + "@example.org", "Baraka"), new Password(PASSWORD));

        assertThat(users.list(network.id())).containsExactly(baraka, zawadi);
    }

    @Test
    void theSameEmailInAnyCaseIsRefusedEvenInAnotherNetwork() {
        String email = Fixtures.unique("amina") + "@example.org";
        users.create(fixtures.network().id(), new UserDetails(email, "Amina"), new Password(PASSWORD));

        assertThatThrownBy(() -> users.create(fixtures.network().id(), new UserDetails(email.toUpperCase(), "Amina"), new Password(PASSWORD)))
                .isInstanceOf(DomainException.AlreadyExists.class)
                .hasMessage("a user with the email " + email.toUpperCase() + " already exists");
    }

    @Test
    void aUserInAMissingNetworkIsRefused() {
        assertThatThrownBy(() -> users.create(new NetworkId(987_654), new UserDetails(Fixtures.unique("x") + "@example.org", "X"),
                new Password(PASSWORD)))
                .isInstanceOf(DomainException.NotFound.class)
                .hasMessage("network 987654 does not exist");
    }

    @Test
    void emailsAndNamesAreCheckedBeforeTheDatabaseIsAsked() {
        for (String bad : new String[] {"amina", "amina@", "@example.org", "a b@example.org", "a@b@c", "a@" + "x".repeat(253)}) {
            assertThatThrownBy(() -> new UserDetails(bad, "Amina")).isInstanceOf(DomainException.Invalid.class)
                    .hasMessage("an email must look like name@example.org (at most 254 characters), got \"" + bad + "\"");
        }
        assertThatThrownBy(() -> new UserDetails("amina@example.org", ""))
                .isInstanceOf(DomainException.Invalid.class).hasMessage("user display name must not be empty");
    }

    @Test
    void thePasswordIsStoredOnlyAsAnArgon2Hash() {
        User user = fixtures.user(fixtures.network());

        String stored = jdbi.withHandle(h -> h.createQuery("select password_hash from users where id = :id")
                .bind("id", user.id().value()).mapTo(String.class).one());

        assertThat(stored).startsWith("$argon2id$").doesNotContain(PASSWORD);
    }

    @Test
    void signingInTakesTheRightPasswordOnly() {
        User user = fixtures.user(fixtures.network());

        assertThat(users.authenticate(user.email(), PASSWORD)).contains(user);
        assertThat(users.authenticate("  " + user.email().toUpperCase() + " ", PASSWORD)).contains(user);
        assertThat(users.authenticate(user.email(), PASSWORD + " ")).isEmpty();
        assertThat(users.authenticate(user.email(), "")).isEmpty();
        assertThat(users.authenticate(user.email(), null)).isEmpty();
        assertThat(users.authenticate("nobody-" + user.email(), PASSWORD)).isEmpty();
        assertThat(users.authenticate(null, PASSWORD)).isEmpty();
    }

    @Test
    void aDisabledUserCannotSignInUntilEnabled() {
        User user = fixtures.user(fixtures.network());

        User disabled = users.disable(user.id());

        assertThat(disabled.disabled()).isTrue();
        assertThat(users.authenticate(user.email(), PASSWORD)).isEmpty();
        assertThat(users.enable(user.id()).disabled()).isFalse();
        assertThat(users.authenticate(user.email(), PASSWORD)).isPresent();
        assertThatThrownBy(() -> users.disable(new UserId(999_999)))
                .isInstanceOf(DomainException.NotFound.class).hasMessage("user 999999 does not exist");
    }

    @Test
    void aChangedPasswordReplacesTheOldOne() {
        User user = fixtures.user(fixtures.network());

        users.changePassword(user.id(), new Password("mango tree by the river"));

        assertThat(users.authenticate(user.email(), PASSWORD)).isEmpty();
        assertThat(users.authenticate(user.email(), "mango tree by the river")).contains(user);
        assertThatThrownBy(() -> users.changePassword(new UserId(999_999), new Password(PASSWORD)))
                .isInstanceOf(DomainException.NotFound.class).hasMessage("user 999999 does not exist");
    }

    @Test
    void aSignInIsRecordedAtTheInstantGiven() {
        User user = fixtures.user(fixtures.network());
        Instant at = Instant.parse("2026-03-02T08:30:15.250Z");

        User signedIn = users.recordLogin(user.id(), at);

        assertThat(signedIn.lastLoginAt()).isEqualTo(at);
        assertThat(users.get(user.id())).isEqualTo(signedIn);
        assertThatThrownBy(() -> users.recordLogin(user.id(), null))
                .isInstanceOf(DomainException.Invalid.class).hasMessage("the time of signing in is required");
        assertThatThrownBy(() -> users.recordLogin(new UserId(999_999), at))
                .isInstanceOf(DomainException.NotFound.class).hasMessage("user 999999 does not exist");
    }

    @Test
    void rolesAreGrantedListedInOrderAndRevoked() {
        Network network = fixtures.network();
        Station station = fixtures.station(network);
        Host host = fixtures.host(network);
        User user = fixtures.user(network);

        users.grant(user.id(), Role.stationManager(station.id()));
        users.grant(user.id(), Role.host(host.id()));
        users.grant(user.id(), Role.networkAdmin());

        assertThat(users.roles(user.id()))
                .containsExactly(Role.stationManager(station.id()), Role.host(host.id()), Role.networkAdmin());

        users.revoke(user.id(), Role.host(host.id()));

        assertThat(users.roles(user.id())).containsExactly(Role.stationManager(station.id()), Role.networkAdmin());
        assertThatThrownBy(() -> users.revoke(user.id(), Role.host(host.id())))
                .isInstanceOf(DomainException.NotFound.class)
                .hasMessage(user.id() + " is not host as " + host.id());
    }

    @Test
    void aRoleGrantedTwiceIsRefused() {
        Network network = fixtures.network();
        Station station = fixtures.station(network);
        User user = fixtures.user(network);
        users.grant(user.id(), Role.stationManager(station.id()));
        users.grant(user.id(), Role.networkAdmin());

        assertThatThrownBy(() -> users.grant(user.id(), Role.stationManager(station.id())))
                .isInstanceOf(DomainException.AlreadyExists.class)
                .hasMessage(user.id() + " is already station manager of " + station.id());
        assertThatThrownBy(() -> users.grant(user.id(), Role.networkAdmin()))
                .isInstanceOf(DomainException.AlreadyExists.class)
                .hasMessage(user.id() + " is already network admin");
    }

    @Test
    void aRoleOfTheWrongShapeIsRefused() {
        Network network = fixtures.network();
        Station station = fixtures.station(network);
        Host host = fixtures.host(network);
        User user = fixtures.user(network);
        String rule = " (a network admin names no station or host, a station manager names a station, a host names a host)";

        assertThatThrownBy(() -> users.grant(user.id(), new Role(Role.Kind.NETWORK_ADMIN, station.id(), null)))
                .isInstanceOf(DomainException.Invalid.class)
                .hasMessage("not a role: network admin of " + station.id() + rule);
        assertThatThrownBy(() -> users.grant(user.id(), new Role(Role.Kind.STATION_MANAGER, null, null)))
                .isInstanceOf(DomainException.Invalid.class)
                .hasMessage("not a role: station manager" + rule);
        assertThatThrownBy(() -> users.grant(user.id(), new Role(Role.Kind.HOST, station.id(), host.id())))
                .isInstanceOf(DomainException.Invalid.class)
                .hasMessage("not a role: host of " + station.id() + " as " + host.id() + rule);
        assertThatThrownBy(() -> new Role(null, null, null))
                .isInstanceOf(DomainException.Invalid.class).hasMessage("role kind is required");
        assertThat(users.roles(user.id())).isEmpty();
    }

    @Test
    void aRoleOnAnotherNetworksStationOrHostIsRefused() {
        Network network = fixtures.network();
        Network other = fixtures.network();
        Station elsewhere = fixtures.station(other);
        Host outsider = fixtures.host(other);
        User user = fixtures.user(network);

        assertThatThrownBy(() -> users.grant(user.id(), Role.stationManager(elsewhere.id())))
                .isInstanceOf(DomainException.NotFound.class)
                .hasMessage(elsewhere.id() + " does not exist in " + network.id());
        assertThatThrownBy(() -> users.grant(user.id(), Role.host(outsider.id())))
                .isInstanceOf(DomainException.NotFound.class)
                .hasMessage(outsider.id() + " does not exist in " + network.id());
        assertThatThrownBy(() -> users.grant(user.id(), Role.stationManager(new StationId(999_999))))
                .isInstanceOf(DomainException.NotFound.class)
                .hasMessage("station 999999 does not exist in " + network.id());
        assertThatThrownBy(() -> users.grant(new UserId(999_999), Role.host(new HostId(1))))
                .isInstanceOf(DomainException.NotFound.class).hasMessage("user 999999 does not exist");
    }
}

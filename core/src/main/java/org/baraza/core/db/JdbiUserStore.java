package org.baraza.core.db;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.baraza.core.DomainException;
import org.baraza.core.Ids.NetworkId;
import org.baraza.core.Ids.StationId;
import org.baraza.core.Ids.UserId;
import org.baraza.core.PhoneNumber;
import org.baraza.core.Require;
import org.baraza.core.people.Password;
import org.baraza.core.people.Role;
import org.baraza.core.people.Secrets;
import org.baraza.core.people.User;
import org.baraza.core.people.UserDetails;
import org.baraza.core.people.UserStore;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

final class JdbiUserStore implements UserStore {

    // Never the password hash: it is read only to check a password.
    private static final String USER = "id, network_id, email, display_name, phone_number, disabled, created_at, last_login_at";

    interface Sql {
        /** What signing in needs to know about an account. (Nested here, it is public to Jdbi's mapper only.) */
        record Credentials(UserId id, String passwordHash, boolean disabled) {
        }

        @SqlQuery("""
                insert into users (network_id, email, display_name, phone_number, password_hash)
                values (:network, :d.email, :d.displayName, :d.phoneNumber, :hash)
                returning\s""" + USER)
        User insert(NetworkId network, @BindMethods("d") UserDetails details, String hash);

        @SqlQuery("select " + USER + " from users where id = :id")
        Optional<User> find(UserId id);

        @SqlQuery("select " + USER + " from users where lower(email) = lower(:email)")
        Optional<User> findByEmail(String email);

        @SqlQuery("select " + USER + " from users where network_id = :network order by display_name, id")
        List<User> list(NetworkId network);

        @SqlQuery("select id, password_hash, disabled from users where lower(email) = lower(:email)")
        Optional<Credentials> credentials(String email);

        @SqlUpdate("update users set password_hash = :hash where id = :id")
        int setPasswordHash(UserId id, String hash);

        @SqlQuery("update users set last_login_at = :at where id = :id returning " + USER)
        Optional<User> recordLogin(UserId id, Instant at);

        @SqlQuery("update users set phone_number = :number where id = :id returning " + USER)
        Optional<User> setPhoneNumber(UserId id, PhoneNumber number);

        @SqlQuery("""
                select\s""" + USER + """
                  from users u
                 where not u.disabled
                   and exists (select 1 from user_roles r join stations s on s.id = :station and s.network_id = r.network_id
                                where r.user_id = u.id
                                  and (r.role = 'network_admin' or (r.role = 'station_manager' and r.station_id = s.id)))
                 order by display_name, id
                """)
        List<User> managersOf(StationId station);

        @SqlQuery("update users set disabled = :disabled where id = :id returning " + USER)
        Optional<User> setDisabled(UserId id, boolean disabled);

        // Role kinds are stored in lower case ('station_manager'); reading maps them back by name, ignoring case.
        @SqlUpdate("""
                insert into user_roles (user_id, network_id, role, station_id, host_id)
                values (:user, :network, lower(:r.kind), :r.stationId, :r.hostId)
                """)
        void grant(UserId user, NetworkId network, @BindMethods("r") Role role);

        @SqlUpdate("""
                delete from user_roles
                 where user_id = :user and role = lower(:r.kind)
                   and station_id is not distinct from :r.stationId and host_id is not distinct from :r.hostId
                """)
        int revoke(UserId user, @BindMethods("r") Role role);

        @SqlQuery("select role as kind, station_id, host_id from user_roles where user_id = :user order by id")
        List<Role> roles(UserId user);
    }

    private final Sql sql;
    private final Secrets secrets;

    JdbiUserStore(Jdbi jdbi, Secrets secrets) {
        this.sql = RecordRows.onDemand(jdbi, Sql.class, User.class, Sql.Credentials.class, Role.class);
        this.secrets = secrets;
    }

    @Override
    public User create(NetworkId network, UserDetails details, Password password) {
        String hash = secrets.hash(password.value());
        return Constraints.on("users_network_fk", () -> new DomainException.NotFound(network + " does not exist"))
                .and("users_email_unique", () -> new DomainException.AlreadyExists("a user with the email " + details.email() + " already exists"))
                .run(() -> sql.insert(network, details, hash));
    }

    @Override
    public Optional<User> find(UserId id) {
        return sql.find(id);
    }

    @Override
    public User get(UserId id) {
        return sql.find(id).orElseThrow(() -> notFound(id));
    }

    @Override
    public Optional<User> findByEmail(String email) {
        return email == null ? Optional.empty() : sql.findByEmail(email.strip());
    }

    @Override
    public List<User> list(NetworkId network) {
        return sql.list(network);
    }

    @Override
    public Optional<User> authenticate(String email, String password) {
        String typed = password == null ? "" : password;
        Optional<Sql.Credentials> account = email == null ? Optional.empty() : sql.credentials(email.strip());
        if (account.isEmpty()) {
            secrets.matchesNothing(typed);
            return Optional.empty();
        }
        boolean matches = secrets.matches(typed, account.get().passwordHash());
        if (!matches || account.get().disabled()) {
            return Optional.empty();
        }
        return sql.find(account.get().id());
    }

    @Override
    public void changePassword(UserId id, Password password) {
        if (sql.setPasswordHash(id, secrets.hash(password.value())) == 0) {
            throw notFound(id);
        }
    }

    @Override
    public User recordLogin(UserId id, Instant at) {
        Require.present("the time of signing in", at);
        return sql.recordLogin(id, at).orElseThrow(() -> notFound(id));
    }

    @Override
    public User changePhoneNumber(UserId id, PhoneNumber phoneNumber) {
        return sql.setPhoneNumber(id, phoneNumber).orElseThrow(() -> notFound(id));
    }

    @Override
    public List<User> managersOf(StationId station) {
        return sql.managersOf(station);
    }

    @Override
    public User disable(UserId id) {
        return sql.setDisabled(id, true).orElseThrow(() -> notFound(id));
    }

    @Override
    public User enable(UserId id) {
        return sql.setDisabled(id, false).orElseThrow(() -> notFound(id));
    }

    @Override
    public void grant(UserId userId, Role role) {
        NetworkId network = get(userId).networkId();
        Constraints.on("user_roles_scope", () -> new DomainException.Invalid("not a role: " + role
                        + " (a network admin names no station or host, a station manager names a station, a host names a host)"))
                .and("user_roles_station_fk", () -> new DomainException.NotFound(role.stationId() + " does not exist in " + network))
                .and("user_roles_host_fk", () -> new DomainException.NotFound(role.hostId() + " does not exist in " + network))
                .and("user_roles_once", () -> new DomainException.AlreadyExists(userId + " is already " + role))
                .run(() -> sql.grant(userId, network, role));
    }

    @Override
    public void revoke(UserId user, Role role) {
        if (sql.revoke(user, role) == 0) {
            throw new DomainException.NotFound(user + " is not " + role);
        }
    }

    @Override
    public List<Role> roles(UserId user) {
        return sql.roles(user);
    }

    private static DomainException notFound(UserId id) {
        return new DomainException.NotFound(id + " does not exist");
    }
}

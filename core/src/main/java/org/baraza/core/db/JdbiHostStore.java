package org.baraza.core.db;

import java.util.List;
import java.util.Optional;

import org.baraza.core.DomainException;
import org.baraza.core.Ids.HostId;
import org.baraza.core.Ids.NetworkId;
import org.baraza.core.Ids.StationId;
import org.baraza.core.PhoneNumber;
import org.baraza.core.people.Host;
import org.baraza.core.people.HostDetails;
import org.baraza.core.people.HostStore;
import org.baraza.core.people.Pin;
import org.baraza.core.people.Secrets;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

final class JdbiHostStore implements HostStore {

    // Never the PIN hash itself: only whether there is one. Program hosts read them with the same columns.
    static final String HOST = "id, network_id, name, phone_number, pin_hash is not null as has_pin, active, created_at, updated_at";

    interface Sql {
        @SqlQuery("""
                insert into hosts (network_id, name, phone_number, pin_hash) values (:network, :d.name, :d.phoneNumber, :pinHash)
                returning\s""" + HOST)
        Host insert(NetworkId network, @BindMethods("d") HostDetails details, String pinHash);

        @SqlQuery("update hosts set name = :d.name, phone_number = :d.phoneNumber where id = :id returning " + HOST)
        Optional<Host> update(HostId id, @BindMethods("d") HostDetails details);

        @SqlQuery("update hosts set active = :active where id = :id returning " + HOST)
        Optional<Host> setActive(HostId id, boolean active);

        @SqlUpdate("update hosts set pin_hash = :pinHash where id = :id")
        int setPinHash(HostId id, String pinHash);

        @SqlQuery("select pin_hash from hosts where id = :id and active and pin_hash is not null")
        Optional<String> activePinHash(HostId id);

        @SqlQuery("select " + HOST + " from hosts where id = :id")
        Optional<Host> find(HostId id);

        @SqlQuery("select " + HOST + " from hosts where network_id = :network and phone_number = :number")
        Optional<Host> findByPhone(NetworkId network, PhoneNumber number);

        @SqlQuery("select " + HOST + " from hosts where network_id = :network order by name, id")
        List<Host> list(NetworkId network);

        @SqlQuery("""
                select\s""" + HOST + """
                 from hosts where id in (select host_id from station_hosts where station_id = :station) order by name, id
                """)
        List<Host> listOnStation(StationId station);

        @SqlQuery("select station_id from station_hosts where host_id = :host order by station_id")
        List<StationId> stationsOf(HostId host);

        @SqlUpdate("insert into station_hosts (network_id, station_id, host_id) values (:network, :station, :host)")
        void assign(NetworkId network, StationId station, HostId host);

        @SqlUpdate("delete from station_hosts where station_id = :station and host_id = :host")
        int unassign(StationId station, HostId host);

        @SqlUpdate("delete from hosts where id = :id")
        int delete(HostId id);
    }

    private final Sql sql;
    private final Secrets secrets;

    JdbiHostStore(Jdbi jdbi, Secrets secrets) {
        this.sql = RecordRows.onDemand(jdbi, Sql.class, Host.class);
        this.secrets = secrets;
    }

    @Override
    public Host create(NetworkId network, HostDetails details, Pin pin) {
        String pinHash = pin == null ? null : secrets.hash(pin.digits());
        return Constraints.on("hosts_network_fk", () -> new DomainException.NotFound(network + " does not exist"))
                .and("hosts_phone_unique", () -> phoneTaken(details))
                .run(() -> sql.insert(network, details, pinHash));
    }

    @Override
    public Host update(HostId id, HostDetails details) {
        return Constraints.on("hosts_phone_unique", () -> phoneTaken(details))
                .run(() -> sql.update(id, details))
                .orElseThrow(() -> notFound(id));
    }

    @Override
    public Optional<Host> find(HostId id) {
        return sql.find(id);
    }

    @Override
    public Host get(HostId id) {
        return find(id).orElseThrow(() -> notFound(id));
    }

    @Override
    public Optional<Host> findByPhone(NetworkId network, PhoneNumber number) {
        return sql.findByPhone(network, number);
    }

    @Override
    public List<Host> list(NetworkId network) {
        return sql.list(network);
    }

    @Override
    public List<Host> listOnStation(StationId station) {
        return sql.listOnStation(station);
    }

    @Override
    public List<StationId> stationsOf(HostId host) {
        return sql.stationsOf(host);
    }

    @Override
    public void assign(HostId hostId, StationId station) {
        NetworkId network = get(hostId).networkId();
        Constraints.on("station_hosts_station_fk", () -> new DomainException.NotFound(station + " does not exist in " + network))
                .and("station_hosts_pkey", () -> new DomainException.AlreadyExists(hostId + " already presents on " + station))
                .run(() -> sql.assign(network, station, hostId));
    }

    @Override
    public void unassign(HostId host, StationId station) {
        if (sql.unassign(station, host) == 0) {
            throw new DomainException.NotFound(host + " does not present on " + station);
        }
    }

    @Override
    public void setPin(HostId id, Pin pin) {
        if (sql.setPinHash(id, secrets.hash(pin.digits())) == 0) {
            throw notFound(id);
        }
    }

    @Override
    public void clearPin(HostId id) {
        if (sql.setPinHash(id, null) == 0) {
            throw notFound(id);
        }
    }

    @Override
    public boolean verifyPin(HostId id, Pin pin) {
        Optional<String> hash = sql.activePinHash(id);
        return hash.isPresent() ? secrets.matches(pin.digits(), hash.get()) : secrets.matchesNothing(pin.digits());
    }

    @Override
    public Host deactivate(HostId id) {
        return sql.setActive(id, false).orElseThrow(() -> notFound(id));
    }

    @Override
    public Host activate(HostId id) {
        return sql.setActive(id, true).orElseThrow(() -> notFound(id));
    }

    @Override
    public void delete(HostId id) {
        if (sql.delete(id) == 0) {
            throw notFound(id);
        }
    }

    private static DomainException phoneTaken(HostDetails details) {
        return new DomainException.AlreadyExists("another host of the network has the number " + details.phoneNumber());
    }

    private static DomainException notFound(HostId id) {
        return new DomainException.NotFound(id + " does not exist");
    }
}

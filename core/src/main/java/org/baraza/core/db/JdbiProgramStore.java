package org.baraza.core.db;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.baraza.core.DomainException;
import org.baraza.core.Ids.HostId;
import org.baraza.core.Ids.NetworkId;
import org.baraza.core.Ids.ProgramId;
import org.baraza.core.people.Host;
import org.baraza.core.program.Program;
import org.baraza.core.program.ProgramDetails;
import org.baraza.core.program.ProgramStore;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;

final class JdbiProgramStore implements ProgramStore {

    // Types are stored in lower case ('live_talk'); reading maps them back by name, ignoring case.
    interface Sql {
        @SqlUpdate("""
                insert into programs (network_id, name, type, config, language, description)
                values (:network, :d.name, lower(:d.type), :d.config, :d.language, :d.description)
                """)
        @GetGeneratedKeys
        Program insert(NetworkId network, @BindMethods("d") ProgramDetails details);

        @SqlUpdate("""
                update programs set name = :d.name, type = lower(:d.type), config = :d.config, language = :d.language,
                                    description = :d.description
                 where id = :id
                """)
        @GetGeneratedKeys
        Optional<Program> update(ProgramId id, @BindMethods("d") ProgramDetails details);

        @SqlQuery("select * from programs where id = :id")
        Optional<Program> find(ProgramId id);

        @SqlQuery("select * from programs where network_id = :network order by name, id")
        List<Program> list(NetworkId network);

        @SqlQuery("select * from programs where id in (select program_id from program_hosts where host_id = :host) order by name, id")
        List<Program> listForHost(HostId host);

        @SqlUpdate("delete from programs where id = :id")
        int delete(ProgramId id);

        // Locks the program against a concurrent change of its hosts and marks it changed.
        @SqlQuery("update programs set updated_at = now() where id = :id returning network_id")
        Optional<NetworkId> touch(ProgramId id);

        // "for key share" keeps the hosts from being deleted before the rows referring to them are in.
        @SqlQuery("select id from hosts where network_id = :network and id in (<hosts>) for key share")
        Set<HostId> presentHosts(NetworkId network, @BindList("hosts") Set<HostId> hosts);

        @SqlUpdate("delete from program_hosts where program_id = :id")
        void deleteHosts(ProgramId id);

        @SqlBatch("insert into program_hosts (program_id, network_id, host_id, position) values (:id, :network, :host, :position)")
        void insertHosts(ProgramId id, NetworkId network, List<HostId> host, List<Integer> position);

        @Transaction
        default void setHosts(ProgramId id, List<HostId> hosts) {
            NetworkId network = touch(id).orElseThrow(() -> notFound(id));
            OrderedReferences.requireAllIn(network, hosts, wanted -> presentHosts(network, wanted));
            deleteHosts(id);
            if (!hosts.isEmpty()) {
                insertHosts(id, network, hosts, OrderedReferences.positions(hosts));
            }
        }

        @SqlQuery("""
                select h.* from (select\s""" + JdbiHostStore.HOST + """
                 from hosts) h join program_hosts p on p.host_id = h.id
                 where p.program_id = :id
                 order by p.position
                """)
        List<Host> hosts(ProgramId id);
    }

    private final Sql sql;

    JdbiProgramStore(Jdbi jdbi) {
        this.sql = RecordRows.onDemand(jdbi, Sql.class, Program.class, Host.class);
    }

    @Override
    public Program create(NetworkId network, ProgramDetails details) {
        return Constraints.on("programs_network_fk", () -> new DomainException.NotFound(network + " does not exist"))
                .and("programs_name_unique", () -> nameTaken(network, details))
                .run(() -> sql.insert(network, details));
    }

    @Override
    public Program update(ProgramId id, ProgramDetails details) {
        return Constraints.on("programs_name_unique", () -> nameTaken(get(id).networkId(), details))
                .run(() -> sql.update(id, details))
                .orElseThrow(() -> notFound(id));
    }

    @Override
    public Optional<Program> find(ProgramId id) {
        return sql.find(id);
    }

    @Override
    public Program get(ProgramId id) {
        return sql.find(id).orElseThrow(() -> notFound(id));
    }

    @Override
    public List<Program> list(NetworkId network) {
        return sql.list(network);
    }

    @Override
    public List<Program> listForHost(HostId host) {
        return sql.listForHost(host);
    }

    @Override
    public void delete(ProgramId id) {
        int deleted = Constraints.on("schedules_program_fk", () -> new DomainException.InUse(
                        id + " is still scheduled on a station; remove its schedules first"))
                .and("airings_program_fk", () -> new DomainException.InUse(
                        id + " has aired and stays in the as-aired log; it cannot be deleted"))
                .run(() -> sql.delete(id));
        if (deleted == 0) {
            throw notFound(id);
        }
    }

    @Override
    public void setHosts(ProgramId id, List<HostId> hosts) {
        Set<HostId> seen = new HashSet<>();
        for (HostId host : hosts) {
            if (!seen.add(host)) {
                throw new DomainException.Invalid(host + " is billed twice on " + id);
            }
        }
        sql.setHosts(id, List.copyOf(hosts));
    }

    @Override
    public List<Host> hosts(ProgramId id) {
        return sql.hosts(id);
    }

    private static DomainException nameTaken(NetworkId network, ProgramDetails details) {
        return new DomainException.AlreadyExists(network + " already has a program named \"" + details.name() + "\"");
    }

    private static DomainException notFound(ProgramId id) {
        return new DomainException.NotFound(id + " does not exist");
    }
}

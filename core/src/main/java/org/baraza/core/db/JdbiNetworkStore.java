package org.baraza.core.db;

import java.util.List;
import java.util.Optional;

import org.baraza.core.DomainException;
import org.baraza.core.Ids.NetworkId;
import org.baraza.core.Require;
import org.baraza.core.station.Network;
import org.baraza.core.station.NetworkStore;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

final class JdbiNetworkStore implements NetworkStore {

    interface Sql {
        @SqlUpdate("insert into networks (slug, name) values (:slug, :name)")
        @GetGeneratedKeys
        Network insert(String slug, String name);

        @SqlQuery("select * from networks where id = :id")
        Optional<Network> find(NetworkId id);

        @SqlQuery("select * from networks where slug = :slug")
        Optional<Network> findBySlug(String slug);

        @SqlQuery("select * from networks order by name, id")
        List<Network> list();
    }

    private final Sql sql;

    JdbiNetworkStore(Jdbi jdbi) {
        this.sql = RecordRows.onDemand(jdbi, Sql.class, Network.class);
    }

    @Override
    public Network create(String slug, String name) {
        Require.slug("network slug", slug);
        String checkedName = Require.displayName("network name", name);
        return Constraints.on("networks_slug_unique",
                        () -> new DomainException.AlreadyExists("a network named " + slug + " already exists"))
                .run(() -> sql.insert(slug, checkedName));
    }

    @Override
    public Optional<Network> find(NetworkId id) {
        return sql.find(id);
    }

    @Override
    public Optional<Network> findBySlug(String slug) {
        return sql.findBySlug(slug);
    }

    @Override
    public List<Network> list() {
        return sql.list();
    }
}

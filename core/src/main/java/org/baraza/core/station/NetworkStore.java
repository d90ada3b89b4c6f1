package org.baraza.core.station;

import java.util.List;
import java.util.Optional;

import org.baraza.core.Ids.NetworkId;

/** Networks, by id or slug. */
public interface NetworkStore {

    /** @throws org.baraza.core.DomainException.AlreadyExists when the slug is taken */
    Network create(String slug, String name);

    Optional<Network> find(NetworkId id);

    Optional<Network> findBySlug(String slug);

    List<Network> list();
}

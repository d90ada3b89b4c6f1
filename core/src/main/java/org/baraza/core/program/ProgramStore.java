package org.baraza.core.program;

import java.util.List;
import java.util.Optional;

import org.baraza.core.Ids.HostId;
import org.baraza.core.Ids.NetworkId;
import org.baraza.core.Ids.ProgramId;
import org.baraza.core.people.Host;

/** A network's programs and who presents them. */
public interface ProgramStore {

    /**
     * @throws org.baraza.core.DomainException.NotFound      when the network does not exist
     * @throws org.baraza.core.DomainException.AlreadyExists when the network has a program with the name
     */
    Program create(NetworkId network, ProgramDetails details);

    /** @throws org.baraza.core.DomainException.AlreadyExists when another program of the network has the name */
    Program update(ProgramId id, ProgramDetails details);

    Optional<Program> find(ProgramId id);

    /** @throws org.baraza.core.DomainException.NotFound when there is no such program */
    Program get(ProgramId id);

    /** The network's programs, by name. */
    List<Program> list(NetworkId network);

    /** The programs the host presents, by name. */
    List<Program> listForHost(HostId host);

    /**
     * Removes the program and its host billing.
     *
     * @throws org.baraza.core.DomainException.InUse when it is scheduled or has aired
     */
    void delete(ProgramId id);

    /**
     * Makes these hosts the program's presenters, billed in this order; nothing changes when any is refused.
     *
     * @throws org.baraza.core.DomainException.Invalid  when a host appears twice
     * @throws org.baraza.core.DomainException.NotFound when the program does not exist, or a host does not exist in its network
     */
    void setHosts(ProgramId id, List<HostId> hosts);

    /** The program's hosts in billing order. */
    List<Host> hosts(ProgramId id);
}

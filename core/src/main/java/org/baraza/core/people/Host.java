package org.baraza.core.people;

import java.time.Instant;

import org.baraza.core.Ids.HostId;
import org.baraza.core.Ids.NetworkId;
import org.baraza.core.PhoneNumber;

/**
 * A presenter, reached on their phone. A host calls in (identified by number and PIN) or is called by
 * Baraza when their show starts. The PIN itself never leaves the store: only whether there is one.
 *
 * @param hasPin whether the host can identify with a PIN when calling in
 * @param active false once a manager deactivated them: they keep their history but cannot go on air
 */
public record Host(
        HostId id,
        NetworkId networkId,
        String name,
        PhoneNumber phoneNumber,
        boolean hasPin,
        boolean active,
        Instant createdAt,
        Instant updatedAt) {

    public HostDetails details() {
        return new HostDetails(name, phoneNumber);
    }
}

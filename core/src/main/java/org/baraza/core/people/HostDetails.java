package org.baraza.core.people;

import org.baraza.core.PhoneNumber;
import org.baraza.core.Require;

/** What a manager sets on a host, when creating them or later; checked on construction. */
public record HostDetails(String name, PhoneNumber phoneNumber) {

    public HostDetails {
        name = Require.displayName("host name", name);
        Require.present("host phone number", phoneNumber);
    }
}

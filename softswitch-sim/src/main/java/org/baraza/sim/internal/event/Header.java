package org.baraza.sim.internal.event;

import java.util.Objects;

/** One header of a FreeSWITCH event: a name and its raw (not URL-encoded) value. Names may repeat. */
public record Header(String name, String value) {
    public Header {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }
}

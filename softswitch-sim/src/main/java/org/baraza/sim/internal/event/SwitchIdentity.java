package org.baraza.sim.internal.event;

import java.time.ZoneId;
import java.util.Objects;

/**
 * What every event says about the switch that fired it: the {@code Core-UUID}, host and switch names, the
 * addresses, and the time zone {@code Event-Date-Local} is written in. Fixed for the life of a simulator.
 */
public record SwitchIdentity(String coreUuid, String hostname, String ipv4, String ipv6, ZoneId zone) {
    public SwitchIdentity {
        Objects.requireNonNull(coreUuid, "coreUuid");
        Objects.requireNonNull(hostname, "hostname");
        Objects.requireNonNull(ipv4, "ipv4");
        Objects.requireNonNull(ipv6, "ipv6");
        Objects.requireNonNull(zone, "zone");
    }
}

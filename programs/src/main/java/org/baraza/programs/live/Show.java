package org.baraza.programs.live;

import java.util.Objects;
import java.util.Optional;

import org.baraza.core.PhoneNumber;

/**
 * Everything a live talk show carries from state to state. Immutable.
 *
 * @param hostNumber the number the show calls its host on; empty when it can only wait for a host to call in
 * @param host       the host's leg
 * @param hostCalls  calls made to the host so far, which numbers the next host leg
 * @param stage      callers and guests
 * @param air        what plays besides the people: nothing, a jingle or the filler
 * @param keys       what the host is in the middle of keying
 * @param started    whether the slot has begun (before it, a ready host waits in the conference)
 */
public record Show(Optional<PhoneNumber> hostNumber, HostLine host, int hostCalls, Stage stage, Air air, Keys keys,
                   boolean started) {

    public Show {
        Objects.requireNonNull(hostNumber, "hostNumber");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(air, "air");
        Objects.requireNonNull(keys, "keys");
    }

    Show withHost(HostLine host) {
        return new Show(hostNumber, host, hostCalls, stage, air, keys, started);
    }

    Show withHostCalls(int hostCalls) {
        return new Show(hostNumber, host, hostCalls, stage, air, keys, started);
    }

    Show withStage(Stage stage) {
        return new Show(hostNumber, host, hostCalls, stage, air, keys, started);
    }

    Show withAir(Air air) {
        return new Show(hostNumber, host, hostCalls, stage, air, keys, started);
    }

    Show withKeys(Keys keys) {
        return new Show(hostNumber, host, hostCalls, stage, air, keys, started);
    }

    Show start() {
        return new Show(hostNumber, host, hostCalls, stage, air, keys, true);
    }
}

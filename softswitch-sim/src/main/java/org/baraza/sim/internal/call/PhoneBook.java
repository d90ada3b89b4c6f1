package org.baraza.sim.internal.call;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.baraza.sim.PhoneScript;

/**
 * The scripted far ends, by the address they are dialled at: a number ({@code 256700000001}), a SIP
 * {@code user@host}, or a registered user. A SIP address also matches a phone scripted by its user part.
 * An address with no script of its own follows the script set for {@value #EVERY_OTHER_PHONE}, if any; with
 * none, it is a phone nobody answers: unreachable, or not registered for a user. Scripts are set from any
 * thread and read on the switch thread.
 */
public final class PhoneBook {
    /** The address whose script every phone without one of its own follows. */
    public static final String EVERY_OTHER_PHONE = "*";

    private final Map<String, PhoneScript> scripts = new ConcurrentHashMap<>();

    public void script(String address, PhoneScript script) {
        if (address == null || address.isBlank()) {
            throw new IllegalArgumentException("a phone needs a number or address");
        }
        scripts.put(address, script);
    }

    public void forget(String address) {
        scripts.remove(address);
    }

    public Map<String, PhoneScript> all() {
        return Map.copyOf(scripts);
    }

    /** The script for a dialled address, trying {@code user@host} and then {@code user}. */
    Optional<PhoneScript> lookup(String address) {
        PhoneScript exact = scripts.get(address);
        if (exact != null) {
            return Optional.of(exact);
        }
        int at = address.indexOf('@');
        PhoneScript user = at > 0 ? scripts.get(address.substring(0, at)) : null;
        return Optional.ofNullable(user != null ? user : scripts.get(EVERY_OTHER_PHONE));
    }
}

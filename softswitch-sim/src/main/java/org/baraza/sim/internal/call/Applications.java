package org.baraza.sim.internal.call;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The dialplan applications the simulator can run, by name. The built-in ones live in this package;
 * conference and httapi register themselves at start-up. Filled at start-up, then read on the switch thread.
 */
final class Applications {
    private final Map<String, Function<AppCall, Application>> factories = new HashMap<>();

    void register(String name, Function<AppCall, Application> factory) {
        factories.put(name, factory);
    }

    Optional<Application> create(AppCall call) {
        Function<AppCall, Application> factory = factories.get(call.name());
        return factory == null ? Optional.empty() : Optional.of(factory.apply(call));
    }
}

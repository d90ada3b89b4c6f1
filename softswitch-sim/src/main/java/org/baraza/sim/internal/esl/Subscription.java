package org.baraza.sim.internal.esl;

import java.util.Set;

import org.baraza.sim.internal.event.SwitchEvent;

/**
 * Which events one connection asked for with {@code event}, {@code nixevent}, {@code noevents} and
 * {@code filter}, and in which format. Immutable: a command builds a new one and the connection swaps it in,
 * so the switch thread reads a consistent subscription without locks. CUSTOM events pass only when their
 * subclass was named after {@code CUSTOM} (or with {@code ALL}), as in FreeSWITCH.
 */
record Subscription(boolean enabled, EventFormat format, boolean all, Set<String> names, Set<String> subclasses,
                    EventFilter filter) {
    static final Subscription NONE = new Subscription(false, EventFormat.PLAIN, false, Set.of(), Set.of(),
            EventFilter.NONE);

    Subscription {
        names = Set.copyOf(names);
        subclasses = Set.copyOf(subclasses);
    }

    boolean wants(SwitchEvent event) {
        if (!enabled) {
            return false;
        }
        boolean subscribed = all
                || (names.contains(event.name())
                    && (!event.name().equals(EventNames.CUSTOM) || event.subclass() == null
                        || subclasses.contains(event.subclass())));
        return subscribed && filter.passes(event);
    }

    Subscription withFormat(EventFormat newFormat) {
        return new Subscription(enabled, newFormat, all, names, subclasses, filter);
    }

    Subscription withEvents(boolean newEnabled, boolean newAll, Set<String> newNames, Set<String> newSubclasses) {
        return new Subscription(newEnabled, format, newAll, newNames, newSubclasses, filter);
    }

    Subscription withFilter(EventFilter newFilter) {
        return new Subscription(enabled, format, all, names, subclasses, newFilter);
    }
}

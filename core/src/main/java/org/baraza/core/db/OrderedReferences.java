package org.baraza.core.db;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.IntStream;

import org.baraza.core.DomainException;
import org.baraza.core.Ids.NetworkId;
import org.baraza.core.LongId;

/**
 * What the stores that replace an ordered list of references wholesale (a playlist's media, a program's
 * hosts) share: every reference must be in the owner's network, and positions count from 1.
 */
final class OrderedReferences {
    private OrderedReferences() {
    }

    /**
     * Refuses the first reference not in the network, checked in one query, so that the message names it
     * rather than a foreign key.
     *
     * @param inNetwork which of the given ids exist in the network
     */
    static <T extends LongId> void requireAllIn(NetworkId network, List<T> references, Function<Set<T>, Set<T>> inNetwork) {
        if (references.isEmpty()) {
            return;
        }
        Set<T> wanted = new LinkedHashSet<>(references);
        Set<T> present = inNetwork.apply(wanted);
        wanted.stream().filter(reference -> !present.contains(reference)).findFirst().ifPresent(missing -> {
            throw new DomainException.NotFound(missing + " does not exist in " + network);
        });
    }

    /** 1, 2, ... n for n references. */
    static List<Integer> positions(List<?> references) {
        return IntStream.rangeClosed(1, references.size()).boxed().toList();
    }
}

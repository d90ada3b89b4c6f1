package org.baraza.programs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A shuffled rotation of media: every item plays once, in a random order, before any plays again, and a
 * new round never starts with the item that ended the last one. Immutable: {@link #next()} returns the
 * rotation after the head has played. The randomness comes from a seed carried in the value, so the same
 * rotation always plays the same way (and tests can say which).
 */
public record Rotation(List<Media> items, List<Media> round, long seed) {

    public Rotation {
        items = List.copyOf(items);
        round = List.copyOf(round);
    }

    /** A rotation over {@code items}, its first round shuffled from {@code seed}. */
    public static Rotation of(List<Media> items, long seed) {
        return shuffled(List.copyOf(items), seed, null);
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    /** The item to play now. */
    public Media head() {
        if (round.isEmpty()) {
            throw new IllegalStateException("an empty rotation has nothing to play");
        }
        return round.getFirst();
    }

    /** The rotation once the head has played: the rest of the round, or a fresh round. */
    public Rotation next() {
        if (round.size() > 1) {
            return new Rotation(items, round.subList(1, round.size()), seed);
        }
        return shuffled(items, seed, round.isEmpty() ? null : round.getFirst());
    }

    private static Rotation shuffled(List<Media> items, long seed, Media justPlayed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Media> round = new ArrayList<>(items);
        Collections.shuffle(round, random);
        if (round.size() > 1 && round.getFirst().equals(justPlayed)) {
            Collections.swap(round, 0, 1 + random.nextInt(round.size() - 1));
        }
        return new Rotation(items, round, random.nextLong());
    }
}

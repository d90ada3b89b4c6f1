package org.baraza.programs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.baraza.programs.MediaFixtures.media;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class RotationTest {

    private static final List<Media> FIVE = List.of(media(1, "One", 10), media(2, "Two", 10), media(3, "Three", 10),
            media(4, "Four", 10), media(5, "Five", 10));

    @Test
    void everyItemPlaysOnceInARoundBeforeAnyPlaysAgain() {
        List<Media> played = play(Rotation.of(FIVE, 42), 20);

        for (int round = 0; round < 4; round++) {
            assertThat(played.subList(round * 5, round * 5 + 5)).containsExactlyInAnyOrderElementsOf(FIVE);
        }
    }

    @Test
    void aNewRoundNeverStartsWithTheItemThatEndedTheLast() {
        for (long seed = 0; seed < 200; seed++) {
            List<Media> played = play(Rotation.of(FIVE, seed), 50);
            for (int i = 1; i < played.size(); i++) {
                assertThat(played.get(i)).as("seed %d, position %d", seed, i).isNotEqualTo(played.get(i - 1));
            }
        }
    }

    @Test
    void theSameSeedPlaysTheSameWayAndAnotherSeedDifferently() {
        assertThat(play(Rotation.of(FIVE, 7), 15)).isEqualTo(play(Rotation.of(FIVE, 7), 15));
        assertThat(play(Rotation.of(FIVE, 7), 15)).isNotEqualTo(play(Rotation.of(FIVE, 8), 15));
    }

    @Test
    void aSingleItemRepeatsAndNothingIsEmpty() {
        Media only = media(9, "Only", 10);
        assertThat(play(Rotation.of(List.of(only), 1), 3)).containsExactly(only, only, only);
        assertThat(Rotation.of(List.of(), 1).isEmpty()).isTrue();
    }

    private static List<Media> play(Rotation rotation, int count) {
        List<Media> played = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            played.add(rotation.head());
            rotation = rotation.next();
        }
        return played;
    }
}

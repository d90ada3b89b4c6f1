package org.baraza.server.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

class AdmissionTest {

    @Test
    void aRequestWhoseTurnDoesNotComeInTimeIsTurnedAwayWithoutDoingItsWork() throws Exception {
        Admission admission = new Admission(1, Clock.systemUTC());
        CountDownLatch working = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        CompletableFuture<Optional<String>> first = CompletableFuture.supplyAsync(() -> admission.within(Duration.ofSeconds(5), () -> {
            working.countDown();
            await(finish);
            return "first";
        }));
        working.await();
        AtomicBoolean secondRan = new AtomicBoolean();

        Optional<String> second = admission.within(Duration.ofMillis(50), () -> {
            secondRan.set(true);
            return "second";
        });
        finish.countDown();

        assertThat(second).isEmpty();
        assertThat(secondRan).isFalse();
        assertThat(first.get()).contains("first");
        assertThat(admission.within(Duration.ofMillis(50), () -> "third")).contains("third");
    }

    @Test
    void aFailingWorkGivesItsTurnBack() {
        Admission admission = new Admission(1, Clock.systemUTC());

        assertThatThrownBy(() -> admission.within(Duration.ofSeconds(1), () -> {
            throw new IllegalStateException("the database is down");
        })).hasMessage("the database is down");
        assertThat(admission.within(Duration.ofMillis(50), () -> "next")).contains("next");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

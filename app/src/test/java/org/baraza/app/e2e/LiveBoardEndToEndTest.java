package org.baraza.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;

import javax.sql.DataSource;

import org.baraza.core.PhoneNumber;
import org.baraza.core.airing.Airing;
import org.baraza.core.people.Host;
import org.baraza.core.people.Role;
import org.baraza.core.people.User;
import org.baraza.core.program.Program;
import org.baraza.core.testing.Fixtures;
import org.baraza.daemon.StationDaemon;
import org.baraza.server.api.ConsoleBrowser;
import org.baraza.sim.PhoneScript;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The console's live board in headless Chromium, fed by a real daemon driving the simulator: a station off air
 * goes on air when its live show's airing starts, with its transmitter up and its host in the studio, and a
 * listener who asks to speak shows in the queue, pushed to the page as it happens (no reload).
 */
class LiveBoardEndToEndTest extends StudioTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    LiveBoardEndToEndTest(Jdbi jdbi, DataSource dataSource) {
        super(jdbi, dataSource);
    }

    @Test
    void theBoardChangesAsTheAiringStartsInTheSimulator() {
        User admin = new Fixtures(stores).user(studio.network);
        stores.users().grant(admin.id(), Role.networkAdmin());
        PhoneNumber hostPhone = Fixtures.uniquePhoneNumber();
        Host host = studio.host(hostPhone, "4321");
        Program show = studio.liveShow(host);
        studio.sim.phone(Studio.TRANSMITTER, PhoneScript.answersAfter(Duration.ofMillis(200)));
        studio.sim.phone(hostPhone.value(), PhoneScript.answersAfter(Duration.ofMillis(300)).withKeyPress(Duration.ofSeconds(2), "1"));

        try (StationDaemon daemon = studio.daemon(Fixtures.unique("daemon"));
             ConsoleBrowser browser = ConsoleBrowser.open(studio.server.httpPort(), directory.resolve("chromium"))) {
            studio.awaitDaemons(1);
            browser.signIn(admin.email(), "correct horse battery");
            browser.show("#/board");
            String card = ".card[data-station='" + studio.station.id().value() + "']";
            browser.await(By.cssSelector(card + " [data-air='OFF_AIR']"));
            browser.await(By.cssSelector(card + " [data-transmitter='IDLE']"));

            Airing airing = studio.airing(show, Instant.now().plusSeconds(6), Duration.ofSeconds(60));

            browser.await(By.cssSelector(card + " [data-air='ON_AIR']"));
            browser.await(By.cssSelector(card + " [data-transmitter='UP']"));
            browser.await(By.cssSelector(card + " [data-host='true']"));
            // A card is drawn anew at each change: read it again if it changed under the reading.
            await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> {
                assertThat(browser.driver().findElement(By.cssSelector(card + " .program")).getText()).isEqualTo(show.name());
                assertThat(browser.driver().findElement(By.cssSelector(card + " .air")).getText())
                        .containsPattern("\\d+ min \\d\\d s left");
            });

            // A listener chooses English (1) and asks to speak (3): the queue on the board grows.
            studio.call(Fixtures.uniquePhoneNumber(), PhoneScript.answersAtOnce()
                    .withKeyPress(Duration.ofSeconds(1), "1").withKeyPress(Duration.ofMillis(2500), "3"));
            browser.await(By.cssSelector(card + " [data-waiting='1']"));
            await().atMost(PATIENCE).until(() -> browser.driver().findElement(By.id("board-updated")).getText().startsWith("Live"));
            browser.screenshot("live-board-on-air");
            assertThat(stores.airings().get(airing.id()).status().name()).isEqualTo("ON_AIR");
        }
    }
}

package org.baraza.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.baraza.core.db.Stores;
import org.baraza.core.poll.Poll;
import org.baraza.core.poll.PollOption;
import org.baraza.core.poll.PollOptionSettings;
import org.baraza.core.poll.PollSettings;
import org.baraza.core.poll.VoteChannel;
import org.baraza.core.recording.Moderation;
import org.baraza.core.recording.NewRecording;
import org.baraza.core.recording.Recording;
import org.baraza.core.sms.InboundSms;
import org.baraza.core.station.Station;
import org.baraza.core.testing.Fixtures;
import org.baraza.core.testing.PostgresExtension;
import org.baraza.server.TelephonyServer;
import org.baraza.server.testing.Sox;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The console's pages in headless Chromium against the real server and PostgreSQL, signed in as a network admin
 * with a password. Screenshots of the live board and the calendar go to {@code target/screenshots}.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsolePagesTest {

    private static final String PASSWORD = "correct horse battery";
    private static final String HOSTILE = "<script>window.pwned = 1</script><img src=x onerror=\"window.pwned = 2\">";

    private final Stores stores;
    private final ConsoleWorld world;
    private TelephonyServer server;
    private ConsoleBrowser browser;
    private Path serverDirectory;

    ConsolePagesTest(Jdbi jdbi) {
        this.stores = Stores.on(jdbi);
        this.world = new ConsoleWorld(stores, jdbi);
    }

    @BeforeAll
    void start(@TempDir Path directory) {
        serverDirectory = directory.resolve("server");
        server = ConsoleServer.start(stores, serverDirectory);
        browser = ConsoleBrowser.open(server.httpPort(), directory.resolve("chromium"));
        browser.signIn(world.adminOne.user().email(), PASSWORD);
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
        server.close();
    }

    @Test
    void theLiveBoardShowsEveryStationOfTheNetwork() {
        browser.show("#/board");
        for (Station station : new Station[] {world.a.station(), world.b.station()}) {
            assertThat(browser.await(By.cssSelector(".card[data-station='" + station.id().value() + "'] h2")).getText())
                    .isEqualTo(station.name());
        }
        browser.screenshot("live-board");
    }

    @Test
    void aWeeklyScheduleMadeOnTheCalendarShowsOnEachOfItsDaysInTheStationsZone() {
        browser.show("#/calendar/" + world.a.station().id().value());
        WebElement form = browser.await(By.id("schedule-form"));
        new Select(form.findElement(By.name("program"))).selectByVisibleText(world.programOne.name());
        browser.driver().executeScript("arguments[0].value = '2031-03-05T09:30'", form.findElement(By.name("startsLocal")));
        WebElement minutes = form.findElement(By.name("minutes"));
        minutes.clear();
        minutes.sendKeys("45");
        form.findElement(By.name("rrule")).sendKeys("FREQ=WEEKLY;BYDAY=WE,FR");
        form.findElement(By.cssSelector("button[type=submit]")).click();

        WebElement wednesday = browser.await(By.cssSelector(".day[data-day='2031-03-05'] .slot.recurring"));
        assertThat(wednesday.getText()).startsWith("09:30–10:15 " + world.programOne.name());
        assertThat(browser.await(By.cssSelector(".day[data-day='2031-03-07'] .slot.recurring")).getText()).startsWith("09:30–10:15");
        assertThat(browser.driver().findElements(By.cssSelector(".day[data-day='2031-03-06'] .slot"))).isEmpty();
        assertThat(stores.schedules().list(world.a.station().id()))
                .anySatisfy(schedule -> assertThat(String.valueOf(schedule.recurrence())).contains("BYDAY=WE,FR"));
        browser.screenshot("calendar");
    }

    @Test
    void aListenersMessageIsApprovedFromTheModerationQueue() {
        long recording = world.a.recording().id().value();
        browser.show("#/moderation/" + world.a.station().id().value());
        browser.await(By.cssSelector("audio[src='/api/recordings/" + recording + "/audio']"));
        browser.await(By.cssSelector("button.approve[data-recording='" + recording + "']")).click();

        browser.awaitGone(By.cssSelector("button.approve[data-recording='" + recording + "']"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(stores.recordings().get(world.a.recording().id()).moderation()).isEqualTo(Moderation.APPROVED));
    }

    @Test
    void aListenersMessageIsApprovedIntoAPlaylistToBePlayedOnAir() throws IOException {
        String path = "messages/" + Fixtures.unique("m") + ".wav";
        Sox.assumeInstalled();
        Sox.tone(Files.createDirectories(serverDirectory.resolve("recordings").resolve("messages")).resolve(path.substring(9)),
                2, 8000, 1, 0.2);
        Recording message = stores.recordings().create(NewRecording.listenerMessage(world.a.station().id(), null, "+256700000002",
                path, Duration.ofSeconds(1), ConsoleWorld.NOW));
        browser.show("#/moderation/" + world.a.station().id().value());
        new Select(browser.await(By.cssSelector("select.approve-into[data-recording='" + message.id().value() + "']")))
                .selectByValue(String.valueOf(world.a.playlist().id().value()));
        browser.await(By.cssSelector("button.approve[data-recording='" + message.id().value() + "']")).click();

        browser.awaitGone(By.cssSelector("button.approve[data-recording='" + message.id().value() + "']"));
        Recording approved = stores.recordings().get(message.id());
        assertThat(approved.moderation()).isEqualTo(Moderation.APPROVED);
        assertThat(stores.playlists().items(world.a.playlist().id())).extracting(item -> item.mediaAssetId())
                .endsWith(approved.mediaAsset());
    }

    @Test
    void aPollsTallyGrowsOnThePageAsVotesComeAndANewPollOpensFromTheForm() {
        Poll poll = stores.polls().create(new PollSettings(world.a.station().id(), null, Fixtures.unique("Rain today?"),
                Instant.now().minusSeconds(60), Instant.now().plus(Duration.ofHours(1)), List.of(
                        new PollOptionSettings(1, "Yes", Fixtures.unique("Y").toUpperCase().replace("-", ""), "1", null),
                        new PollOptionSettings(2, "No", null, "2", null))));
        browser.show("#/polls/" + world.a.station().id().value());
        String yes = ".poll[data-poll='" + poll.id().value() + "'] .answer[data-option='1'] .votes";
        assertThat(browser.await(By.cssSelector(yes)).getText()).isEqualTo("0");

        PollOption first = poll.options().getFirst();
        stores.polls().vote(poll.id(), first.id(), Fixtures.uniquePhoneNumber(), VoteChannel.SMS, Instant.now());
        stores.polls().vote(poll.id(), first.id(), Fixtures.uniquePhoneNumber(), VoteChannel.KEYPAD, Instant.now());

        browser.await(By.cssSelector(yes + "[data-votes='2']"));
        browser.screenshot("polls");

        WebElement form = browser.await(By.id("poll-form"));
        String question = Fixtures.unique("Best market day?");
        form.findElement(By.name("question")).sendKeys(question);
        form.findElement(By.name("label0")).sendKeys("Monday");
        form.findElement(By.name("digit0")).sendKeys("1");
        form.findElement(By.name("label1")).sendKeys("Friday");
        form.findElement(By.name("digit1")).sendKeys("2");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> browser.driver().findElements(By.cssSelector(".poll h2")).stream()
                .anyMatch(heading -> heading.getText().equals(question)));
        assertThat(stores.polls().open(world.a.station().id(), Instant.now())).anySatisfy(open -> {
            assertThat(open.question()).isEqualTo(question);
            assertThat(open.options()).extracting(PollOption::label).containsExactly("Monday", "Friday");
        });
    }

    @Test
    void anSmsBodyAndACallerNameWithMarkupShowAsTextAndRunNothing() {
        Station station = world.b.station();
        stores.sms().storeInbound(new InboundSms(station.networkId(), station.id(), "twilio", Fixtures.unique("SM"),
                "+256700000009", "+256312000009", HOSTILE, ConsoleWorld.NOW));
        stores.callers().annotate(world.callerOne.id(), HOSTILE, null);

        browser.show("#/sms/" + station.id().value());
        assertThat(browser.await(By.cssSelector(".sms-body")).getText()).isEqualTo(HOSTILE);
        browser.show("#/calls/" + station.id().value());
        browser.await(By.cssSelector(".caller-name"));
        assertThat(browser.driver().findElements(By.cssSelector(".caller-name")))
                .extracting(WebElement::getText).contains(HOSTILE);

        assertThat(browser.driver().executeScript("return window.pwned === undefined")).isEqualTo(true);
        assertThat(browser.driver().findElements(By.cssSelector("#page script, #page img"))).isEmpty();
    }
}

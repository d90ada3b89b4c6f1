package org.baraza.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.baraza.core.db.Stores;
import org.baraza.core.media.MediaQuery;
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
 * The console's media library in headless Chromium against the real server, PostgreSQL and sox, signed in as a
 * network admin: a WAV made by sox is uploaded from the page and shows with its length, and the page's player
 * reads the converted file. A screenshot of the page
 * goes to {@code target/screenshots/media-library.png}. Needs sox and the browser (see {@link Sox} and
 * {@link ConsoleBrowser}).
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleMediaPageTest {

    private static final String PASSWORD = "correct horse battery";
    private static final String TITLE = "Morning news <img src=x onerror=\"window.pwned = 1\">";

    private final Stores stores;
    private final ConsoleWorld world;
    private Path directory;
    private TelephonyServer server;
    private ConsoleBrowser browser;

    ConsoleMediaPageTest(Jdbi jdbi) {
        this.stores = Stores.on(jdbi);
        this.world = new ConsoleWorld(stores, jdbi);
    }

    @BeforeAll
    void start(@TempDir Path directory) {
        Sox.assumeInstalled();
        this.directory = directory;
        server = ConsoleServer.start(stores, directory.resolve("server"));
        browser = ConsoleBrowser.open(server.httpPort(), directory.resolve("chromium"));
        browser.signIn(world.adminOne.user().email(), PASSWORD);
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aWavUploadedFromThePageShowsWithItsLengthAndItsTitleAsText() {
        Path wav = Sox.tone(directory.resolve("morning-news.wav"), 63.4, 44_100, 2, 0.25);
        long station = world.a.station().id().value();
        browser.show("#/media/" + station);

        WebElement form = browser.await(By.id("media-form"));
        form.findElement(By.name("file")).sendKeys(wav.toAbsolutePath().toString());
        form.findElement(By.name("title")).sendKeys(TITLE);
        new Select(form.findElement(By.name("kind"))).selectByValue("NEWS");
        form.findElement(By.cssSelector("button[type=submit]")).click();

        WebElement status = browser.await(By.xpath("//p[@id='upload-status'][starts-with(., 'Added')]"));
        assertThat(status.getText()).isEqualTo("Added “" + TITLE + "”: 1:03, mono at 8 kHz, level normalised.");
        long id = stores.media().list(MediaQuery.of(world.one.id())).stream().filter(media -> media.title().equals(TITLE))
                .findFirst().orElseThrow().id().value();
        assertThat(browser.await(By.cssSelector(".media-title[data-media='" + id + "']")).getText()).isEqualTo(TITLE);
        assertThat(browser.await(By.cssSelector(".media-duration[data-media='" + id + "']")).getText()).isEqualTo("1:03");
        WebElement player = browser.await(By.cssSelector("audio[src='/api/media/" + id + "/audio']"));
        browser.driver().executeScript("arguments[0].preload = 'metadata'; arguments[0].load();", player);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(browser.driver()
                .executeScript("return arguments[0].duration", player)).as("what the browser's player reads of the file")
                .isInstanceOfSatisfying(Number.class, seconds -> assertThat(seconds.doubleValue()).isCloseTo(63.4, within(0.01))));
        assertThat(browser.driver().executeScript("return window.pwned === undefined")).isEqualTo(true);
        assertThat(browser.driver().findElements(By.cssSelector("#page img"))).isEmpty();
        browser.screenshot("media-library");
    }

    @Test
    void aFileThatIsNotAudioIsRefusedOnThePageWithTheServersReason() throws Exception {
        Path notAudio = Files.writeString(directory.resolve("notes.mp3"), "these are my notes, not a song");
        browser.show("#/media/" + world.a.station().id().value());

        WebElement form = browser.await(By.id("media-form"));
        form.findElement(By.name("file")).sendKeys(notAudio.toAbsolutePath().toString());
        form.findElement(By.cssSelector("button[type=submit]")).click();

        WebElement status = browser.await(By.xpath("//p[@id='upload-status'][starts-with(., 'Not added')]"));
        assertThat(status.getText()).startsWith("Not added: the file is not MP3 audio that sox can read");
        assertThat(stores.media().list(MediaQuery.of(world.one.id()))).noneMatch(media -> media.title().equals("notes"));
    }
}

package org.baraza.server.api;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through its chromedriver, on a fresh profile, with nothing that reaches the
 * network on its own. Missing browser: the test is skipped, unless {@code BARAZA_BROWSER_TESTS=required} (as
 * {@code .ci/run} sets it after installing them), when it fails. Public for the end-to-end tests of other
 * modules (the app's live board against a running daemon).
 */
public final class ConsoleBrowser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration PATIENCE = Duration.ofSeconds(15);

    private final ChromeDriver driver;
    private final String base;

    private ConsoleBrowser(ChromeDriver driver, String base) {
        this.driver = driver;
        this.base = base;
    }

    public static ConsoleBrowser open(int port, Path profile) {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed && "required".equals(System.getenv("BARAZA_BROWSER_TESTS"))) {
            throw new IllegalStateException("browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
                    + ": apt-get install chromium chromium-driver");
        }
        assumeTrue(installed, "no " + CHROMIUM + " and " + CHROMEDRIVER + ": apt-get install chromium chromium-driver");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless=new",
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--window-size=1400,1000",
                "--user-data-dir=" + profile.toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        return new ConsoleBrowser(new ChromeDriver(service, options), "http://127.0.0.1:" + port);
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** Opens a console page, such as {@code #/calendar/3}. */
    public void show(String hash) {
        driver.get(base + "/console/index.html" + hash);
    }

    /** Waits for an element to show; when it does not, the failure carries the page as the browser has it. */
    public WebElement await(By what) {
        try {
            return new WebDriverWait(driver, PATIENCE).until(ExpectedConditions.visibilityOfElementLocated(what));
        } catch (TimeoutException e) {
            throw new AssertionError("no " + what + " on " + driver.getCurrentUrl() + ":\n" + driver.getPageSource(), e);
        }
    }

    public void awaitGone(By what) {
        new WebDriverWait(driver, PATIENCE).until(ExpectedConditions.numberOfElementsToBe(what, 0));
    }

    public void signIn(String email, String password) {
        show("");
        await(By.cssSelector("#sign-in input[name=email]")).sendKeys(email);
        driver.findElement(By.cssSelector("#sign-in input[name=password]")).sendKeys(password);
        driver.findElement(By.cssSelector("#sign-in button[type=submit]")).click();
        await(By.id("sign-out"));
    }

    /** Saves what the browser shows as {@code target/screenshots/NAME.png}, for a reviewer to look at. */
    public Path screenshot(String name) {
        try {
            Path file = Files.createDirectories(SCREENSHOTS).resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}

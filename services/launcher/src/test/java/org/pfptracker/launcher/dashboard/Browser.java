package org.pfptracker.launcher.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium, driven through Debian's chromedriver: both named explicitly, so Selenium never
 * tries to download a browser or a driver (there is no internet here). Each browser has its own fresh profile.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private final ChromeDriver driver;
    private final Path profile;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** Starts a browser with a window of the given size (CSS pixels). */
    static Browser start(int width, int height) throws IOException {
        assertThat(CHROMIUM).as("Chromium, to run the dashboard's browser tests: apt-get install -y chromium chromium-driver")
                .isExecutable();
        assertThat(CHROMEDRIVER).as("chromedriver: apt-get install -y chromium-driver").isExecutable();
        // Selenium Manager would otherwise look for drivers on the internet.
        System.setProperty("SE_OFFLINE", "true");
        Path profile = Files.createTempDirectory("pfp-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--hide-scrollbars", "--force-device-scale-factor=1", "--lang=en-GB",
                "--window-size=" + width + "," + height, "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30)).scriptTimeout(Duration.ofSeconds(10));
        return new Browser(driver, profile);
    }

    WebDriver driver() {
        return driver;
    }

    Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    /** The page's Navigation Timing: DOMContentLoaded and load, in ms from the start of navigation. */
    PageTimings timings(String page) {
        @SuppressWarnings("unchecked")
        Map<String, Object> timing = (Map<String, Object>) script("""
                const navigation = performance.getEntriesByType('navigation')[0];
                const rendered = performance.getEntriesByName('pfp:rendered')[0];
                return {domContentLoaded: navigation.domContentLoadedEventEnd, load: navigation.loadEventEnd,
                        rendered: rendered ? rendered.startTime : -1};""");
        return new PageTimings(page, number(timing.get("domContentLoaded")), number(timing.get("load")),
                number(timing.get("rendered")));
    }

    /** Saves what the window shows, grown to the page's full height first. */
    void screenshot(Path file) throws IOException {
        Dimension window = driver.manage().window().getSize();
        // A taller window can lay the page out taller still (charts sized to their content): grow until it fits.
        for (int attempt = 0; attempt < 3; attempt++) {
            int height = ((Number) script("return Math.ceil(document.documentElement.scrollHeight)")).intValue();
            int viewport = ((Number) script("return window.innerHeight")).intValue();
            if (height <= viewport) {
                break;
            }
            Dimension current = driver.manage().window().getSize();
            driver.manage().window().setSize(new Dimension(current.getWidth(), current.getHeight() + height - viewport));
        }
        try {
            Files.createDirectories(file.getParent());
            File shot = driver.getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } finally {
            driver.manage().window().setSize(window);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteQuietly(profile);
        }
    }

    private static double number(Object value) {
        return value == null ? -1 : ((Number) value).doubleValue();
    }

    private static void deleteQuietly(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * How fast a page came up, from the browser's own clock.
     *
     * @param page which page
     * @param domContentLoadedMs the document parsed and its deferred scripts run
     * @param loadMs everything the document referenced loaded
     * @param renderedMs the page's first data on screen (its {@code pfp:rendered} mark), after its API reads
     */
    record PageTimings(String page, double domContentLoadedMs, double loadMs, double renderedMs) {

        @Override
        public String toString() {
            return String.format("%s: DOMContentLoaded %.0f ms, load %.0f ms, data rendered %.0f ms", page,
                    domContentLoadedMs, loadMs, renderedMs);
        }
    }
}

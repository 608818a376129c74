package org.pfptracker.launcher.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.pfptracker.testsupport.browser.HeadlessChromium;

/**
 * The dashboard's browser: the test-support module's {@link HeadlessChromium}, with what these tests measure on top
 * (the browser's own page timings, screenshots of the whole page).
 */
final class Browser implements AutoCloseable {

    private final HeadlessChromium chromium;

    private Browser(HeadlessChromium chromium) {
        this.chromium = chromium;
    }

    /** Starts a browser with a window of the given size (CSS pixels). */
    static Browser start(int width, int height) throws IOException {
        assertThat(HeadlessChromium.missing()).as("Chromium and its driver, to run the dashboard's browser tests")
                .isEmpty();
        return new Browser(HeadlessChromium.start(width, height));
    }

    WebDriver driver() {
        return chromium.driver();
    }

    Object script(String script, Object... arguments) {
        return chromium.script(script, arguments);
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
        WebDriver driver = chromium.driver();
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
            chromium.screenshot(file);
        } finally {
            driver.manage().window().setSize(window);
        }
    }

    @Override
    public void close() {
        chromium.close();
    }

    private static double number(Object value) {
        return value == null ? -1 : ((Number) value).doubleValue();
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

package org.pfptracker.launcher.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.pfptracker.core.config.Settings;
import org.pfptracker.launcher.local.LocalStack;
import org.pfptracker.launcher.local.LocalTokens;
import org.pfptracker.launcher.local.ReferenceDataSeeder;
import org.pfptracker.publisher.EventPublisher;
import org.pfptracker.testsupport.http.ApiClient;
import org.pfptracker.testsupport.process.FreePorts;

/**
 * The dashboard in a real browser (headless Chromium) against the whole local stack on a real broker:
 * the overview lists the partners with the right pace badges, a partner page shows its programmes, and
 * new events show up on an open page without a reload. Measures and prints the pages' load times and
 * the delay from an event's publication to its appearance on the page; asserts nothing about them.
 * Screenshots land in {@code target/screenshots/}.
 */
@Tag("integration")
class DashboardBrowserIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final int LIVE_EVENTS = 5;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SCREENSHOTS = Path.of(System.getProperty("basedir", "."), "target", "screenshots");
    private static final List<String> REPORT = new ArrayList<>();

    private static LocalStack stack;
    private static EventPublisher publisher;
    private static Browser browser;

    @BeforeAll
    static void startTheStackWithAHistory(@TempDir Path data) throws Exception {
        stack = LocalStack.start(new LocalStack.Layout(data, FreePorts.next(), FreePorts.next(),
                        FreePorts.next(), FreePorts.next(), FreePorts.next(), FreePorts.next()),
                Settings.of(Map.of()));
        publisher = EventPublisher.create(stack.settings());
        ReferenceDataSeeder.seed(publisher);
        new DashboardScenario(publisher).publish();
        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode list = get("/api/v1/partners");
            assertThat(list.path("count").asInt()).isEqualTo(22);
            assertThat(paceOf(list, DashboardScenario.AHEAD)).isEqualTo("AHEAD");
            assertThat(paceOf(list, DashboardScenario.ON_PACE)).isEqualTo("ON_PACE");
            assertThat(paceOf(list, DashboardScenario.BEHIND)).isEqualTo("BEHIND");
            assertThat(paceOf(list, DashboardScenario.STALLED)).isEqualTo("STALLED");
            assertThat(get("/api/v1/partners/georgia").path("exercises").path("upcoming")).hasSize(1);
        });
        browser = Browser.start(1366, 900);
        signIn(stack.tokens().orElseThrow().staff());
    }

    /** Follows a sign-in link as pfp local prints it, and waits until the dashboard shows. */
    private static void signIn(String token) {
        browser.driver().get(LocalTokens.signInLink(stack.trackerUrl(), token));
        await().atMost(PATIENCE).until(() -> "true".equals(browser.script("return document.body.dataset.ready")));
    }

    @AfterAll
    static void stop() throws IOException {
        REPORT.forEach(line -> System.out.println("[dashboard] " + line));
        if (!REPORT.isEmpty()) {
            Files.createDirectories(SCREENSHOTS.getParent());
            Files.write(SCREENSHOTS.getParent().resolve("dashboard-timings.txt"), REPORT);
        }
        if (browser != null) {
            browser.close();
        }
        if (publisher != null) {
            publisher.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void shouldListEveryPartnerWithItsPaceAsABadgeWithWords() throws IOException {
        // When
        WebDriver page = open("/");

        // Then
        assertThat(page.findElements(By.cssSelector("#partner-rows tr"))).hasSize(22);
        assertThat(badge(page, DashboardScenario.AHEAD)).isEqualTo("Ahead");
        assertThat(badge(page, DashboardScenario.ON_PACE)).isEqualTo("On pace");
        assertThat(badge(page, DashboardScenario.BEHIND)).isEqualTo("Behind");
        assertThat(badge(page, DashboardScenario.STALLED)).isEqualTo("Stalled");
        assertThat(badge(page, "sweden")).isEqualTo("No pace set");
        assertThat(row(page, DashboardScenario.AHEAD).findElement(By.cssSelector(".ratio")).getText()).isEqualTo("1.25×");
        assertThat(row(page, DashboardScenario.AHEAD).findElement(By.cssSelector("td.partner a")).getText()).isEqualTo("Georgia");
        REPORT.add(browser.timings("overview (/)").toString());
        browser.screenshot(SCREENSHOTS.resolve("overview.png"));
    }

    @Test
    void shouldSortByAnyColumnAndFilterByPace() {
        // Given
        WebDriver page = open("/");

        // When: sorted by pace, most ahead first, then filtered to the partners behind
        page.findElement(By.cssSelector("th[data-column=pace] button")).click();
        page.findElement(By.cssSelector("th[data-column=pace] button")).click();

        // Then
        assertThat(page.findElement(By.cssSelector("th[data-column=pace]")).getAttribute("aria-sort")).isEqualTo("descending");
        assertThat(page.findElement(By.cssSelector("#partner-rows tr")).getAttribute("data-partner-id"))
                .isEqualTo(DashboardScenario.AHEAD);

        // When
        new org.openqa.selenium.support.ui.Select(page.findElement(By.id("filter-pace"))).selectByValue("BEHIND");

        // Then
        assertThat(page.findElements(By.cssSelector("#partner-rows tr"))).extracting(row -> row.getAttribute("data-partner-id"))
                .containsExactly(DashboardScenario.BEHIND);
        assertThat(page.getCurrentUrl()).contains("paceStatus=BEHIND").contains("sort=pace");
    }

    @Test
    void shouldShowAPartnersProgrammesWithTheirObjectives() throws IOException {
        // When
        WebDriver page = open("/partners/" + DashboardScenario.AHEAD);

        // Then
        assertThat(page.findElement(By.id("partner-name")).getText()).isEqualTo("Georgia");
        assertThat(page.findElements(By.cssSelector("#programmes li.programme"))).extracting(li -> li.getAttribute("data-programme-id"))
                .containsExactly(DashboardScenario.GEORGIA_PARP, DashboardScenario.GEORGIA_IPAP);
        WebElement parp = page.findElement(By.cssSelector("li.programme[data-programme-id='" + DashboardScenario.GEORGIA_PARP + "']"));
        assertThat(parp.findElement(By.cssSelector("[role=progressbar]")).getAttribute("aria-label"))
                .isEqualTo("3 of 6 objectives achieved, 1 overdue");
        assertThat(parp.findElements(By.cssSelector("details.objectives tbody tr"))).hasSize(6);
        assertThat(page.findElement(By.cssSelector("#figure-completed .figure-value")).getText()).isEqualTo("10");
        assertThat(page.findElements(By.cssSelector("#priorities li"))).extracting(WebElement::getText)
                .containsExactly("Defence reform", "Education and training", "Civil emergency planning");
        assertThat(page.findElement(By.id("exercises-upcoming")).getText()).contains("Agile Spirit");
        assertThat(page.findElement(By.id("exercises-past")).getText()).contains("Noble Partner");
        assertThat(page.findElement(By.id("quarterly-chart")).getAttribute("aria-label")).isNotBlank();
        REPORT.add(browser.timings("partner page (/partners/georgia)").toString());
        browser.screenshot(SCREENSHOTS.resolve("partner.png"));
        browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(820, 1180));
        try {
            browser.screenshot(SCREENSHOTS.resolve("partner-tablet.png"));
        } finally {
            browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1366, 900));
        }
    }

    @Test
    void shouldShowNewEventsOnAnOpenPageWithoutAReload() throws Exception {
        // Given: a partner page, open and listening, and a mark that a reload would wipe out
        String partnerId = "sweden";
        open("/partners/" + partnerId);
        watch("#figure-activities .figure-value");

        // When: events are published one after the other
        List<Long> delays = new ArrayList<>();
        for (int i = 1; i <= LIVE_EVENTS; i++) {
            long publishedAt = System.currentTimeMillis();
            DashboardScenario.proposeNow(publisher, partnerId, "live-" + i);
            delays.add(awaitShown(Integer.toString(i)) - publishedAt);
        }

        // Then: each showed up, on the same page
        assertThat(browser.script("return window.pfpTestMark")).isEqualTo("no reload");
        assertThat(browser.driver().findElement(By.cssSelector("#figure-activities .figure-value")).getText())
                .isEqualTo(Integer.toString(LIVE_EVENTS));
        REPORT.add("publication to partner page, " + LIVE_EVENTS + " events: " + delays + " ms, median " + median(delays) + " ms");
    }

    @Test
    void shouldShowNewEventsOnTheOverviewWithoutAReload() throws Exception {
        // Given
        String partnerId = "finland";
        open("/");
        watch("tr[data-partner-id='" + partnerId + "'] td.col-last");

        // When
        long publishedAt = System.currentTimeMillis();
        DashboardScenario.proposeNow(publisher, partnerId, "live-overview");

        // Then
        long delay = awaitShown("just now") - publishedAt;
        assertThat(browser.script("return window.pfpTestMark")).isEqualTo("no reload");
        REPORT.add("publication to overview row: " + delay + " ms");
    }

    @Test
    void shouldShowAPartnersReaderThatPartnerOnlyOnEveryPageAndLive() throws Exception {
        // Given: signed in with the link pfp local prints for ukraine's reader
        signIn(stack.tokens().orElseThrow().partnerReader());
        try {
            // When
            WebDriver overview = open("/");

            // Then: the overview lists ukraine alone
            assertThat(overview.findElements(By.cssSelector("#partner-rows tr")))
                    .extracting(row -> row.getAttribute("data-partner-id")).containsExactly(LocalTokens.READER_PARTNER);

            // When: another partner changes, then ukraine does
            watch("tr[data-partner-id='" + LocalTokens.READER_PARTNER + "'] td.col-last");
            DashboardScenario.proposeNow(publisher, "georgia", "not-for-ukraine");
            DashboardScenario.proposeNow(publisher, LocalTokens.READER_PARTNER, "for-ukraine");

            // Then: ukraine's row moves live, and no other partner ever appears
            awaitShown("just now");
            assertThat(overview.findElements(By.cssSelector("#partner-rows tr"))).hasSize(1);

            // When: another partner's page is opened by its address
            WebDriver other = browser.driver();
            other.get(stack.trackerUrl() + "/partners/georgia");
            await().atMost(PATIENCE).until(() -> "true".equals(browser.script("return document.body.dataset.ready")));

            // Then: it is unknown, exactly as a partner that does not exist
            await().atMost(PATIENCE).until(() -> other.findElement(By.id("error")).isDisplayed());
            assertThat(other.findElement(By.id("error")).getText()).contains("Nothing is known about partner 'georgia'");
            assertThat(other.getPageSource()).doesNotContain("Georgia");
            browser.screenshot(SCREENSHOTS.resolve("partner-reader-other-partner.png"));
        } finally {
            signIn(stack.tokens().orElseThrow().staff());
        }
    }

    @Test
    void shouldSignAPartnersReaderInThroughTheIssuerWithTheCodeFlowAndPkce() throws IOException {
        try {
            // Given: the sign-in page offers the configured issuer
            WebDriver page = browser.driver();
            page.manage().deleteAllCookies();
            page.get(stack.trackerUrl() + "/signin");
            await().atMost(PATIENCE).until(() -> page.findElement(By.id("issuer-sign-in")).isDisplayed());

            // When: the person goes to the issuer, signs in as ukraine's reader with the printed passcode
            page.findElement(By.id("sign-in-with-issuer")).click();
            await().atMost(PATIENCE).until(() -> page.getCurrentUrl().contains("/authorize?"));
            page.findElement(By.cssSelector("input[name=as][value=partner]")).click();
            page.findElement(By.name("partner")).sendKeys(LocalTokens.READER_PARTNER);
            page.findElement(By.name("passcode")).sendKeys(stack.tokens().orElseThrow().signInPasscode());
            page.findElement(By.cssSelector("button[type=submit]")).click();

            // Then: back on the dashboard, signed in, seeing ukraine alone
            try {
                await().atMost(PATIENCE).until(() -> page.getCurrentUrl().equals(stack.trackerUrl() + "/")
                        && "true".equals(browser.script("return document.body.dataset.ready")));
            } catch (org.awaitility.core.ConditionTimeoutException stuck) {
                browser.screenshot(SCREENSHOTS.resolve("code-flow-stuck.png"));
                throw new AssertionError("the sign-in stopped at " + page.getCurrentUrl() + ": "
                        + page.findElement(By.tagName("body")).getText(), stuck);
            }
            assertThat(page.findElements(By.cssSelector("#partner-rows tr")))
                    .extracting(row -> row.getAttribute("data-partner-id")).containsExactly(LocalTokens.READER_PARTNER);
        } finally {
            signIn(stack.tokens().orElseThrow().staff());
        }
    }

    @Test
    void shouldBrowseTheApiDocsOfTheTrackerAndTheGatewayOffline() throws IOException {
        for (String docs : List.of(stack.trackerUrl() + "/docs", stack.gatewayUrl() + "/docs")) {
            // When
            browser.driver().get(docs);

            // Then: Swagger UI, from the services' own jars, rendered their operations
            await().atMost(PATIENCE).until(() -> !browser.driver().findElements(By.cssSelector(".swagger-ui .opblock")).isEmpty());
            assertThat(browser.driver().findElement(By.cssSelector(".swagger-ui .info .title")).getText()).startsWith("pfp-tracker");
        }
        browser.screenshot(SCREENSHOTS.resolve("gateway-docs.png"));
    }

    /** Opens a page and waits until it shows its data and listens to the stream. */
    private static WebDriver open(String path) {
        WebDriver page = browser.driver();
        page.get(stack.trackerUrl() + path);
        await().atMost(PATIENCE).until(() -> "true".equals(browser.script("return document.body.dataset.ready")));
        await().atMost(PATIENCE).until(() -> "live".equals(browser.script("return document.getElementById('live').dataset.state")));
        return page;
    }

    /**
     * Marks the page (a reload would lose the mark) and records, in the browser's clock, each new text of
     * the element: when the page changes is measured where it happens, not when the test looks.
     */
    private static void watch(String selector) {
        browser.script("""
                window.pfpTestMark = 'no reload';
                window.pfpSeen = [];
                const read = () => document.querySelector(arguments[0])?.textContent ?? null;
                let last = read();
                new MutationObserver(() => {
                  const now = read();
                  if (now !== last) { last = now; window.pfpSeen.push({text: now, at: Date.now()}); }
                }).observe(document.body, {subtree: true, childList: true, characterData: true});""", selector);
    }

    /** When (epoch ms, browser clock) the watched element first showed this text. */
    private static long awaitShown(String text) {
        long[] shownAt = new long[1];
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(20)).until(() -> {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> seen = (List<Map<String, Object>>) browser.script("return window.pfpSeen");
            return seen.stream().filter(change -> text.equals(change.get("text"))).findFirst().map(change -> {
                shownAt[0] = ((Number) change.get("at")).longValue();
                return true;
            }).orElse(false);
        });
        return shownAt[0];
    }

    private static WebElement row(WebDriver page, String partnerId) {
        return page.findElement(By.cssSelector("tr[data-partner-id='" + partnerId + "']"));
    }

    private static String badge(WebDriver page, String partnerId) {
        return row(page, partnerId).findElement(By.cssSelector(".badge[data-pace] .label")).getText();
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static String paceOf(JsonNode list, String partnerId) {
        for (JsonNode partner : list.path("partners")) {
            if (partnerId.equals(partner.path("partnerId").asText())) {
                return partner.path("paceStatus").asText();
            }
        }
        return null;
    }

    private static JsonNode get(String path) throws Exception {
        HttpResponse<String> response = ApiClient.at(stack.trackerUrl())
                .withAuthorization("Bearer " + stack.tokens().orElseThrow().staff()).get(path);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}

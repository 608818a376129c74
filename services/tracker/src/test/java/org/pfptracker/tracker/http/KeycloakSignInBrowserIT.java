package org.pfptracker.tracker.http;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.pfptracker.http.access.AccessControl;
import org.pfptracker.http.access.AccessSettings;
import org.pfptracker.testsupport.browser.HeadlessChromium;
import org.pfptracker.tracker.query.ViewFixtures;
import org.pfptracker.tracker.stream.StreamOptions;
import org.pfptracker.tracker.support.KeycloakServer;

/**
 * A person signs in to the dashboard on Keycloak's own login page, in a real browser (headless Chromium),
 * and sees only the partner their account is bound to: on the overview, on partner pages, through the API
 * with the browser's session, and on the live feed. The dashboard is Keycloak's public client
 * ({@code access.dashboard.client}, {@code pfp-dashboard}), with the authorization code flow and PKCE; the
 * person ({@value #USERNAME}) holds the realm role {@code partner-reader}, which Keycloak maps into
 * {@code pfp_roles}, and the attribute {@code pfp_partner=ukraine}, mapped into the claim of that name. The
 * tracker knows only the realm's URL, as {@link KeycloakAccessIT}'s does, and its views are fakes: what is
 * under test is who may read them, not how they are computed.
 *
 * <p>Skipped, saying why, only when no Java 21+ exists to run Keycloak on or when Chromium is not installed.
 * On two cores Keycloak's first start (fresh distribution, empty database) takes about 45 s, later ones
 * about 10 s; the browser's part takes about 12 s. Its realm here ({@value #REALM}) is another than
 * {@link KeycloakAccessIT}'s, so neither test makes the other import its realm again. Screenshots land in
 * {@code target/screenshots/}.
 */
@Tag("integration")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KeycloakSignInBrowserIT {

    private static final String REALM = "pfp-browser";
    private static final String AUDIENCE = "pfp-tracker";
    private static final String DASHBOARD_CLIENT = AccessSettings.DASHBOARD_CLIENT.defaultValue().orElseThrow();
    private static final String USERNAME = "olena";
    private static final String PASSWORD = "olena-password";
    private static final String PARTNER = "ukraine";
    private static final String OTHER = "georgia";
    /** Keycloak's first start is the slow one; this leaves room for a busy machine. */
    private static final Duration START_PATIENCE = Duration.ofSeconds(100);
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final Path SCREENSHOTS = Path.of(System.getProperty("basedir", "."), "target", "screenshots");

    private static KeycloakServer keycloak;
    private static OneInstance tracker;
    private static HeadlessChromium browser;

    @BeforeAll
    static void signInOnKeycloaksLoginPage() throws IOException {
        KeycloakServer.Installation installation = KeycloakServer.installationOrSkip();
        assumeTrue(HeadlessChromium.missing().isEmpty(), () -> HeadlessChromium.missing().orElseThrow()
                + ". Skipping the dashboard's sign-in through Keycloak in a browser");
        keycloak = KeycloakServer.start(installation.home(), installation.javaHome(), new KeycloakServer.Realm(REALM,
                List.of(),
                List.of(new KeycloakServer.BrowserClient(DASHBOARD_CLIENT, "/signin", "pfp_roles", List.of("pfp_partner"),
                        AUDIENCE)),
                List.of(new KeycloakServer.Person(USERNAME, PASSWORD, List.of("partner-reader"),
                        Map.of("pfp_partner", PARTNER)))),
                START_PATIENCE);
        // The realm's URL alone, every other access setting at its default: the dashboard client is pfp-dashboard.
        tracker = new OneInstance(new StreamOptions(Duration.ofSeconds(5), 8, 16),
                AccessControl.of(AccessSettings.forIssuer(keycloak.realmUrl(), null), AUDIENCE, "anonymous"));
        holdViews(3, 5);
        tracker.routing.activeInstances(tracker.host);
        browser = HeadlessChromium.start(1366, 900);
        signIn();
    }

    /**
     * What a person does: opens their partner's page, is sent to sign in, chooses their organisation, signs in
     * on Keycloak's page, and lands back on the page they opened.
     */
    private static void signIn() throws IOException {
        WebDriver page = browser.driver();
        page.get(tracker.url("/partners/" + PARTNER));
        await("the sign-in page, after the API refused a page without a session").atMost(PATIENCE)
                .until(() -> page.getCurrentUrl().startsWith(tracker.url("/signin?next="))
                        && page.findElement(By.id("issuer-sign-in")).isDisplayed());
        assertThat(page.findElement(By.id("issuer-name")).getText()).isEqualTo(keycloak.realmUrl().toString());

        page.findElement(By.id("sign-in-with-issuer")).click();
        await("Keycloak's login page").atMost(PATIENCE)
                .until(() -> page.getCurrentUrl().startsWith(keycloak.realmUrl() + "/protocol/openid-connect/auth?")
                        && !page.findElements(By.id("kc-form-login")).isEmpty());
        assertThat(page.getCurrentUrl()).contains("client_id=" + DASHBOARD_CLIENT).contains("code_challenge_method=S256")
                .contains("scope=openid").doesNotContain("code_verifier");
        browser.screenshot(SCREENSHOTS.resolve("keycloak-login.png"));

        page.findElement(By.id("username")).sendKeys(USERNAME);
        page.findElement(By.id("password")).sendKeys(PASSWORD);
        page.findElement(By.id("kc-login")).click();
        try {
            await("back on the page first opened, signed in").atMost(PATIENCE)
                    .until(() -> page.getCurrentUrl().equals(tracker.url("/partners/" + PARTNER))
                            && "true".equals(browser.script("return document.body.dataset.ready")));
        } catch (ConditionTimeoutException stuck) {
            browser.screenshot(SCREENSHOTS.resolve("keycloak-sign-in-stuck.png"));
            throw new AssertionError("the sign-in stopped at " + page.getCurrentUrl() + ": "
                    + page.findElement(By.tagName("body")).getText(), stuck);
        }
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (tracker != null) {
            tracker.close();
        }
        if (keycloak != null) {
            keycloak.close();
        }
    }

    @BeforeEach
    void resetViews() {
        holdViews(3, 5);
    }

    /** Last: it ends the session every other test reads with. */
    @Test
    @Order(Integer.MAX_VALUE)
    void shouldEndKeycloaksSessionTooOnSignOutSoTheNextSignInAsksForThePasswordAgain() throws IOException {
        // Given a person signed in through Keycloak, on the sign-in page
        WebDriver page = browser.driver();
        page.get(tracker.url("/signin"));
        await("the sign-in page").atMost(PATIENCE).until(() -> page.findElement(By.id("issuer-sign-in")).isDisplayed());

        // When they sign out
        page.findElement(By.id("sign-out")).click();

        // Then Keycloak ends its session and sends them back, and the tracker's session is gone
        await("back on the sign-in page, signed out at Keycloak").atMost(PATIENCE)
                .until(() -> page.getCurrentUrl().equals(tracker.url("/signin"))
                        && page.findElement(By.id("status")).getText().equals("Signed out, also at your organisation."));
        assertThat(page.manage().getCookieNamed("pfp_session")).isNull();
        browser.screenshot(SCREENSHOTS.resolve("keycloak-signed-out.png"));

        // And signing in again shows Keycloak's login form instead of signing the same person in silently
        page.findElement(By.id("sign-in-with-issuer")).click();
        await("Keycloak's login page again").atMost(PATIENCE)
                .until(() -> page.getCurrentUrl().startsWith(keycloak.realmUrl() + "/protocol/openid-connect/auth?")
                        && !page.findElements(By.id("kc-form-login")).isEmpty());
    }

    @Test
    void shouldHoldKeycloaksAccessTokenForTheDashboardInAnHttpOnlySession() {
        // When
        Cookie session = browser.driver().manage().getCookieNamed("pfp_session");

        // Then: the token Keycloak issued to the dashboard for this person, out of the page's scripts' reach
        assertThat(session).as("the session cookie").isNotNull();
        assertThat(session.isHttpOnly()).isTrue();
        assertThat((String) browser.script("return document.cookie")).doesNotContain("pfp_session");
        JsonNode claims = payload(session.getValue());
        assertThat(claims.path("iss").asText()).isEqualTo(keycloak.realmUrl().toString());
        assertThat(claims.path("azp").asText()).isEqualTo(DASHBOARD_CLIENT);
        assertThat(claims.path("preferred_username").asText()).isEqualTo(USERNAME);
        assertThat(claims.path("pfp_partner").asText()).isEqualTo(PARTNER);
        assertThat(strings(claims.path("pfp_roles"))).contains("partner-reader");
        assertThat(strings(claims.path("aud"))).contains(AUDIENCE);
    }

    @Test
    void shouldListOnlyItsPartnerOnTheOverview() throws IOException {
        // When
        WebDriver page = open("/");

        // Then
        assertThat(page.findElements(By.cssSelector("#partner-rows tr")))
                .extracting(row -> row.getAttribute("data-partner-id")).containsExactly(PARTNER);
        assertThat(page.findElement(By.cssSelector("tr[data-partner-id='" + PARTNER + "'] td.partner a")).getText())
                .isEqualTo("Ukraine");
        assertThat(page.getPageSource()).doesNotContain("Georgia").doesNotContain(OTHER);
        browser.screenshot(SCREENSHOTS.resolve("keycloak-overview.png"));
    }

    @Test
    void shouldShowItsOwnPartnersPageWithItsData() throws IOException {
        // When
        WebDriver page = open("/partners/" + PARTNER);

        // Then
        assertThat(page.findElement(By.id("partner-name")).getText()).isEqualTo("Ukraine");
        assertThat(page.findElement(By.cssSelector("#figure-last-event .figure-note")).getText())
                .isEqualTo("3 events applied");
        assertThat(page.findElements(By.cssSelector("#programmes li.programme")))
                .extracting(programme -> programme.getAttribute("data-programme-id")).containsExactly("p1");
        assertThat(page.findElement(By.id("error")).isDisplayed()).isFalse();
        browser.screenshot(SCREENSHOTS.resolve("keycloak-partner.png"));
    }

    @Test
    void shouldShowAnotherPartnersPageAsAPartnerThatDoesNotExist() throws IOException {
        // When
        WebDriver page = open("/partners/" + OTHER);

        // Then: the same words as for a partner nobody knows, and nothing of the other partner's
        WebElement error = page.findElement(By.id("error"));
        assertThat(error.isDisplayed()).isTrue();
        assertThat(error.getText()).contains("Nothing is known about partner '" + OTHER + "'");
        assertThat(page.findElement(By.id("partner-name")).getText()).isEqualTo("Unknown partner");
        assertThat(page.getPageSource()).doesNotContain("Georgia");
        browser.screenshot(SCREENSHOTS.resolve("keycloak-other-partner.png"));
        String otherError = error.getText();
        assertThat(open("/partners/atlantis").findElement(By.id("error")).getText())
                .isEqualTo(otherError.replace(OTHER, "atlantis"));
    }

    @Test
    void shouldAnswerTheBrowsersSessionForItsPartnerAloneThroughEveryEndpoint() {
        // Given: a page of the dashboard, whose session cookie every request from it carries
        open("/");

        // When / Then: another partner is not found, exactly as one that does not exist
        for (String path : List.of("", "/pace", "/programmes/p1")) {
            assertThat(fetch("/api/v1/partners/" + OTHER + path).status()).as(OTHER + path).isEqualTo(404);
            assertThat(fetch("/api/v1/partners/" + PARTNER + path).status()).as(PARTNER + path).isEqualTo(200);
        }
        Answer other = fetch("/api/v1/partners/" + OTHER);
        Answer nobody = fetch("/api/v1/partners/atlantis");
        assertThat(json(other.body()).path("title")).isEqualTo(json(nobody.body()).path("title"));
        assertThat(other.body()).doesNotContain("Georgia");
        Answer list = fetch("/api/v1/partners");
        assertThat(list.status()).isEqualTo(200);
        assertThat(json(list.body()).path("partners").findValuesAsText("partnerId")).containsExactly(PARTNER);
        // Signed-in is not staff: the operators' metrics stay closed.
        assertThat(fetch("/metrics").status()).isEqualTo(403);
    }

    @Test
    void shouldShowItsPartnersLiveUpdateOnTheOpenPageButNothingOfAnotherPartner() throws IOException {
        // Given: its partner's page, open and live, a mark a reload would wipe out, and the feed as the page gets it
        WebDriver page = open("/partners/" + PARTNER);
        browser.script("""
                window.pfpTestMark = 'no reload';
                window.pfpFeed = [];
                const feed = new EventSource('/api/v1/stream');
                for (const type of ['hello', 'partner-changed', 'resync']) {
                  feed.addEventListener(type, (event) => window.pfpFeed.push({type, data: event.data}));
                }""");
        await("the test's own feed").atMost(PATIENCE).until(() -> feed().stream().anyMatch(e -> "hello".equals(e.get("type"))));

        // When: the other partner changes, then its own does
        holdViews(3, 9);
        tracker.server.changes().partnersChanged(Set.of(OTHER));
        holdViews(4, 9);
        tracker.server.changes().partnersChanged(Set.of(PARTNER));

        // Then: its own change shows on the same page; the other's never reached the browser
        await("its partner's change on the page").atMost(PATIENCE).until(() -> "4 events applied".equals(
                page.findElement(By.cssSelector("#figure-last-event .figure-note")).getText()));
        assertThat(browser.script("return window.pfpTestMark")).isEqualTo("no reload");
        await("its partner's change on the feed").atMost(PATIENCE).until(() -> changedPartners().contains(PARTNER));
        assertThat(changedPartners()).containsOnly(PARTNER);
        assertThat(page.findElement(By.id("partner-name")).getText()).isEqualTo("Ukraine");
        assertThat(page.getPageSource()).doesNotContain("Georgia").doesNotContain("9 events applied");
        browser.screenshot(SCREENSHOTS.resolve("keycloak-partner-live.png"));
    }

    /** Both partners' views, with this many events applied to each. */
    private static void holdViews(long partnerEvents, long otherEvents) {
        tracker.views.holdActive(ViewFixtures.partner(PARTNER, "Ukraine", partnerEvents));
        tracker.views.holdActive(ViewFixtures.partner(OTHER, "Georgia", otherEvents));
    }

    /** Opens a page of the dashboard and waits until it shows its data and listens to the stream. */
    private static WebDriver open(String path) {
        WebDriver page = browser.driver();
        page.get(tracker.url(path));
        await("the page " + path + " ready").atMost(PATIENCE)
                .until(() -> "true".equals(browser.script("return document.body.dataset.ready")));
        await("the page " + path + " live").atMost(PATIENCE)
                .until(() -> "live".equals(browser.script("return document.getElementById('live').dataset.state")));
        assertThat(page.getCurrentUrl()).as("still signed in").isEqualTo(tracker.url(path));
        return page;
    }

    /** An answer to a request the page made, with its session cookie. */
    private record Answer(int status, String body) {
    }

    private static Answer fetch(String path) {
        @SuppressWarnings("unchecked")
        Map<String, Object> answer = (Map<String, Object>) browser.asyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0], {headers: {Accept: 'application/json'}, cache: 'no-store'})
                  .then(async (response) => done({status: response.status, body: await response.text()}))
                  .catch((failure) => done({status: -1, body: String(failure)}));""", path);
        return new Answer(((Number) answer.get("status")).intValue(), (String) answer.get("body"));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> feed() {
        return (List<Map<String, Object>>) browser.script("return window.pfpFeed");
    }

    private static List<String> changedPartners() {
        return feed().stream().filter(event -> "partner-changed".equals(event.get("type")))
                .map(event -> json((String) event.get("data")).path("partnerId").asText())
                .toList();
    }

    private static JsonNode payload(String token) {
        return json(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), UTF_8));
    }

    /** A claim that is one string or a list of them, as a list. */
    private static List<String> strings(JsonNode claim) {
        return claim.isArray() ? StreamSupport.stream(claim.spliterator(), false).map(JsonNode::asText).toList()
                : List.of(claim.asText());
    }

    private static JsonNode json(String text) {
        try {
            return TwoInstances.JSON.readTree(text);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }
}

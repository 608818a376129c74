package org.pfptracker.tracker.http;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.pfptracker.http.access.AccessControl;
import org.pfptracker.http.access.AccessSettings;
import org.pfptracker.tracker.query.ViewFixtures;
import org.pfptracker.tracker.stream.StreamOptions;
import org.pfptracker.tracker.support.KeycloakServer;

/**
 * The tracker's access control against a real identity provider: Keycloak, with tokens it issues and signs
 * itself. The build unpacks Keycloak's Quarkus distribution ({@code org.keycloak:keycloak-quarkus-dist:<version>:zip},
 * from Maven Central) before the integration tests and names its folder in {@code pfp.keycloak.home}; the
 * test runs it as a child process in dev mode with a realm {@code pfp} of its own, and a tracker that knows
 * only the realm's URL: it finds the keys through the realm's discovery document.
 *
 * <p>Keycloak needs Java 21+: this JVM if it is one, else the newest JDK under /usr/lib/jvm, or the one named
 * with {@code -Dpfp.keycloak.java.home=/path/to/jdk}. Only when no such JDK exists is the test skipped, saying so.
 *
 * <p>How long it takes, on two cores: Keycloak's first start from a freshly unpacked distribution takes about
 * 35 s (it rebuilds its Quarkus application for dev mode, creates its database and imports the realm), the
 * whole class about 40 s; later starts take about 9 s, the class about 15 s, because the rebuilt application
 * and the database stay in the distribution's folder under {@code target/}. A machine busy with other builds
 * can double the first start, hence the patience below.
 */
@Tag("integration")
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class KeycloakAccessIT {

    private static final String AUDIENCE = "pfp-tracker";
    /** Keycloak's first start is the slow one (see above); this leaves room for a busy machine. */
    private static final Duration START_PATIENCE = Duration.ofSeconds(100);

    private static final String STAFF = "staff";
    private static final String UKRAINE_DASHBOARD = "ukraine-dashboard";
    /** Another application of the realm: its tokens name it, not the tracker, as their audience. */
    private static final String EXERCISE_PLANNER = "exercise-planner";

    private static KeycloakServer keycloak;

    private OneInstance tracker;

    @BeforeAll
    static void startKeycloak() throws IOException {
        KeycloakServer.Installation installation = KeycloakServer.installationOrSkip();
        keycloak = KeycloakServer.start(installation.home(), installation.javaHome(), "pfp", List.of(
                new KeycloakServer.Client(STAFF, Map.of("pfp_roles", List.of("staff-reader")), AUDIENCE),
                new KeycloakServer.Client(UKRAINE_DASHBOARD,
                        Map.of("pfp_roles", List.of("partner-reader"), "pfp_partner", "ukraine"), AUDIENCE),
                new KeycloakServer.Client(EXERCISE_PLANNER, Map.of("pfp_roles", List.of("staff-reader")), null)),
                START_PATIENCE);
    }

    @AfterAll
    static void stopKeycloak() {
        if (keycloak != null) {
            keycloak.close();
        }
    }

    @BeforeEach
    void startTracker() {
        // The realm's URL alone: no JWKS URL, so the tracker reads it from the realm's discovery document.
        AccessSettings settings = AccessSettings.forIssuer(keycloak.realmUrl(), null);
        tracker = new OneInstance(new StreamOptions(Duration.ofSeconds(5), 4, 16),
                AccessControl.of(settings, AUDIENCE, "anonymous"));
        tracker.views.holdActive(ViewFixtures.partner("ukraine", "Ukraine", 3));
        tracker.views.holdActive(ViewFixtures.partner("georgia", "Georgia", 5));
        tracker.routing.activeInstances(tracker.host);
    }

    @AfterEach
    void stopTracker() {
        if (tracker != null) {
            tracker.close();
        }
    }

    @Test
    void shouldShowUkrainesDashboardUkraineAlone() {
        // Given
        String[] ukraine = bearer(keycloak.token(UKRAINE_DASHBOARD));

        // When
        HttpResponse<String> own = tracker.get("/api/v1/partners/ukraine", ukraine);
        HttpResponse<String> other = tracker.get("/api/v1/partners/georgia", ukraine);
        HttpResponse<String> nobody = tracker.get("/api/v1/partners/atlantis", ukraine);
        HttpResponse<String> list = tracker.get("/api/v1/partners", ukraine);

        // Then: another partner answers exactly as one that does not exist
        assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
        assertThat(TwoInstances.json(own).path("partnerId").asText()).isEqualTo("ukraine");
        assertThat(other.statusCode()).isEqualTo(404);
        assertThat(nobody.statusCode()).isEqualTo(404);
        assertThat(TwoInstances.json(other).path("title")).isEqualTo(TwoInstances.json(nobody).path("title"));
        assertThat(TwoInstances.json(list).get("partners").findValuesAsText("partnerId")).containsExactly("ukraine");
    }

    @Test
    void shouldGiveUkrainesDashboardOnlyUkraineThroughEveryEndpointAndTheLiveFeed() throws Exception {
        // Given: Keycloak's token for ukraine's dashboard, and the live feed open with it (through a session
        // cookie, as a browser holds it)
        String token = keycloak.token(UKRAINE_DASHBOARD);
        HttpResponse<String> signIn = tracker.request("POST", "/api/v1/session", bearer(token));
        assertThat(signIn.statusCode()).as(signIn.body()).isEqualTo(204);
        String cookie = signIn.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        HttpResponse<java.io.InputStream> feed = tracker.open("/api/v1/stream", "Cookie", cookie,
                "Accept", "text/event-stream");

        // When / Then: pace and programmes of another partner are unknown, as the partner itself is
        assertThat(tracker.get("/api/v1/partners/georgia/pace", bearer(token)).statusCode()).isEqualTo(404);
        assertThat(tracker.get("/api/v1/partners/georgia/programmes/ipap-1", bearer(token)).statusCode()).isEqualTo(404);
        assertThat(tracker.get("/api/v1/partners/ukraine/pace", bearer(token)).statusCode()).isEqualTo(200);
        try (org.pfptracker.tracker.support.EventStreamReader stream =
                     new org.pfptracker.tracker.support.EventStreamReader(feed.body())) {
            assertThat(feed.statusCode()).isEqualTo(200);
            assertThat(stream.next("hello", Duration.ofSeconds(10))).isNotNull();
            tracker.server.changes().partnersChanged(java.util.Set.of("georgia"));
            tracker.server.changes().partnersChanged(java.util.Set.of("ukraine"));
            assertThat(TwoInstances.JSON.readTree(stream.next("partner-changed", Duration.ofSeconds(10)).data())
                    .path("partnerId").asText()).isEqualTo("ukraine");
        }
    }

    @Test
    void shouldShowStaffEveryPartner() {
        HttpResponse<String> list = tracker.get("/api/v1/partners", bearer(keycloak.token(STAFF)));

        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        assertThat(TwoInstances.json(list).get("partners").findValuesAsText("partnerId"))
                .containsExactlyInAnyOrder("ukraine", "georgia");
    }

    @Test
    void shouldRefuseATokenForAnotherAudienceSayingWhy() {
        // Given: a token of the same realm, with a staff role, for another application
        String[] elsewhere = bearer(keycloak.token(EXERCISE_PLANNER));

        // When
        HttpResponse<String> answer = tracker.get("/api/v1/partners", elsewhere);

        // Then
        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(challenge ->
                assertThat(challenge).contains("error=\"invalid_token\"").contains("aud"));
    }

    @Test
    void shouldRefuseATokenWithOneCharacterChanged() {
        // Given: ukraine's token with one letter of its partner changed; the payload still reads as JSON
        String token = keycloak.token(UKRAINE_DASHBOARD);
        String tampered = withPartnerLetterChanged(token);
        assertThat(payload(tampered)).doesNotContain("\"ukraine\"").isNotEqualTo(payload(token));

        // When
        HttpResponse<String> answer = tracker.get("/api/v1/partners/ukraine", bearer(tampered));

        // Then: only the signature tells, and it does
        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(challenge ->
                assertThat(challenge).contains("error=\"invalid_token\"").containsIgnoringCase("signature"));
    }

    private static String[] bearer(String token) {
        return new String[] {"Authorization", "Bearer " + token};
    }

    /**
     * The token with one base64url character of its payload changed: the one that holds the low six bits of a
     * letter of {@code "ukraine"}, so exactly that letter changes (into another printable character).
     */
    private static String withPartnerLetterChanged(String token) {
        String[] parts = token.split("\\.");
        String payload = payload(token);
        int partner = payload.indexOf("\"ukraine\"") + 1;
        assertThat(partner).as("the partner in the token: %s", payload).isPositive();
        // Three payload bytes make four characters; the third byte's low six bits are the fourth character alone.
        int letter = partner + Math.floorMod(2 - partner, 3);
        int character = letter / 3 * 4 + 3;
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        char[] encoded = parts[1].toCharArray();
        encoded[character] = alphabet.charAt(alphabet.indexOf(encoded[character]) ^ 1);
        return parts[0] + "." + new String(encoded) + "." + parts[2];
    }

    private static String payload(String token) {
        return new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), UTF_8);
    }
}

package org.pfptracker.tracker.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pfptracker.http.access.AccessControl;
import org.pfptracker.http.issuer.LocalIssuerServer;
import org.pfptracker.http.issuer.TokenGrant;
import org.pfptracker.tracker.query.ViewFixtures;
import org.pfptracker.tracker.stream.StreamOptions;
import org.pfptracker.tracker.support.EventStreamReader;

/** Who reads what on the tracker's API, with tokens from a local issuer whose keys are fetched over HTTP. */
class AccessControlTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private static LocalIssuerServer issuer;

    private OneInstance instance;

    @BeforeAll
    static void startIssuer() {
        issuer = LocalIssuerServer.start("127.0.0.1", 0, null, Clock.systemUTC());
    }

    @AfterAll
    static void stopIssuer() {
        issuer.close();
    }

    @BeforeEach
    void startTracker() {
        instance = new OneInstance(new StreamOptions(Duration.ofSeconds(5), 4, 16),
                AccessControl.of(issuer.accessSettings(), "pfp-tracker", "anonymous"));
        instance.views.holdActive(ViewFixtures.partner("ukraine", "Ukraine", 3));
        instance.views.holdActive(ViewFixtures.partner("georgia", "Georgia", 5));
        instance.routing.activeInstances(instance.host);
    }

    @AfterEach
    void stop() {
        instance.close();
    }

    private static String[] bearer(TokenGrant grant) {
        return new String[] {"Authorization", "Bearer " + issuer.issuer().issue(grant, Duration.ofMinutes(5))};
    }

    @Test
    void shouldAskForATokenWithAChallenge() {
        HttpResponse<String> anonymous = instance.get("/api/v1/partners/ukraine");

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"pfp-tracker\"");
        assertThat(anonymous.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void shouldRefuseAnExpiredTokenSayingWhy() {
        String expired = issuer.issuer().issue(TokenGrant.staffReader(), Duration.ofMinutes(-5));

        HttpResponse<String> answer = instance.get("/api/v1/partners", "Authorization", "Bearer " + expired);

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(challenge ->
                assertThat(challenge).contains("error=\"invalid_token\"").contains("Expired"));
    }

    @Test
    void shouldShowAPartnerReaderItsOwnPartnerOnly() {
        String[] ukraine = bearer(TokenGrant.partnerReader("ukraine"));

        HttpResponse<String> own = instance.get("/api/v1/partners/ukraine", ukraine);
        HttpResponse<String> other = instance.get("/api/v1/partners/georgia", ukraine);
        HttpResponse<String> nobody = instance.get("/api/v1/partners/atlantis", ukraine);
        HttpResponse<String> otherPace = instance.get("/api/v1/partners/georgia/pace", ukraine);
        HttpResponse<String> list = instance.get("/api/v1/partners", ukraine);

        assertThat(own.statusCode()).isEqualTo(200);
        // Another partner answers exactly as a partner that does not exist: no existence leak.
        assertThat(other.statusCode()).isEqualTo(404);
        assertThat(TwoInstances.json(other).path("title")).isEqualTo(TwoInstances.json(nobody).path("title"));
        assertThat(otherPace.statusCode()).isEqualTo(404);
        assertThat(TwoInstances.json(list).get("partners").findValuesAsText("partnerId")).containsExactly("ukraine");
    }

    @Test
    void shouldShowStaffEveryPartner() {
        HttpResponse<String> list = instance.get("/api/v1/partners", bearer(TokenGrant.staffReader()));

        assertThat(TwoInstances.json(list).get("partners").findValuesAsText("partnerId"))
                .containsExactlyInAnyOrder("ukraine", "georgia");
    }

    @Test
    void shouldRefuseATokenWithoutAReadingRole() {
        HttpResponse<String> writer = instance.get("/api/v1/partners/ukraine", bearer(TokenGrant.writer("exercise-system")));

        assertThat(writer.statusCode()).isEqualTo(403);
        assertThat(writer.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(challenge ->
                assertThat(challenge).contains("error=\"insufficient_scope\""));
    }

    @Test
    void shouldKeepMetricsForOperatorsAndHealthForProbes() {
        assertThat(instance.get("/metrics", bearer(TokenGrant.staffReader())).statusCode()).isEqualTo(403);
        assertThat(instance.get("/metrics", bearer(TokenGrant.operator())).statusCode()).isEqualTo(200);
        assertThat(instance.get("/health/live").statusCode()).isEqualTo(200);
        assertThat(instance.get("/openapi.yaml").statusCode()).isEqualTo(200);
    }

    @Test
    void shouldIgnoreForwardingHeadersFromOutsideAndRefuseAForgedProof() {
        // Given: armenia's active copy on an instance that cannot be reached, a standby copy here
        instance.views.holdStandby(ViewFixtures.partner("armenia", "Armenia", 2));
        instance.routing.place("armenia", new HostInfo("127.0.0.1", 1), instance.host);
        String[] staff = bearer(TokenGrant.staffReader());
        String path = "/api/v1/partners/armenia";

        // When
        HttpResponse<String> proven = instance.get(path, staff[0], staff[1], "X-PFP-Forwarded-By", "127.0.0.1:1",
                PeerProof.HEADER, new PeerProof("one-instance-test-secret", Clock.systemUTC()).sign("GET", path));
        HttpResponse<String> unproven = instance.get(path, staff[0], staff[1], "X-PFP-Forwarded-By", "127.0.0.1:1");
        HttpResponse<String> forged = instance.get(path, staff[0], staff[1], "X-PFP-Forwarded-By", "127.0.0.1:1",
                PeerProof.HEADER, "t=1,sig=forged");

        // Then: a proven forward is answered from the active copy only (there is none here): 503. The same
        // headers without proof are an outside request, routed as usual: the active copy fails, the standby answers.
        assertThat(proven.statusCode()).isEqualTo(503);
        assertThat(unproven.statusCode()).isEqualTo(200);
        assertThat(unproven.headers().firstValue("X-PFP-Stale")).hasValue("true");
        assertThat(forged.statusCode()).isEqualTo(403);
    }

    @Test
    void shouldTurnATokenIntoAStrictHttpOnlySessionCookieForReadsOnly() {
        String[] ukraine = bearer(TokenGrant.partnerReader("ukraine"));

        HttpResponse<String> signIn = instance.request("POST", "/api/v1/session", ukraine);

        assertThat(signIn.statusCode()).isEqualTo(204);
        String setCookie = signIn.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie).startsWith("pfp_session=").contains("HttpOnly").containsIgnoringCase("SameSite=Strict");
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));
        assertThat(instance.get("/api/v1/partners/ukraine", "Cookie", cookie).statusCode()).isEqualTo(200);
        assertThat(instance.get("/api/v1/partners/georgia", "Cookie", cookie).statusCode()).isEqualTo(404);
        // A cookie alone never acts: a cross-site form could send it.
        assertThat(instance.request("POST", "/api/v1/session", "Cookie", cookie).statusCode()).isEqualTo(401);
    }

    @Test
    void shouldAnswer405WithAProblemForAWrongMethod() {
        HttpResponse<String> wrong = instance.request("DELETE", "/api/v1/partners/ukraine",
                bearer(TokenGrant.staffReader()));

        assertThat(wrong.statusCode()).isEqualTo(405);
        assertThat(wrong.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void shouldAnswerWhatJettyRefusesItselfAsAProblem() {
        HttpResponse<String> undecodable = instance.get("/api/v1/partners/%00");
        HttpResponse<String> tooLong = instance.get("/api/v1/partners/" + "x".repeat(20_000));

        for (HttpResponse<String> refused : java.util.List.of(undecodable, tooLong)) {
            assertThat(refused.statusCode()).isBetween(400, 499);
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                    assertThat(type).startsWith("application/problem+json"));
            assertThat(TwoInstances.json(refused).path("status").asInt()).isEqualTo(refused.statusCode());
        }
    }

    @Test
    void shouldMarkTheJsonApiNosniff() {
        HttpResponse<String> answer = instance.get("/api/v1/partners/ukraine", bearer(TokenGrant.staffReader()));

        assertThat(answer.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    @Test
    void shouldKeepStreamPlacesForOtherCallersWhenOneTakesItsShare() throws Exception {
        // Given: 10 places, 2 per caller
        try (OneInstance small = new OneInstance(new StreamOptions(Duration.ofSeconds(5), 10, 16, 2),
                AccessControl.of(issuer.accessSettings(), "pfp-tracker", "anonymous"))) {
            String[] greedy = concat(bearer(TokenGrant.staffReader()), "Accept", "text/event-stream");
            java.util.List<EventStreamReader> open = new java.util.ArrayList<>();
            try {
                for (int i = 0; i < 2; i++) {
                    EventStreamReader stream = new EventStreamReader(small.open("/api/v1/stream", greedy).body());
                    open.add(stream);
                    assertThat(stream.next("hello", PATIENCE)).isNotNull();
                }

                // When
                HttpResponse<String> third = small.get("/api/v1/stream", greedy);
                HttpResponse<InputStream> other = small.open("/api/v1/stream", concat(
                        bearer(TokenGrant.partnerReader("ukraine")), "Accept", "text/event-stream"));

                // Then
                assertThat(third.statusCode()).isEqualTo(503);
                assertThat(third.headers().firstValue("Retry-After")).isPresent();
                try (EventStreamReader stream = new EventStreamReader(other.body())) {
                    assertThat(other.statusCode()).isEqualTo(200);
                    assertThat(stream.next("hello", PATIENCE)).isNotNull();
                }
            } finally {
                for (EventStreamReader stream : open) {
                    stream.close();
                }
            }
        }
    }

    @Test
    void shouldTellAPartnerReadersStreamOfItsOwnPartnerOnly() throws Exception {
        HttpResponse<InputStream> response = instance.open("/api/v1/stream", concat(
                bearer(TokenGrant.partnerReader("ukraine")), "Accept", "text/event-stream"));
        try (EventStreamReader stream = new EventStreamReader(response.body())) {
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(stream.next("hello", PATIENCE)).isNotNull();

            instance.server.changes().partnersChanged(Set.of("georgia"));
            instance.server.changes().partnersChanged(Set.of("ukraine"));

            EventStreamReader.Event changed = stream.next("partner-changed", PATIENCE);
            assertThat(TwoInstances.JSON.readTree(changed.data()).path("partnerId").asText()).isEqualTo("ukraine");
        }
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = new String[first.length + more.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }
}

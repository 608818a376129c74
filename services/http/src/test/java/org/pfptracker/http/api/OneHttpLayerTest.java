package org.pfptracker.http.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pfptracker.http.access.AccessControl;
import org.pfptracker.http.access.AccessRule;
import org.pfptracker.http.access.AccessSettings;
import org.pfptracker.http.access.Role;
import org.pfptracker.http.docs.ApiDocsPage;
import org.pfptracker.http.docs.OpenApiDocument;
import org.pfptracker.http.health.Health;
import org.pfptracker.http.health.HealthEndpoints;
import org.pfptracker.http.metrics.MetricsEndpoint;
import org.pfptracker.http.metrics.ProcessMetrics;
import org.pfptracker.http.metrics.RequestMetrics;
import org.pfptracker.http.problem.FieldError;
import org.pfptracker.http.problem.Problem;
import org.pfptracker.http.problem.ProblemAnswers;
import org.pfptracker.http.problem.ProblemException;

/**
 * The parts every pfp server shares, on one server built from them as the tracker and the gateway are: every
 * error a problem, the same health shape, requests timed by route template, the docs page from its WebJar.
 */
class OneHttpLayerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern REFERENCED = Pattern.compile("(?:src|href)=\"(/[^\"]+)\"");

    private static final AtomicBoolean READY = new AtomicBoolean();
    private static final List<Problem> REFUSED = new CopyOnWriteArrayList<>();
    private static ProcessMetrics metrics;
    private static Javalin server;

    @BeforeAll
    static void start() {
        metrics = new ProcessMetrics();
        HealthEndpoints health = new HealthEndpoints(() -> READY.get() ? Health.up("all read", Map.of("items", 3))
                : Health.down("still reading", Map.of("items", 1)), Duration.ofMillis(2_500));
        ProblemAnswers problems = new ProblemAnswers("test server", OpenApiDocument.PATH, Duration.ofSeconds(4),
                new ProblemAnswers.Listener() {
                    @Override
                    public void refused(io.javalin.http.Context ctx, Problem problem) {
                        REFUSED.add(problem);
                    }
                });
        // Tokens are required, and the test has none: what needs a role must say 401, what is open answers.
        AccessControl access = AccessControl.of(AccessSettings.forIssuer(URI.create("http://127.0.0.1:9/issuer"),
                URI.create("http://127.0.0.1:9/issuer/jwks")),
                "test", "anonymous");
        AccessRule open = AccessRule.open("a test route");
        server = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.http.prefer405over404 = true;
            config.requestLogger.http(new RequestMetrics(metrics.registry()));
            config.routes.get("/items/{id}", access.guard(open, ctx -> {
                if (!ctx.pathParam("id").matches("[0-9]+")) {
                    throw new ProblemException(Problem.withErrors(Problem.type("bad-item"), 422, "Bad item",
                            "the id is not a number", List.of(new FieldError("id", "must be digits"))));
                }
                if (ctx.pathParam("id").equals("0")) {
                    throw new ProblemException(Problem.of(Problem.UNAVAILABLE, 503, "Busy", "try later"),
                            Duration.ofMillis(1_200));
                }
                if (ctx.pathParam("id").equals("500")) {
                    throw new IllegalStateException("a bug with a secret in it");
                }
                ctx.result("item " + ctx.pathParam("id"));
            }));
            config.routes.post("/items/{id}/notes", access.guard(open, ctx -> {
                throw new ProblemException(Problem.of(Problem.type("closed-item"), 409, "Closed", "no more notes"));
            }));
            config.routes.get(HealthEndpoints.LIVE, access.guard(open, health::live));
            config.routes.get(HealthEndpoints.READY, access.guard(open, health::ready));
            config.routes.get(MetricsEndpoint.PATH, access.guard(AccessRule.anyOf(Role.OPERATOR),
                    new MetricsEndpoint(metrics.registry())));
            ApiDocsPage.titled("Test API").install(config);
            problems.installOn(config);
        }).start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        server.stop();
        metrics.close();
    }

    @Test
    void shouldAnswerARefusalAsAProblemAboutThePathWithTheFieldsAtFault() throws Exception {
        // When
        HttpResponse<String> response = get("/items/abc");

        // Then
        assertProblem(response, 422);
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("type").asText()).isEqualTo("urn:pfp-tracker:problem:bad-item");
        assertThat(problem.get("instance").asText()).isEqualTo("/items/abc");
        assertThat(problem.at("/errors/0/field").asText()).isEqualTo("id");
        assertThat(problem.at("/errors/0/message").asText()).isEqualTo("must be digits");
        assertThat(REFUSED).anySatisfy(refused -> assertThat(refused.status()).isEqualTo(422));
    }

    @Test
    void shouldDeliverEveryRefusalOfABodyTheServerNeverRead() throws Exception {
        // Given: bodies the refusals never read, sent one after another on the client's pooled connections
        HttpClient client = HttpClient.newHttpClient();
        String body = "{\"note\":\"" + "x".repeat(40_000) + "\"}";
        Map<String, Integer> refusals = Map.of("/items/1/notes", 409, "/nothing/here", 404, MetricsEndpoint.PATH, 405);

        for (Map.Entry<String, Integer> refusal : refusals.entrySet()) {
            for (int i = 0; i < 150; i++) {
                // When
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(url(refusal.getKey()))
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(), HttpResponse.BodyHandlers.ofString());

                // Then: every one gets its answer; before the body was drained, about one in twenty got none
                assertProblem(response, refusal.getValue());
            }
        }
    }

    @Test
    void shouldTellAClientWhenToComeBackInWholeSecondsRoundedUp() throws Exception {
        HttpResponse<String> response = get("/items/0");

        assertProblem(response, 503);
        assertThat(response.headers().firstValue("Retry-After")).contains("2");
    }

    @Test
    void shouldHideTheCauseOfAnUnexpectedFailure() throws Exception {
        HttpResponse<String> response = get("/items/500");

        assertProblem(response, 500);
        assertThat(response.body()).contains("The test server failed to answer; see its log.").doesNotContain("secret");
    }

    @Test
    void shouldAnswerUnknownPathsWrongMethodsAndMissingTokensAsProblems() throws Exception {
        HttpResponse<String> unknown = get("/nothing/here");
        HttpResponse<String> wrongMethod = HTTP.send(HttpRequest.newBuilder(url("/items/1"))
                .DELETE().build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> noToken = get(MetricsEndpoint.PATH);

        assertProblem(unknown, 404);
        assertThat(unknown.body()).contains("the API is described at /openapi.yaml");
        assertProblem(wrongMethod, 405);
        assertProblem(noToken, 401);
        assertThat(noToken.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).startsWith("Bearer"));
    }

    @Test
    void shouldAnswerJettysOwnRefusalsAsProblemsToo() throws Exception {
        HttpResponse<String> undecodable = get("/items/%00");

        assertThat(undecodable.statusCode()).isEqualTo(400);
        assertThat(undecodable.headers().firstValue("Content-Type")).contains(Problem.CONTENT_TYPE);
    }

    @Test
    void shouldSayReadyOrNotInOneShapeWithRetryAfterWhenNot() throws Exception {
        READY.set(false);
        HttpResponse<String> notReady = get(HealthEndpoints.READY);
        READY.set(true);
        HttpResponse<String> ready = get(HealthEndpoints.READY);
        HttpResponse<String> live = get(HealthEndpoints.LIVE);

        assertThat(notReady.statusCode()).isEqualTo(503);
        assertThat(notReady.headers().firstValue("Retry-After")).contains("3");
        assertThat(JSON.readTree(notReady.body()).get("status").asText()).isEqualTo("DOWN");
        assertThat(JSON.readTree(notReady.body()).get("detail").asText()).isEqualTo("still reading");
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(ready.body()).at("/checks/items").asInt()).isEqualTo(3);
        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(live.body()).isEqualTo("{\"status\":\"UP\"}");
    }

    @Test
    void shouldTimeRequestsByRouteTemplateAndStatus() throws Exception {
        get("/items/7");
        get("/items/8");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(metrics.registry().scrape())
                .containsPattern("http_server_requests_seconds_count\\{[^}]*status=\"200\"[^}]*uri=\"/items/\\{id}\"[^}]*} [2-9]")
                .doesNotContain("uri=\"/items/7\""));
    }

    @Test
    void shouldServeTheDocsPageWithEverythingItLoadsFromThisServer() throws Exception {
        HttpResponse<String> page = get(ApiDocsPage.PATH);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<title>Test API · PfP Tracker</title>").doesNotContain("{{");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                policy -> assertThat(policy).contains("script-src 'self'"));
        Matcher referenced = REFERENCED.matcher(page.body());
        int files = 0;
        while (referenced.find()) {
            assertThat(get(referenced.group(1)).statusCode()).as(referenced.group(1)).isEqualTo(200);
            files++;
        }
        assertThat(files).isEqualTo(3);
    }

    private static void assertProblem(HttpResponse<String> response, int status) throws IOException {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith(Problem.CONTENT_TYPE));
        assertThat(JSON.readTree(response.body()).get("status").asInt()).isEqualTo(status);
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(url(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }
}

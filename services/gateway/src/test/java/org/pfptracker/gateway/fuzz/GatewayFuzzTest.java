package org.pfptracker.gateway.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import org.pfptracker.gateway.fuzz.FuzzRequest.Header;
import org.pfptracker.gateway.http.CommandRoute;
import org.pfptracker.gateway.http.CommandRoutes;
import org.pfptracker.gateway.http.GatewayHttpServer;
import org.pfptracker.gateway.http.HttpOptions;
import org.pfptracker.gateway.idempotency.IdempotencyStore;
import org.pfptracker.gateway.partner.Directories;
import org.pfptracker.gateway.partner.PartnerDirectory;
import org.pfptracker.http.problem.Problem;

/**
 * The gateway as a hostile client finds it: whatever the body, path and headers, the answer is never a 5xx,
 * every refusal is a problem body, nothing refused is published, and whatever is accepted is published once
 * and carried faithfully. In process, over real HTTP, with a sink that does what Kafka and Avro would do, so
 * that a thousand requests take a few seconds.
 */
class GatewayFuzzTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final PartnerDirectory DIRECTORY = Directories.complete(ValidBodies.PARTNER, ValidBodies.OTHER_PARTNER);
    private static final List<CommandRoute> ROUTES = CommandRoutes.all(DIRECTORY);

    private static RecordingSink sink;
    private static GatewayHttpServer server;
    private static HttpClient http;

    @BeforeContainer
    static void startTheGateway() {
        sink = new RecordingSink();
        server = GatewayHttpServer.start(new HttpOptions("127.0.0.1", 0, 65536, Duration.ofSeconds(5), "fuzz"),
                DIRECTORY, sink, new IdempotencyStore<>(Duration.ofMinutes(5), 1000, Clock.systemUTC()),
                Clock.systemUTC());
        http = newClient();
    }

    @AfterContainer
    static void stopTheGateway() {
        server.close();
    }

    // Edge cases off: mixed into a flatMap they favour the first and last route and method; the generators
    // list their own edge values (the bounds of every range, empty and huge text) instead.
    @Property(tries = 1000, shrinking = ShrinkingMode.BOUNDED, edgeCases = EdgeCasesMode.NONE)
    void shouldNeverAnswer5xxNorPublishWhatItRefuses(@ForAll("hostileRequests") FuzzRequest request) {
        // Given
        int publishedBefore = sink.published().size();

        // When
        HttpResponse<String> response = send(request);

        // Then
        int status = response.statusCode();
        Statistics.label("status").collect(status);
        // Near-valid input must reach both sides of the rules, or the property proves little.
        Statistics.label("status").coverage(coverage -> {
            coverage.check(202).percentage(share -> share >= 10);
            coverage.check(422).percentage(share -> share >= 20);
        });
        assertThat(status).as("status of %s: %s", request, response.body()).isBetween(200, 499);
        assertThat(sink.faults()).as("publishing what %s made", request).isEmpty();
        int published = sink.published().size() - publishedBefore;
        if (status >= 400) {
            assertThat(published).as("events published for a %d", status).isZero();
            // Every refusal, Jetty's own (a path it will not decode) included, is a problem.
            assertThat(response.headers().firstValue("Content-Type")).as("type of the %d to %s", status, request)
                    .hasValueSatisfying(type -> assertThat(type).startsWith(Problem.CONTENT_TYPE));
            assertIsAProblem(response);
        } else {
            boolean replayed = response.headers().firstValue("Idempotent-Replayed").isPresent();
            assertThat(status).isEqualTo(202);
            assertThat(published).as("events published for a 202, replayed: %s", replayed).isEqualTo(replayed ? 0 : 1);
        }
    }

    @Example
    void shouldAcceptTheValidBodyOfEveryCommandWhichTheFuzzingStartsFrom() {
        for (CommandRoute route : ROUTES) {
            // Given
            ObjectNode body = ValidBodies.of(route.command().name());
            if (body.has("partnerId")) {
                body.put("partnerId", "joined-" + System.nanoTime()); // a join of a partner not yet known
            }
            String path = route.pathFor(Map.of("partnerId", ValidBodies.PARTNER, "activityId", "a1",
                    "exerciseId", "ex-1", "programmeId", "ipap-1", "objectiveId", "o1"));

            // When
            HttpResponse<String> response = send(new FuzzRequest(route.method().name(), path,
                    body.toString().getBytes(StandardCharsets.UTF_8), List.of(new Header("Content-Type", "application/json"))));

            // Then
            assertThat(response.statusCode()).as("%s: %s", route, response.body()).isEqualTo(202);
        }
    }

    @Provide
    Arbitrary<FuzzRequest> hostileRequests() {
        return HostileRequests.to(ROUTES);
    }

    /** A problem body: a type, a title, the status and a detail; a field and a message for each error. */
    private static void assertIsAProblem(HttpResponse<String> response) {
        JsonNode problem = json(response);
        assertThat(problem.path("status").asInt()).isEqualTo(response.statusCode());
        assertThat(problem.path("type").asText()).isNotBlank();
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(problem.path("detail").asText()).isNotBlank();
        if (response.statusCode() == 422) {
            assertThat(problem.path("errors")).as("errors of %s", problem).isNotEmpty().allSatisfy(error -> {
                assertThat(error.path("field").isTextual()).isTrue();
                assertThat(error.path("message").asText()).isNotBlank();
            });
        }
    }

    private static HttpResponse<String> send(FuzzRequest request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + request.path()))
                .timeout(Duration.ofSeconds(30))
                .method(request.method(), HttpRequest.BodyPublishers.ofByteArray(request.body()));
        request.headers().forEach(header -> builder.header(header.name(), header.value()));
        try {
            return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("no answer to " + request + " (after " + previous + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            previous = request;
        }
    }

    /** The request sent before, named when one gets no answer: a connection may have died with it. */
    private static FuzzRequest previous;

    private static HttpClient newClient() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("Not JSON: " + response.body(), e);
        }
    }
}

package org.pfptracker.tracker.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The OpenAPI document the tracker serves describes exactly the routes it answers. */
class OpenApiDocumentTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}]+)}");

    private static TwoInstances instances;
    private static HttpResponse<String> served;
    private static JsonNode document;

    @BeforeAll
    static void fetchTheDocument() throws Exception {
        instances = new TwoInstances();
        served = instances.a.get("/openapi.yaml");
        document = YAML.readTree(served.body());
    }

    @AfterAll
    static void stop() {
        instances.close();
    }

    @Test
    void shouldServeAnOpenApi3DocumentAsYaml() {
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/yaml"));
        assertThat(document.get("openapi").asText()).startsWith("3.");
    }

    @Test
    void shouldDocumentEveryRegisteredRouteAndNothingElse() {
        List<String> registered = instances.a.server.routes().stream().map(ApiRoute::path).toList();
        List<String> documented = new ArrayList<>();
        document.get("paths").fieldNames().forEachRemaining(documented::add);

        assertThat(registered).isNotEmpty();
        assertThat(documented).containsExactlyInAnyOrderElementsOf(new java.util.LinkedHashSet<>(registered));
        for (ApiRoute route : instances.a.server.routes()) {
            String method = route.method().name().toLowerCase(java.util.Locale.ROOT);
            assertThat(document.at(pointer(route.path()) + "/" + method).isObject())
                    .as(route.method() + " " + route.path()).isTrue();
        }
    }

    @Test
    void shouldDeclareEveryPathParameter() {
        for (ApiRoute route : instances.a.server.routes()) {
            Matcher parameters = PATH_PARAMETER.matcher(route.path());
            while (parameters.find()) {
                String name = parameters.group(1);
                List<String> declared = new ArrayList<>();
                document.at(pointer(route.path()) + "/" + route.method().name().toLowerCase(java.util.Locale.ROOT)
                        + "/parameters").forEach(parameter ->
                        declared.add(resolve(parameter).path("name").asText()));
                assertThat(declared).as("parameters of " + route.path()).contains(name);
            }
        }
    }

    @Test
    void shouldDocumentTheProblemsEveryQueryCanAnswer() {
        for (ApiRoute route : instances.a.server.routes()) {
            if (route.path().startsWith("/api/") && route.method() == io.javalin.http.HandlerType.GET) {
                JsonNode responses = document.at(pointer(route.path()) + "/get/responses");
                assertThat(responses.has("200")).as("200 of " + route.path()).isTrue();
                assertThat(responses.has("400")).as("400 of " + route.path()).isTrue();
                assertThat(responses.has("503")).as("503 of " + route.path()).isTrue();
            }
        }
    }

    @Test
    void shouldResolveEveryReference() {
        List<String> unresolved = new ArrayList<>();
        collectReferences(document, unresolved);
        assertThat(unresolved).isEmpty();
    }

    private static void collectReferences(JsonNode node, List<String> unresolved) {
        if (node.isObject() && node.has("$ref")) {
            String reference = node.get("$ref").asText();
            if (!reference.startsWith("#/") || document.at(reference.substring(1)).isMissingNode()) {
                unresolved.add(reference);
            }
        }
        node.forEach(child -> collectReferences(child, unresolved));
    }

    private static JsonNode resolve(JsonNode parameter) {
        return parameter.has("$ref") ? document.at(parameter.get("$ref").asText().substring(1)) : parameter;
    }

    /** A JSON pointer to a path item: '/' inside the path escaped as '~1'. */
    private static String pointer(String path) {
        return "/paths/" + path.replace("~", "~0").replace("/", "~1");
    }
}

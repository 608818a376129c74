package org.pfptracker.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pfptracker.event.AreaOfCooperation;
import org.pfptracker.event.AssessmentRating;
import org.pfptracker.event.Framework;
import org.pfptracker.event.PartnerStatus;
import org.pfptracker.event.ProgrammeType;
import org.pfptracker.gateway.command.CommandBody;
import org.pfptracker.gateway.command.ProgrammeCommands;
import org.pfptracker.gateway.idempotency.IdempotencyStore;
import org.pfptracker.gateway.partner.Directories;
import org.pfptracker.http.docs.OpenApiDocument;
import org.pfptracker.testsupport.http.ApiClient;

/** The served OpenAPI document describes exactly what the server does: routes, request fields, enums. */
class OpenApiDocumentTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static GatewayHttpServer server;
    private static JsonNode document;

    @BeforeAll
    static void startTheServerAndFetchItsDocument() throws Exception {
        server = GatewayHttpServer.start(new HttpOptions("127.0.0.1", 0, 65536, Duration.ofSeconds(1), "test"),
                Directories.complete(), (event, traceparent) -> new CompletableFuture<>(),
                new IdempotencyStore<>(Duration.ofMinutes(1), 10, Clock.systemUTC()), Clock.systemUTC());
        HttpResponse<String> response = ApiClient.onPort(server.port()).get(OpenApiDocument.PATH);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith(OpenApiDocument.CONTENT_TYPE));
        document = YAML.readTree(response.body());
    }

    @AfterAll
    static void stopTheServer() {
        server.close();
    }

    @Test
    void shouldDocumentEveryRouteTheServerRegistersAndNoOther() {
        List<String> documented = new ArrayList<>();
        document.get("paths").properties().forEach(path -> path.getValue().properties().forEach(
                operation -> documented.add(operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey())));

        assertThat(server.routes()).hasSizeGreaterThanOrEqualTo(CommandRoutes.all(Directories.complete()).size());
        assertThat(documented).containsExactlyInAnyOrderElementsOf(server.routes());
    }

    @Test
    void shouldDescribeEachCommandsBodyWithExactlyTheFieldsTheCommandAccepts() {
        for (CommandRoute route : CommandRoutes.all(Directories.complete())) {
            JsonNode operation = document.at("/paths/" + escaped(route.path()) + "/" + route.method().name().toLowerCase(Locale.ROOT));
            String schemaRef = operation.at("/requestBody/content/application~1json/schema/$ref").asText();
            assertThat(schemaRef).as("request schema of %s", route).isEqualTo("#/components/schemas/" + route.command().name());

            Set<String> accepted = new HashSet<>(route.command().fields());
            accepted.addAll(CommandBody.COMMON_FIELDS);
            assertThat(propertiesOf(route.command().name())).as("fields of %s", route.command().name())
                    .containsExactlyInAnyOrderElementsOf(accepted);
            assertThat(operation.at("/responses").has("202")).as("%s documents its 202", route).isTrue();
            assertThat(operation.at("/responses").has("503")).as("%s documents its 503", route).isTrue();
            assertThat(operation.at("/responses").has("422")).as("%s documents its 422", route).isTrue();
            route.pathParameters().forEach(name -> assertThat(parameterNames(operation)).as("parameters of %s", route)
                    .contains(name));
        }
        assertThat(propertiesOf("Objective")).containsExactlyInAnyOrderElementsOf(ProgrammeCommands.objectiveFields());
    }

    @Test
    void shouldListTheEnumSymbolsAClientMaySend() {
        assertThat(symbols("Framework")).isEqualTo(CommandBody.allowedSymbols(Framework.class));
        assertThat(symbols("AreaOfCooperation")).isEqualTo(CommandBody.allowedSymbols(AreaOfCooperation.class));
        assertThat(symbols("PartnerStatus")).isEqualTo(CommandBody.allowedSymbols(PartnerStatus.class));
        assertThat(symbols("ProgrammeType")).isEqualTo(CommandBody.allowedSymbols(ProgrammeType.class));
        assertThat(symbols("AssessmentRating")).isEqualTo(CommandBody.allowedSymbols(AssessmentRating.class));
    }

    @Test
    void shouldDescribeTheAcceptedBodyWithTheFieldsTheServerWrites() {
        List<String> recordComponents = new ArrayList<>();
        for (var component : Accepted.class.getRecordComponents()) {
            recordComponents.add(component.getName());
        }
        assertThat(propertiesOf("Accepted")).containsExactlyInAnyOrderElementsOf(recordComponents);
    }

    private static List<String> propertiesOf(String schema) {
        List<String> names = new ArrayList<>();
        document.at("/components/schemas/" + schema + "/properties").fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> symbols(String schema) {
        List<String> symbols = new ArrayList<>();
        document.at("/components/schemas/" + schema + "/enum").forEach(symbol -> symbols.add(symbol.asText()));
        return symbols;
    }

    private static List<String> parameterNames(JsonNode operation) {
        List<String> names = new ArrayList<>();
        operation.get("parameters").forEach(parameter -> {
            String ref = parameter.get("$ref").asText();
            names.add(document.at(ref.substring(1)).get("name").asText());
        });
        return names;
    }

    /** A JSON Pointer token for a path: '/' is written '~1'. */
    private static String escaped(String path) {
        return path.replace("~", "~0").replace("/", "~1");
    }
}

package org.pfptracker.registry.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pfptracker.registry.client.protocol.CompatibilityCheckResponse;
import org.pfptracker.registry.client.protocol.ConfigResponse;
import org.pfptracker.registry.client.protocol.ConfigUpdateRequest;
import org.pfptracker.registry.client.protocol.RegisterSchemaRequest;
import org.pfptracker.registry.client.protocol.RegisterSchemaResponse;
import org.pfptracker.registry.client.protocol.RegistryMediaTypes;
import org.pfptracker.registry.client.protocol.SchemaByIdResponse;
import org.pfptracker.registry.client.protocol.SubjectSchemaResponse;
import org.pfptracker.registry.client.protocol.SubjectVersionResponse;
import org.pfptracker.registry.store.RegistryException;
import org.pfptracker.registry.store.SchemaStore;
import org.pfptracker.registry.store.StoredSchema;
import org.pfptracker.registry.store.VersionId;

/**
 * The endpoints of Confluent's Schema Registry REST API that this registry serves, each answering
 * with Confluent's JSON shape. Handlers only translate between HTTP and {@link SchemaStore}; refusals
 * travel as {@link RegistryException}s to {@link RegistryErrorHandling}.
 */
final class RegistryRoutes {

    private final SchemaStore store;
    private final ObjectMapper json = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    RegistryRoutes(SchemaStore store) {
        this.store = store;
    }

    void addTo(RoutesConfig routes) {
        routes.get("/", ctx -> answer(ctx, Map.of()));
        routes.get("/schemas/types", ctx -> answer(ctx, List.of("AVRO")));

        routes.get("/subjects", ctx -> answer(ctx, store.subjects()));
        routes.post("/subjects/{subject}/versions", this::register);
        routes.post("/subjects/{subject}", this::lookup);
        routes.get("/subjects/{subject}/versions", ctx -> answer(ctx,
                store.versions(subject(ctx)).stream().map(StoredSchema::version).toList()));
        routes.get("/subjects/{subject}/versions/{version}", ctx -> answer(ctx, describe(version(ctx))));
        routes.get("/subjects/{subject}/versions/{version}/schema", ctx -> ctx
                .contentType(RegistryMediaTypes.V1_JSON)
                .result(version(ctx).schema().text()));

        routes.get("/schemas/ids/{id}", ctx -> answer(ctx,
                new SchemaByIdResponse(null, store.schemaById(id(ctx)).text())));
        routes.get("/schemas/ids/{id}/schema", ctx -> ctx
                .contentType(RegistryMediaTypes.V1_JSON)
                .result(store.schemaById(id(ctx)).text()));
        routes.get("/schemas/ids/{id}/versions", ctx -> answer(ctx, store.holdersOf(id(ctx)).stream()
                .map(stored -> new SubjectVersionResponse(stored.subject(), stored.version()))
                .toList()));
        routes.get("/schemas/ids/{id}/subjects", ctx -> answer(ctx, store.holdersOf(id(ctx)).stream()
                .map(StoredSchema::subject)
                .distinct()
                .toList()));

        routes.post("/compatibility/subjects/{subject}/versions/{version}", ctx ->
                checkCompatibility(ctx, Optional.of(VersionId.parse(ctx.pathParam("version")))));
        routes.post("/compatibility/subjects/{subject}/versions", ctx -> checkCompatibility(ctx, Optional.empty()));

        routes.get("/config", ctx -> answer(ctx, new ConfigResponse(store.globalLevel().name())));
        routes.put("/config", ctx -> answer(ctx, new ConfigUpdateRequest(store.updateGlobalLevel(level(ctx)).name())));
        routes.get("/config/{subject}", ctx -> answer(ctx, new ConfigResponse(store.subjectLevel(subject(ctx),
                Boolean.parseBoolean(ctx.queryParam("defaultToGlobal"))).name())));
        routes.put("/config/{subject}", ctx -> answer(ctx,
                new ConfigUpdateRequest(store.updateSubjectLevel(subject(ctx), level(ctx)).name())));

        // Deleting is deliberately not offered: ids in records already written must keep resolving.
        for (String path : List.of("/subjects/{subject}", "/subjects/{subject}/versions/{version}", "/config",
                "/config/{subject}")) {
            routes.delete(path, RegistryErrorHandling::deletionNotSupported);
        }
    }

    private void register(Context ctx) throws IOException {
        int id = store.register(subject(ctx), body(ctx, RegisterSchemaRequest.class));
        answer(ctx, new RegisterSchemaResponse(id));
    }

    private void lookup(Context ctx) throws IOException {
        answer(ctx, describe(store.lookup(subject(ctx), body(ctx, RegisterSchemaRequest.class))));
    }

    private void checkCompatibility(Context ctx, Optional<VersionId> version) throws IOException {
        boolean verbose = Boolean.parseBoolean(ctx.queryParam("verbose"));
        List<String> problems = store.incompatibilities(subject(ctx), version, body(ctx, RegisterSchemaRequest.class));
        answer(ctx, new CompatibilityCheckResponse(problems.isEmpty(), verbose ? problems : null));
    }

    private StoredSchema version(Context ctx) {
        return store.version(subject(ctx), VersionId.parse(ctx.pathParam("version")));
    }

    /** The level a PUT /config asks for; null (refused as 42203) when the body names none. */
    private String level(Context ctx) {
        ConfigUpdateRequest request = body(ctx, ConfigUpdateRequest.class);
        return request == null ? null : request.compatibility();
    }

    private static SubjectSchemaResponse describe(StoredSchema stored) {
        return new SubjectSchemaResponse(stored.subject(), stored.version(), stored.id(), null, stored.schema().text());
    }

    private static String subject(Context ctx) {
        return ctx.pathParam("subject");
    }

    private static int id(Context ctx) {
        String text = ctx.pathParam("id");
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw RegistryException.badRequest("Schema id must be a number, not '" + text + "'");
        }
    }

    private <T> T body(Context ctx, Class<T> type) {
        byte[] bytes = ctx.bodyAsBytes();
        if (bytes.length == 0) {
            return null;
        }
        try {
            return json.readValue(bytes, type);
        } catch (JsonProcessingException e) {
            throw RegistryException.badRequest("Request body is not the expected JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw RegistryException.badRequest("Cannot read the request body: " + e.getMessage());
        }
    }

    private void answer(Context ctx, Object body) throws JsonProcessingException {
        ctx.contentType(RegistryMediaTypes.V1_JSON).result(json.writeValueAsBytes(body));
    }
}

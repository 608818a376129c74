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
import org.pfptracker.http.access.AccessControl;
import org.pfptracker.http.access.AccessRule;
import org.pfptracker.http.access.Role;
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
 *
 * <p>As in Confluent's API, reads leave soft-deleted versions out unless asked with
 * {@code ?deleted=true}, and deletes are soft unless asked with {@code ?permanent=true}.
 */
final class RegistryRoutes {

    private final SchemaStore store;
    private final AccessControl access;
    private final ObjectMapper json = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    RegistryRoutes(SchemaStore store, AccessControl access) {
        this.store = store;
        this.access = access;
    }

    void addTo(RoutesConfig routes) {
        // Reads (lookups and compatibility checks included) need any valid identity; only an administrator
        // changes what the registry holds. The root answers probes and holds nothing.
        AccessRule read = AccessRule.anyIdentity();
        AccessRule admin = AccessRule.anyOf(Role.REGISTRY_ADMIN);
        AccessRule probe = AccessRule.open("Confluent's clients and probes call the root; it answers {}");
        routes.get("/", access.guard(probe, ctx -> answer(ctx, Map.of())));
        routes.get("/schemas/types", access.guard(read, ctx -> answer(ctx, List.of("AVRO"))));

        routes.get("/subjects", access.guard(read, ctx -> answer(ctx, store.subjects(deleted(ctx)))));
        routes.post("/subjects/{subject}/versions", access.guard(admin, this::register));
        routes.post("/subjects/{subject}", access.guard(read, this::lookup));
        routes.get("/subjects/{subject}/versions", access.guard(read, ctx -> answer(ctx,
                store.versions(subject(ctx), deleted(ctx)).stream().map(StoredSchema::version).toList())));
        routes.get("/subjects/{subject}/versions/{version}", access.guard(read, ctx -> answer(ctx, describe(version(ctx)))));
        routes.get("/subjects/{subject}/versions/{version}/schema", access.guard(read, ctx -> ctx
                .contentType(RegistryMediaTypes.V1_JSON)
                .result(version(ctx).schema().text())));
        routes.delete("/subjects/{subject}/versions/{version}", access.guard(admin, ctx -> answer(ctx,
                store.deleteVersion(subject(ctx), VersionId.parse(ctx.pathParam("version")), permanent(ctx)))));
        routes.delete("/subjects/{subject}", access.guard(admin, ctx -> answer(ctx, store.deleteSubject(subject(ctx), permanent(ctx)))));

        routes.get("/schemas/ids/{id}", access.guard(read, ctx -> answer(ctx,
                new SchemaByIdResponse(null, store.schemaById(id(ctx)).text()))));
        routes.get("/schemas/ids/{id}/schema", access.guard(read, ctx -> ctx
                .contentType(RegistryMediaTypes.V1_JSON)
                .result(store.schemaById(id(ctx)).text())));
        routes.get("/schemas/ids/{id}/versions", access.guard(read, ctx -> answer(ctx, store.holdersOf(id(ctx), deleted(ctx)).stream()
                .map(stored -> new SubjectVersionResponse(stored.subject(), stored.version()))
                .toList())));
        routes.get("/schemas/ids/{id}/subjects", access.guard(read, ctx -> answer(ctx, store.holdersOf(id(ctx), deleted(ctx)).stream()
                .map(StoredSchema::subject)
                .distinct()
                .toList())));

        routes.post("/compatibility/subjects/{subject}/versions/{version}", access.guard(read, ctx ->
                checkCompatibility(ctx, Optional.of(VersionId.parse(ctx.pathParam("version"))))));
        routes.post("/compatibility/subjects/{subject}/versions", access.guard(read, ctx -> checkCompatibility(ctx, Optional.empty())));

        routes.get("/config", access.guard(read, ctx -> answer(ctx, new ConfigResponse(store.globalLevel().name()))));
        routes.put("/config", access.guard(admin, ctx -> answer(ctx, new ConfigUpdateRequest(store.updateGlobalLevel(level(ctx)).name()))));
        routes.get("/config/{subject}", access.guard(read, ctx -> answer(ctx, new ConfigResponse(store.subjectLevel(subject(ctx),
                Boolean.parseBoolean(ctx.queryParam("defaultToGlobal"))).name()))));
        routes.put("/config/{subject}", access.guard(admin, ctx -> answer(ctx,
                new ConfigUpdateRequest(store.updateSubjectLevel(subject(ctx), level(ctx)).name()))));

        // A level is changed with PUT, never removed: removing a subject's level would silently hand it
        // to the global one.
        for (String path : List.of("/config", "/config/{subject}")) {
            routes.delete(path, access.guard(admin, RegistryErrorHandling::configDeletionNotSupported));
        }
    }

    private void register(Context ctx) throws IOException {
        int id = store.register(subject(ctx), body(ctx, RegisterSchemaRequest.class));
        answer(ctx, new RegisterSchemaResponse(id));
    }

    private void lookup(Context ctx) throws IOException {
        answer(ctx, describe(store.lookup(subject(ctx), body(ctx, RegisterSchemaRequest.class), deleted(ctx))));
    }

    private void checkCompatibility(Context ctx, Optional<VersionId> version) throws IOException {
        boolean verbose = Boolean.parseBoolean(ctx.queryParam("verbose"));
        List<String> problems = store.incompatibilities(subject(ctx), version, body(ctx, RegisterSchemaRequest.class));
        answer(ctx, new CompatibilityCheckResponse(problems.isEmpty(), verbose ? problems : null));
    }

    private StoredSchema version(Context ctx) {
        return store.version(subject(ctx), VersionId.parse(ctx.pathParam("version")), deleted(ctx));
    }

    /** {@code ?deleted=true}: soft-deleted versions count too. */
    private static boolean deleted(Context ctx) {
        return Boolean.parseBoolean(ctx.queryParam("deleted"));
    }

    /** {@code ?permanent=true}: the second step of a deletion. */
    private static boolean permanent(Context ctx) {
        return Boolean.parseBoolean(ctx.queryParam("permanent"));
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

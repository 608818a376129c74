package org.pfptracker.registry.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.pfptracker.registry.support.ScriptedHttpServer.Answer;
import org.pfptracker.registry.support.ScriptedHttpServer.Request;

/**
 * Enough of a secured schema registry for the serdes, answering as ours does: every call needs a known
 * {@code Authorization} header (else 401, error code 40101, with an RFC 6750 challenge), and a write
 * needs the admin role (else 403, error code 40301). Registers schemas and gives them back by id.
 */
public final class FakeRegistry implements Function<Request, Answer> {

    /** What a known identity may do. */
    public enum Role { READER, ADMIN }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Role> roleByAuthorization;
    private final Map<String, Integer> idBySchema = new ConcurrentHashMap<>();
    private final Map<Integer, String> schemaById = new ConcurrentHashMap<>();

    /**
     * @param roleByAuthorization the Authorization header values the registry accepts, e.g.
     *                            {@code "Bearer abc" -> ADMIN}
     */
    public FakeRegistry(Map<String, Role> roleByAuthorization) {
        this.roleByAuthorization = Map.copyOf(roleByAuthorization);
    }

    @Override
    public Answer apply(Request request) {
        String authorization = request.authorization();
        if (authorization == null) {
            return Answer.json(401, "{\"error_code\":40101,\"message\":\"this call needs credentials\"}")
                    .withHeader("WWW-Authenticate", "Bearer realm=\"pfp-registry\"");
        }
        Role role = roleByAuthorization.get(authorization);
        if (role == null) {
            return Answer.json(401, "{\"error_code\":40101,\"message\":\"the credentials were refused\"}")
                    .withHeader("WWW-Authenticate", "Bearer realm=\"pfp-registry\", error=\"invalid_token\", "
                            + "error_description=\"unknown or expired\"");
        }
        boolean write = request.method().equals("PUT") || request.method().equals("DELETE")
                || request.method().equals("POST") && request.path().endsWith("/versions");
        if (write && role != Role.ADMIN) {
            return Answer.json(403, "{\"error_code\":40301,\"message\":\"this call needs the registry-admin role\"}")
                    .withHeader("WWW-Authenticate", "Bearer realm=\"pfp-registry\", error=\"insufficient_scope\"");
        }
        return answer(request);
    }

    private Answer answer(Request request) {
        List<String> path = List.of(request.path().substring(1).split("/"));
        if (request.method().equals("POST") && path.get(0).equals("subjects")) {
            String schema = schemaOf(request.body());
            Integer known = idBySchema.get(schema);
            if (path.size() == 3) {
                int id = idBySchema.computeIfAbsent(schema, text -> idBySchema.size() + 1);
                schemaById.put(id, schema);
                return Answer.json(200, "{\"id\":" + id + "}");
            }
            return known == null
                    ? Answer.json(404, "{\"error_code\":40403,\"message\":\"Schema not found\"}")
                    : Answer.json(200, json(Map.of("subject", path.get(1), "version", 1, "id", known, "schema", schema)));
        }
        if (request.method().equals("GET") && request.path().startsWith("/schemas/ids/")) {
            String schema = schemaById.get(Integer.parseInt(path.get(2)));
            return schema == null
                    ? Answer.json(404, "{\"error_code\":40403,\"message\":\"Schema not found\"}")
                    : Answer.json(200, json(Map.of("schema", schema)));
        }
        if (request.method().equals("GET") && request.path().equals("/subjects")) {
            return Answer.json(200, "[]");
        }
        return Answer.json(404, "{\"error_code\":404,\"message\":\"HTTP 404 Not Found\"}");
    }

    private static String schemaOf(String body) {
        try {
            return JSON.readTree(body).get("schema").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

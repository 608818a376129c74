package org.pfptracker.registry.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;
import org.pfptracker.registry.client.auth.RegistryCredentials;
import org.pfptracker.registry.client.auth.internals.RequestAuthorizer;
import org.pfptracker.registry.client.auth.internals.RequestAuthorizers;
import org.pfptracker.registry.client.auth.internals.Secrets;
import org.pfptracker.registry.client.protocol.CompatibilityCheckResponse;
import org.pfptracker.registry.client.protocol.ConfigResponse;
import org.pfptracker.registry.client.protocol.ConfigUpdateRequest;
import org.pfptracker.registry.client.protocol.ErrorResponse;
import org.pfptracker.registry.client.protocol.RegisterSchemaRequest;
import org.pfptracker.registry.client.protocol.RegisterSchemaResponse;
import org.pfptracker.registry.client.protocol.RegistryMediaTypes;
import org.pfptracker.registry.client.protocol.SchemaByIdResponse;
import org.pfptracker.registry.client.protocol.SubjectSchemaResponse;
import org.pfptracker.registry.client.protocol.SubjectVersionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link SchemaRegistryClient} over HTTP, on the JDK's {@link HttpClient} and Jackson.
 *
 * <p>With several base URLs, each request goes first to the instance that answered last and moves
 * to the next one only when an instance cannot be reached or answers 5xx; a 4xx answer is the
 * registry's verdict and is not asked again elsewhere. Writes may be repeated safely this way:
 * registering the same schema twice gives the same id.
 *
 * <p>Every request carries the {@code Authorization} header of the configured
 * {@link SchemaRegistryClientConfig#credentials() credentials}: Basic, a static bearer token, or an
 * OAuth token fetched from the token endpoint and renewed before it expires. A 401 becomes a
 * {@link RegistryAuthenticationException} and a 403 a {@link RegistryAuthorizationException}, with the
 * server's reason and challenge; no secret ever reaches a message, a log line or {@link #toString()}.
 *
 * <p>Caches, unbounded because a registry holds few schemas and they never change: id to schema
 * text and parsed schema; (subject, schema text) to id and to the looked-up version. Only a deletion
 * changes what a subject holds; a deletion through this client drops the subject's entries.
 */
public final class HttpSchemaRegistryClient implements SchemaRegistryClient {

    private static final Logger log = LoggerFactory.getLogger(HttpSchemaRegistryClient.class);
    private static final int MAX_ERROR_BODY_IN_MESSAGE = 300;

    private final SchemaRegistryClientConfig config;
    private final HttpClient http;
    private final RequestAuthorizer authorizer;
    private final ObjectMapper json = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private final AtomicInteger preferredUrl = new AtomicInteger();

    private final Map<Integer, String> textById = new ConcurrentHashMap<>();
    private final Map<Integer, Schema> avroById = new ConcurrentHashMap<>();
    private final Map<SubjectAndSchema, Integer> idBySubjectAndSchema = new ConcurrentHashMap<>();
    private final Map<SubjectAndSchema, RegisteredSchema> lookups = new ConcurrentHashMap<>();

    /** A client of the registry instances named in the configuration. */
    public HttpSchemaRegistryClient(SchemaRegistryClientConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.http = HttpClient.newBuilder()
                .connectTimeout(config.connectTimeout())
                // The JDK's client repeats every header on a redirect, to another host too: credentials
                // would go wherever a registry, a proxy or an attacker points. With credentials, a
                // redirect is reported instead (see errorOf).
                .followRedirects(config.credentials().equals(RegistryCredentials.none())
                        ? HttpClient.Redirect.NORMAL : HttpClient.Redirect.NEVER)
                .build();
        this.authorizer = RequestAuthorizers.of(config.credentials(), http, config.requestTimeout());
    }

    /**
     * A client with default timeouts.
     *
     * @param commaSeparatedUrls e.g. {@code http://127.0.0.1:8081}
     */
    public static HttpSchemaRegistryClient forUrls(String commaSeparatedUrls) {
        return new HttpSchemaRegistryClient(SchemaRegistryClientConfig.of(commaSeparatedUrls));
    }

    /**
     * A client with default timeouts that authenticates with the given credentials, e.g.
     * {@code forUrls("https://registry:8081", RegistryCredentials.bearerToken(jwt))}.
     *
     * @param commaSeparatedUrls e.g. {@code https://registry-1:8081,https://registry-2:8081}
     */
    public static HttpSchemaRegistryClient forUrls(String commaSeparatedUrls, RegistryCredentials credentials) {
        return new HttpSchemaRegistryClient(SchemaRegistryClientConfig.of(commaSeparatedUrls).withCredentials(credentials));
    }

    /**
     * A client configured from a Kafka client's configuration map with Confluent's keys
     * ({@code schema.registry.url} and the authentication keys); see
     * {@link SchemaRegistryClientConfig#fromConfigs(Map)}.
     *
     * @throws org.apache.kafka.common.config.ConfigException when the configuration is incomplete or contradictory
     */
    public static HttpSchemaRegistryClient fromConfigs(Map<String, ?> configs) {
        return new HttpSchemaRegistryClient(SchemaRegistryClientConfig.fromConfigs(configs));
    }

    /** The base URLs this client tries, in order, without user info. */
    public List<URI> baseUrls() {
        return config.baseUrls();
    }

    @Override
    public int register(String subject, String schema) {
        requireText(subject, "subject");
        requireText(schema, "schema");
        return cached(idBySubjectAndSchema, new SubjectAndSchema(subject, schema), () -> {
            RegisterSchemaResponse response = send("POST", "/subjects/" + encode(subject) + "/versions",
                    RegisterSchemaRequest.avro(schema), new TypeReference<RegisterSchemaResponse>() { });
            return response.id();
        });
    }

    @Override
    public int register(String subject, Schema schema) {
        int id = register(subject, schema.toString());
        // The registry stores the same canonical JSON that Schema.toString() writes, so the caller's
        // parsed schema can stand for the id without a round trip on the first read.
        avroById.putIfAbsent(id, schema);
        return id;
    }

    @Override
    public RegisteredSchema lookup(String subject, String schema) {
        requireText(subject, "subject");
        requireText(schema, "schema");
        return cached(lookups, new SubjectAndSchema(subject, schema), () -> toRegistered(
                send("POST", "/subjects/" + encode(subject), RegisterSchemaRequest.avro(schema),
                        new TypeReference<SubjectSchemaResponse>() { })));
    }

    @Override
    public String schemaById(int id) {
        return cached(textById, id, () -> {
            SchemaByIdResponse response = send("GET", "/schemas/ids/" + id, null,
                    new TypeReference<SchemaByIdResponse>() { });
            if (response.schemaType() != null && !"AVRO".equalsIgnoreCase(response.schemaType())) {
                throw new InvalidSchemaException("Schema " + id + " is of type " + response.schemaType()
                        + "; only Avro schemas are supported", 200, RegistryErrorCodes.INVALID_SCHEMA);
            }
            return response.schema();
        });
    }

    @Override
    public Schema avroSchemaById(int id) {
        return cached(avroById, id, () -> {
            String text = schemaById(id);
            try {
                return new Schema.Parser().parse(text);
            } catch (SchemaParseException e) {
                throw new InvalidSchemaException("Schema " + id + " from the registry is not a valid Avro schema: "
                        + e.getMessage(), 200, RegistryErrorCodes.INVALID_SCHEMA);
            }
        });
    }

    @Override
    public RegisteredSchema latestVersion(String subject) {
        requireText(subject, "subject");
        return toRegistered(send("GET", "/subjects/" + encode(subject) + "/versions/latest", null,
                new TypeReference<SubjectSchemaResponse>() { }));
    }

    @Override
    public RegisteredSchema version(String subject, int version) {
        requireText(subject, "subject");
        return toRegistered(send("GET", "/subjects/" + encode(subject) + "/versions/" + version, null,
                new TypeReference<SubjectSchemaResponse>() { }));
    }

    @Override
    public List<String> subjects() {
        return List.copyOf(send("GET", "/subjects", null, new TypeReference<List<String>>() { }));
    }

    @Override
    public List<Integer> versions(String subject) {
        requireText(subject, "subject");
        return List.copyOf(send("GET", "/subjects/" + encode(subject) + "/versions", null,
                new TypeReference<List<Integer>>() { }));
    }

    @Override
    public List<SubjectVersion> subjectVersionsById(int id) {
        return send("GET", "/schemas/ids/" + id + "/versions", null,
                new TypeReference<List<SubjectVersionResponse>>() { })
                .stream()
                .map(pair -> new SubjectVersion(pair.subject(), pair.version()))
                .toList();
    }

    @Override
    public CompatibilityCheck checkCompatibility(String subject, String schema, boolean verbose) {
        requireText(subject, "subject");
        requireText(schema, "schema");
        String path = "/compatibility/subjects/" + encode(subject) + "/versions/latest" + (verbose ? "?verbose=true" : "");
        CompatibilityCheckResponse response = send("POST", path, RegisterSchemaRequest.avro(schema),
                new TypeReference<CompatibilityCheckResponse>() { });
        return new CompatibilityCheck(response.isCompatible(), response.messages());
    }

    @Override
    public CompatibilityLevel globalCompatibility() {
        return levelOf(send("GET", "/config", null, new TypeReference<JsonNode>() { }), "/config");
    }

    @Override
    public CompatibilityLevel updateGlobalCompatibility(CompatibilityLevel level) {
        Objects.requireNonNull(level, "level");
        return levelOf(send("PUT", "/config", new ConfigUpdateRequest(level.name()),
                new TypeReference<JsonNode>() { }), "/config");
    }

    @Override
    public Optional<CompatibilityLevel> subjectCompatibility(String subject) {
        requireText(subject, "subject");
        String path = "/config/" + encode(subject);
        try {
            return Optional.of(levelOf(send("GET", path, null, new TypeReference<JsonNode>() { }), path));
        } catch (SchemaRegistryException e) {
            // Recent Confluent servers answer 40408 for a subject without a level of its own; older
            // ones, and some compatible registries, answer 40401 for the same question.
            if (e.httpStatus() == 404 && (e.errorCode() == RegistryErrorCodes.SUBJECT_COMPATIBILITY_NOT_CONFIGURED
                    || e.errorCode() == RegistryErrorCodes.SUBJECT_NOT_FOUND)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public CompatibilityLevel updateSubjectCompatibility(String subject, CompatibilityLevel level) {
        requireText(subject, "subject");
        Objects.requireNonNull(level, "level");
        String path = "/config/" + encode(subject);
        return levelOf(send("PUT", path, new ConfigUpdateRequest(level.name()), new TypeReference<JsonNode>() { }), path);
    }

    @Override
    public int deleteSubjectVersion(String subject, int version, boolean permanent) {
        requireText(subject, "subject");
        int deleted = send("DELETE", "/subjects/" + encode(subject) + "/versions/" + version + permanentQuery(permanent),
                null, new TypeReference<Integer>() { });
        forgetSubject(subject);
        return deleted;
    }

    @Override
    public List<Integer> deleteSubject(String subject, boolean permanent) {
        requireText(subject, "subject");
        List<Integer> deleted = send("DELETE", "/subjects/" + encode(subject) + permanentQuery(permanent), null,
                new TypeReference<List<Integer>>() { });
        forgetSubject(subject);
        return List.copyOf(deleted);
    }

    @Override
    public void close() {
        // The JDK client has no close() before Java 21; its threads end when it is unreachable.
        textById.clear();
        avroById.clear();
        idBySubjectAndSchema.clear();
        lookups.clear();
    }

    @Override
    public String toString() {
        return "HttpSchemaRegistryClient" + config.baseUrls() + " with " + authorizer.description();
    }

    /**
     * Reads through a cache without holding a map lock during the HTTP call: two threads may both
     * ask the registry the first time, and get the same answer.
     */
    private static <K, V> V cached(Map<K, V> cache, K key, Supplier<V> load) {
        V known = cache.get(key);
        if (known != null) {
            return known;
        }
        V loaded = load.get();
        V raced = cache.putIfAbsent(key, loaded);
        return raced == null ? loaded : raced;
    }

    private <T> T send(String method, String pathAndQuery, Object body, TypeReference<T> answerType) {
        byte[] payload = body == null ? null : toJson(body);
        List<URI> urls = config.baseUrls();
        int first = preferredUrl.get();
        RetriableSchemaRegistryException lastFailure = null;
        for (int attempt = 0; attempt < urls.size(); attempt++) {
            int index = (first + attempt) % urls.size();
            URI uri = URI.create(urls.get(index) + pathAndQuery);
            try {
                HttpResponse<byte[]> response = http.send(request(method, uri, urls.get(index), payload),
                        HttpResponse.BodyHandlers.ofByteArray());
                if (response.statusCode() / 100 == 2) {
                    preferredUrl.set(index);
                    return json.readValue(response.body(), answerType);
                }
                SchemaRegistryException refusal = errorOf(method, uri, response);
                if (!(refusal instanceof RetriableSchemaRegistryException retriable)) {
                    preferredUrl.set(index);
                    throw refusal;
                }
                lastFailure = retriable;
            } catch (IOException e) {
                lastFailure = new RetriableSchemaRegistryException(authorizer.redact(
                        "Schema registry at " + urls.get(index) + " cannot be reached: " + e), -1, -1, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RetriableSchemaRegistryException(
                        "Interrupted while calling the schema registry at " + urls.get(index), -1, -1, e);
            }
            if (attempt + 1 < urls.size()) {
                log.warn("{} {} failed ({}); trying the next schema registry URL", method, uri, lastFailure.getMessage());
            }
        }
        throw lastFailure;
    }

    private HttpRequest request(String method, URI uri, URI baseUrl, byte[] payload) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(config.requestTimeout())
                .header("Accept", RegistryMediaTypes.ACCEPT);
        authorizer.authorization(baseUrl).ifPresent(authorization -> builder.header("Authorization", authorization));
        if (payload == null) {
            return builder.method(method, HttpRequest.BodyPublishers.noBody()).build();
        }
        return builder.header("Content-Type", RegistryMediaTypes.V1_JSON)
                .method(method, HttpRequest.BodyPublishers.ofByteArray(payload))
                .build();
    }

    private SchemaRegistryException errorOf(String method, URI uri, HttpResponse<byte[]> response) {
        int status = response.statusCode();
        ErrorResponse error = parseError(response.body());
        int errorCode = error == null ? status : error.errorCode();
        String reason;
        if (status == 401 || status == 403) {
            reason = refusedCredentials(method, uri, response, error);
        } else if (error != null) {
            reason = error.message();
        } else if (status / 100 == 3) {
            reason = "HTTP " + status + " from " + method + " " + uri + ": the registry redirects to "
                    + response.headers().firstValue("Location").map(Secrets::configuredUrl).orElse("(no Location)")
                    + "; a client that sends credentials follows no redirect, so that they go nowhere else: "
                    + "configure the URL it redirects to";
        } else {
            // Not a registry's JSON error: a proxy, a load balancer or a wrong URL answered.
            String body = bodyText(response.body());
            reason = "HTTP " + status + " from " + method + " " + uri + (body.isEmpty() ? "" : ": " + body);
        }
        // A server may quote what it was sent; no secret leaves through an exception.
        SchemaRegistryException refusal = RegistryErrorMapper.toException(status, errorCode, authorizer.redact(reason));
        if (status == 401) {
            authorizer.refused();
        }
        return refusal;
    }

    /**
     * The message of a 401 or 403: the call, the server's reason, its {@code WWW-Authenticate}
     * challenge (RFC 6750 puts the precise error there), and what kind of credentials were sent.
     */
    private String refusedCredentials(String method, URI uri, HttpResponse<byte[]> response, ErrorResponse error) {
        int status = response.statusCode();
        String reason = error != null ? error.message() : bodyText(response.body());
        String challenge = String.join(", ", response.headers().allValues("WWW-Authenticate"));
        return (status == 401 ? "The schema registry did not accept the credentials for " : "The schema registry denied ")
                + method + " " + uri + " (HTTP " + status + (error == null ? "" : ", error code " + error.errorCode()) + ")"
                + (reason.isEmpty() ? "" : ": " + reason)
                + (challenge.isEmpty() ? "" : "; WWW-Authenticate: " + challenge)
                + "; the client sent " + authorizer.description();
    }

    private static String bodyText(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8).strip();
        return text.length() > MAX_ERROR_BODY_IN_MESSAGE ? text.substring(0, MAX_ERROR_BODY_IN_MESSAGE) + "..." : text;
    }

    private ErrorResponse parseError(byte[] body) {
        try {
            ErrorResponse error = json.readValue(body, ErrorResponse.class);
            return error.errorCode() == 0 || error.message() == null ? null : error;
        } catch (IOException e) {
            return null;
        }
    }

    private byte[] toJson(Object body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write request body " + body, e);
        }
    }

    /**
     * After a deletion the subject's (schema -> id, version) answers are no longer the registry's:
     * registering the schema again makes a new version. Ids by themselves stay cached: an id never
     * names another schema.
     */
    private void forgetSubject(String subject) {
        idBySubjectAndSchema.keySet().removeIf(key -> key.subject().equals(subject));
        lookups.keySet().removeIf(key -> key.subject().equals(subject));
    }

    private static String permanentQuery(boolean permanent) {
        return permanent ? "?permanent=true" : "";
    }

    private static CompatibilityLevel levelOf(JsonNode answer, String path) {
        // GET answers {"compatibilityLevel": ...} and PUT answers {"compatibility": ...}.
        JsonNode level = answer.hasNonNull("compatibilityLevel") ? answer.get("compatibilityLevel") : answer.get("compatibility");
        String text = level == null ? null : level.asText();
        return CompatibilityLevel.parse(text).orElseThrow(() -> new SchemaRegistryException(
                "Unknown compatibility level in the answer to " + path + ": " + answer, 200, -1, null));
    }

    private static RegisteredSchema toRegistered(SubjectSchemaResponse response) {
        return new RegisteredSchema(response.subject(), response.version(), response.id(), response.schema());
    }

    /** Subject names go into the path: a space, a slash or a colon must not change the route. */
    static String encode(String subject) {
        return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }

    private record SubjectAndSchema(String subject, String schema) {
    }
}

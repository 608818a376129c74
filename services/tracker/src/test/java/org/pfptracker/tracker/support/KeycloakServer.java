package org.pfptracker.tracker.support;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Keycloak, run as a child process from the Quarkus distribution the build unpacks
 * ({@code org.keycloak:keycloak-quarkus-dist:<version>:zip}, from Maven Central), in dev mode on a loopback
 * port of its own, with one realm: confidential clients that get tokens through the client-credentials
 * grant, each with claims hard-coded by protocol mappers, and, for browser tests, people who sign in on
 * Keycloak's own login page through a public client with the authorization code flow and PKCE, their
 * claims mapped from their realm roles and attributes. A test says exactly what a token carries and
 * Keycloak signs it as it signs any token in the field.
 *
 * <p>The distribution's folder is Keycloak's home: its {@code data/} (the H2 database) and the Quarkus
 * build of {@code lib/quarkus/} stay there between runs, which is what makes a second start fast. The realm
 * is imported once ({@code --import-realm} skips a realm that exists); when the realm a test asks for
 * differs from the one imported before, the database is dropped and the realm imported afresh.
 *
 * <p>Keycloak is stopped by {@link #close()}, and by a shutdown hook should the test JVM end first: its whole
 * process tree ({@code kc.sh} runs {@code java} as a child). A Keycloak left running by a test JVM that was
 * killed outright is stopped by the next start from the same home.
 */
public final class KeycloakServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KeycloakServer.class);
    // Sorted keys: the same realm always gives the same file, so "the realm changed" means just that.
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(SerializationFeature.INDENT_OUTPUT);
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final Duration STOP_PATIENCE = Duration.ofSeconds(20);

    /**
     * A confidential client of the realm that gets tokens through the client-credentials grant.
     *
     * @param clientId the client's id, which Keycloak puts in {@code azp}
     * @param claims claims every token of the client carries: a string, or a list of strings
     * @param audience the audience added to {@code aud}, or {@code null} for none (Keycloak then names only
     *     its own {@code account} client)
     */
    public record Client(String clientId, Map<String, Object> claims, String audience) {

        public Client {
            Objects.requireNonNull(clientId, "clientId");
            claims = new TreeMap<>(claims);
        }

        /** A fixed secret: the instance listens on loopback only, and the realm is kept between runs. */
        String secret() {
            return clientId + "-secret";
        }
    }

    /**
     * A public client that signs people in from a browser: the authorization code flow with PKCE (S256
     * required), no secret. Its redirect URI names {@code http://127.0.0.1} without a port: Keycloak then
     * accepts any loopback port (RFC 8252, 7.3), so a tracker on a port picked afresh each run needs no new
     * realm, which would cost a database and a slower start.
     *
     * @param clientId the client's id, which Keycloak puts in {@code azp}
     * @param redirectPath the path the browser comes back to on the loopback host, e.g. {@code /signin}
     * @param rolesClaim the claim the person's realm roles go in, as a list
     * @param attributeClaims claims taken from the person's attribute of the same name
     * @param audience the audience added to {@code aud}
     */
    public record BrowserClient(String clientId, String redirectPath, String rolesClaim, List<String> attributeClaims,
                                String audience) {

        public BrowserClient {
            Objects.requireNonNull(clientId, "clientId");
            Objects.requireNonNull(redirectPath, "redirectPath");
            Objects.requireNonNull(rolesClaim, "rolesClaim");
            Objects.requireNonNull(audience, "audience");
            attributeClaims = List.copyOf(attributeClaims);
        }
    }

    /**
     * A person of the realm, who signs in with a password on Keycloak's login page.
     *
     * @param username what they type as their user name
     * @param password their password (fixed: the instance listens on loopback only)
     * @param realmRoles realm roles granted to them (created in the realm)
     * @param attributes their attributes, one value each, which a {@link BrowserClient} maps into claims
     */
    public record Person(String username, String password, List<String> realmRoles, Map<String, String> attributes) {

        public Person {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(password, "password");
            realmRoles = List.copyOf(realmRoles);
            attributes = new TreeMap<>(attributes);
        }
    }

    /**
     * What the realm holds.
     *
     * @param name the realm's name, the last segment of its URL
     * @param clients confidential clients, for {@link #token(String)}
     * @param browserClients public clients people sign in through
     * @param people the people who sign in
     */
    public record Realm(String name, List<Client> clients, List<BrowserClient> browserClients, List<Person> people) {

        public Realm {
            Objects.requireNonNull(name, "name");
            clients = List.copyOf(clients);
            browserClients = List.copyOf(browserClients);
            people = List.copyOf(people);
        }
    }

    private final Process process;
    private final URI realmUrl;
    private final Map<String, Client> clients;
    private final Path logFile;
    private final Path pidFile;
    private final Thread stopAtExit;

    private KeycloakServer(Process process, URI realmUrl, List<Client> clients, Path logFile, Path pidFile) {
        this.process = process;
        this.realmUrl = realmUrl;
        this.clients = new LinkedHashMap<>();
        clients.forEach(client -> this.clients.put(client.clientId(), client));
        this.logFile = logFile;
        this.pidFile = pidFile;
        this.stopAtExit = new Thread(this::stop, "stop-keycloak");
        Runtime.getRuntime().addShutdownHook(stopAtExit);
    }

    /**
     * Starts Keycloak from its distribution with one realm, and waits until the realm answers.
     *
     * @param home the unpacked distribution ({@code bin/kc.sh} in it)
     * @param javaHome a JDK 21+ to run it on (see {@link #jdk21OrLater()})
     * @param realm the realm's name
     * @param clients the realm's clients
     * @param patience how long to wait for the realm to answer
     */
    public static KeycloakServer start(Path home, Path javaHome, String realm, List<Client> clients, Duration patience)
            throws IOException {
        return start(home, javaHome, new Realm(realm, clients, List.of(), List.of()), patience);
    }

    /**
     * Starts Keycloak from its distribution with one realm, and waits until the realm answers.
     *
     * @param home the unpacked distribution ({@code bin/kc.sh} in it)
     * @param javaHome a JDK 21+ to run it on (see {@link #jdk21OrLater()})
     * @param realm what the realm holds
     * @param patience how long to wait for the realm to answer
     */
    public static KeycloakServer start(Path home, Path javaHome, Realm realm, Duration patience) throws IOException {
        List<Client> clients = realm.clients();
        Path pidFile = home.resolve("keycloak.pid");
        stopLeftOver(pidFile);
        importOnce(home, realm);

        int port = freePort();
        Path logFile = home.resolve("keycloak.log");
        ProcessBuilder builder = new ProcessBuilder("/bin/sh", "bin/kc.sh", "start-dev", "--http-host=127.0.0.1",
                "--http-port=" + port, "--import-realm")
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(logFile.toFile());
        Map<String, String> environment = builder.environment();
        // kc.sh runs $JAVA before $JAVA_HOME/bin/java, and KC_* variables would configure the server.
        environment.remove("JAVA");
        environment.remove("JAVA_OPTS");
        environment.keySet().removeIf(name -> name.startsWith("KC_"));
        environment.put("JAVA_HOME", javaHome.toString());
        // The client compiler only: a test's Keycloak lives for seconds, and on two cores C2's compiler threads
        // slow its start by a third or more (first start 48-62 s without, 32-35 s with; later ones 13 s and 8 s).
        environment.put("JAVA_OPTS_APPEND", "-XX:TieredStopAtLevel=1");

        long started = System.nanoTime();
        KeycloakServer server = new KeycloakServer(builder.start(), URI.create("http://127.0.0.1:" + port + "/realms/"
                + realm.name()), clients, logFile, pidFile);
        try {
            Files.writeString(pidFile, Long.toString(server.process.pid()));
            server.awaitRealm(patience);
        } catch (IOException | RuntimeException | Error e) {
            server.close();
            throw e;
        }
        log.info("Keycloak ready in {} ms at {} (log: {})",
                Duration.ofNanos(System.nanoTime() - started).toMillis(), server.realmUrl, logFile);
        return server;
    }

    /** The realm's URL: the issuer ({@code iss}) of its tokens. */
    public URI realmUrl() {
        return realmUrl;
    }

    /** A fresh access token for the client, through the client-credentials grant at the realm's token endpoint. */
    public String token(String clientId) {
        Client client = clients.get(clientId);
        if (client == null) {
            throw new IllegalArgumentException("no client '" + clientId + "' in the realm: " + clients.keySet());
        }
        String form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(clientId, UTF_8)
                + "&client_secret=" + URLEncoder.encode(client.secret(), UTF_8);
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(realmUrl + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("Keycloak refused a token to " + clientId + ": " + answer.statusCode() + " "
                    + answer.body());
        }
        try {
            return JSON.readTree(answer.body()).path("access_token").asText();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Keycloak's token answer is not JSON: " + answer.body(), e);
        }
    }

    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(stopAtExit);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running or about to: it stops nothing more.
        }
    }

    /**
     * The distribution the build unpacked ({@code pfp.keycloak.home}) and a JDK 21+ to run it on; the calling
     * test is skipped, saying why and what to do, when there is no such JDK or the test runs outside Maven.
     */
    public static Installation installationOrSkip() throws IOException {
        String version = System.getProperty("pfp.keycloak.version", "(version unknown)");
        String configuredHome = System.getProperty("pfp.keycloak.home");
        assumeTrue(configuredHome != null, "pfp.keycloak.home is not set: run this test through Maven (mvn verify),"
                + " which unpacks Keycloak's distribution from Maven Central first");
        Path home = Path.of(configuredHome);
        assertThat(home.resolve("bin/kc.sh")).as("Keycloak " + version + " unpacked by the build").isRegularFile();
        Optional<Path> jdk = jdk21OrLater();
        String named = System.getProperty("pfp.keycloak.java.home");
        assumeTrue(jdk.isPresent(), (named != null ? "-Dpfp.keycloak.java.home=" + named + " names no JDK"
                : "No Java 21+ found under /usr/lib/jvm, and this JVM is Java " + Runtime.version().feature())
                + ": Keycloak " + version + " needs Java 21 and cannot run without one. Skipping the checks"
                + " against Keycloak; install a JDK 21+ or name one with -Dpfp.keycloak.java.home=/path/to/jdk");
        return new Installation(home, jdk.get());
    }

    /**
     * Where Keycloak runs from.
     *
     * @param home the unpacked distribution ({@code bin/kc.sh} in it)
     * @param javaHome a JDK 21+ to run it on
     */
    public record Installation(Path home, Path javaHome) {
    }

    /**
     * A JDK of version 21 or later to run Keycloak on: the one named by {@code -Dpfp.keycloak.java.home}, this
     * JVM's if it is one, else the newest under /usr/lib/jvm.
     */
    public static Optional<Path> jdk21OrLater() throws IOException {
        String configured = System.getProperty("pfp.keycloak.java.home");
        if (configured != null) {
            return Optional.of(Path.of(configured)).filter(home -> Files.isExecutable(home.resolve("bin/java")));
        }
        if (Runtime.version().feature() >= 21) {
            return Optional.of(Path.of(System.getProperty("java.home")));
        }
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return Optional.empty();
        }
        try (Stream<Path> homes = Files.list(jvms)) {
            return homes.filter(home -> featureVersion(home) >= 21)
                    .filter(home -> Files.isExecutable(home.resolve("bin/java")))
                    .max(Comparator.comparingInt(KeycloakServer::featureVersion));
        }
    }

    private void awaitRealm(Duration patience) {
        HttpRequest discovery = HttpRequest.newBuilder(URI.create(realmUrl + "/.well-known/openid-configuration"))
                .timeout(Duration.ofSeconds(5)).build();
        await("Keycloak's realm at " + realmUrl + " (log: " + logFile + ")")
                .atMost(patience)
                .pollInterval(Duration.ofMillis(250))
                .ignoreExceptionsInstanceOf(IOException.class)
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("Keycloak exited with status " + process.exitValue()
                                + " before its realm answered; see " + logFile);
                    }
                    return HTTP.send(discovery, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                });
    }

    /** Stops the whole tree: kc.sh forwards SIGTERM to its java child, which Keycloak takes as a clean shutdown. */
    private synchronized void stop() {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(0, process.toHandle());
        stopAll(tree);
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            log.warn("Could not delete {}: {}", pidFile, e.toString());
        }
    }

    private static void stopAll(List<ProcessHandle> tree) {
        tree.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + STOP_PATIENCE.toNanos();
        for (ProcessHandle handle : tree) {
            try {
                handle.onExit().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException | ExecutionException e) {
                log.warn("Keycloak process {} did not stop within {}: killing it", handle.pid(), STOP_PATIENCE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    /** A Keycloak that a killed test JVM left running from this home: stopped before another one starts. */
    private static void stopLeftOver(Path pidFile) throws IOException {
        if (!Files.exists(pidFile)) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(Files.readString(pidFile).trim());
        } catch (NumberFormatException e) {
            return;
        }
        // Only if the process is still one of ours: kc.sh itself, or the java it became after a rebuild.
        ProcessHandle.of(pid)
                .filter(handle -> handle.info().commandLine()
                        .map(line -> line.contains("kc.sh") || line.contains("kc.home.dir"))
                        .orElse(false))
                .ifPresent(handle -> {
                    log.warn("Stopping Keycloak process {} left running by an earlier test run", pid);
                    List<ProcessHandle> tree = new ArrayList<>(handle.descendants().toList());
                    tree.add(0, handle);
                    stopAll(tree);
                });
        Files.deleteIfExists(pidFile);
    }

    /**
     * Writes the realm where {@code --import-realm} reads it ({@code data/import/}, a fixed place under the
     * home). A realm that differs from the one imported before drops the database, else it would be skipped.
     */
    private static void importOnce(Path home, Realm realm) throws IOException {
        Path imports = Files.createDirectories(home.resolve("data/import"));
        Path file = imports.resolve(realm.name() + "-realm.json");
        String json = JSON.writeValueAsString(realmJson(realm));
        if (!Files.exists(file) || !Files.readString(file).equals(json)) {
            // Also when no realm file is there: whatever the database holds was not imported from this realm.
            log.info("Realm {} not imported as it is now: starting Keycloak from an empty database", realm.name());
            deleteTree(home.resolve("data/h2"));
        }
        Files.writeString(file, json);
    }

    private static Map<String, Object> realmJson(Realm realm) {
        Map<String, Object> json = new LinkedHashMap<>(Map.of("realm", realm.name(), "enabled", true,
                "clients", Stream.concat(realm.clients().stream().map(KeycloakServer::client),
                        realm.browserClients().stream().map(KeycloakServer::browserClient)).toList()));
        if (!realm.people().isEmpty()) {
            json.put("users", realm.people().stream().map(KeycloakServer::person).toList());
            json.put("roles", Map.of("realm", realm.people().stream().flatMap(person -> person.realmRoles().stream())
                    .distinct().sorted().map(role -> Map.of("name", role)).toList()));
            json.put("components", Map.of("org.keycloak.userprofile.UserProfileProvider",
                    List.of(userProfile(realm.people()))));
            // Keycloak's default of 5 minutes could run out during a browser test on a busy machine.
            json.put("accessTokenLifespan", 900);
        }
        return json;
    }

    private static Map<String, Object> browserClient(BrowserClient client) {
        List<Map<String, Object>> mappers = new ArrayList<>();
        mappers.add(Map.of("name", "realm roles in " + client.rolesClaim(), "protocol", "openid-connect",
                "protocolMapper", "oidc-usermodel-realm-role-mapper",
                "config", Map.of("claim.name", client.rolesClaim(), "multivalued", "true", "jsonType.label", "String",
                        "access.token.claim", "true", "introspection.token.claim", "true",
                        "id.token.claim", "false", "userinfo.token.claim", "false")));
        client.attributeClaims().forEach(name -> mappers.add(Map.of("name", "attribute " + name, "protocol",
                "openid-connect", "protocolMapper", "oidc-usermodel-attribute-mapper",
                "config", Map.of("user.attribute", name, "claim.name", name, "jsonType.label", "String",
                        "access.token.claim", "true", "introspection.token.claim", "true",
                        "id.token.claim", "false", "userinfo.token.claim", "false"))));
        mappers.add(audienceMapper(client.audience()));
        return Map.ofEntries(Map.entry("clientId", client.clientId()), Map.entry("enabled", true),
                Map.entry("protocol", "openid-connect"), Map.entry("publicClient", true),
                Map.entry("standardFlowEnabled", true), Map.entry("implicitFlowEnabled", false),
                Map.entry("directAccessGrantsEnabled", false), Map.entry("serviceAccountsEnabled", false),
                Map.entry("redirectUris", List.of("http://127.0.0.1" + client.redirectPath())),
                // The page trades its code at the token endpoint by fetch, so Keycloak must answer its origin with
                // CORS. Web origins have no port wildcard, and the page's port changes each run: any origin, which
                // on a loopback-only Keycloak reaches no one else.
                Map.entry("webOrigins", List.of("*")),
                // "+": people signing out may come back to the redirect URIs (RP-initiated logout).
                Map.entry("attributes", Map.of("pkce.code.challenge.method", "S256", "post.logout.redirect.uris", "+")),
                Map.entry("protocolMappers", mappers));
    }

    private static Map<String, Object> person(Person person) {
        Map<String, List<String>> attributes = new TreeMap<>();
        person.attributes().forEach((name, value) -> attributes.put(name, List.of(value)));
        // A name and a verified e-mail address: without them Keycloak asks for them before it lets the person in.
        return Map.ofEntries(Map.entry("username", person.username()), Map.entry("enabled", true),
                Map.entry("email", person.username() + "@example.org"), Map.entry("emailVerified", true),
                Map.entry("firstName", person.username()), Map.entry("lastName", "Tester"),
                Map.entry("attributes", attributes), Map.entry("realmRoles", person.realmRoles()),
                Map.entry("credentials", List.of(Map.of("type", "password", "value", person.password(),
                        "temporary", false))));
    }

    /**
     * Keycloak 24+ keeps only the attributes its user profile declares: the people's own attributes are
     * declared there, visible to administrators alone (a person cannot change the partner they are bound to).
     */
    private static Map<String, Object> userProfile(List<Person> people) {
        Map<String, Object> everyone = Map.of("view", List.of("admin", "user"), "edit", List.of("admin", "user"));
        List<Map<String, Object>> attributes = new ArrayList<>();
        for (String standard : List.of("username", "email", "firstName", "lastName")) {
            attributes.add(Map.of("name", standard, "displayName", "${" + standard + "}", "permissions", everyone));
        }
        people.stream().flatMap(person -> person.attributes().keySet().stream()).distinct().sorted()
                .forEach(name -> attributes.add(Map.of("name", name, "displayName", name,
                        "permissions", Map.of("view", List.of("admin"), "edit", List.of("admin")))));
        String config;
        try {
            config = JSON.writer().without(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(Map.of("attributes", attributes));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return Map.of("providerId", "declarative-user-profile", "subComponents", Map.of(),
                "config", Map.of("kc.user.profile.config", List.of(config)));
    }

    private static Map<String, Object> client(Client client) {
        List<Map<String, Object>> mappers = new ArrayList<>();
        client.claims().forEach((name, value) -> mappers.add(hardcodedClaim(name, value)));
        if (client.audience() != null) {
            mappers.add(audienceMapper(client.audience()));
        }
        return Map.of("clientId", client.clientId(), "enabled", true, "protocol", "openid-connect",
                "publicClient", false, "clientAuthenticatorType", "client-secret", "secret", client.secret(),
                // Tokens for the client itself (client credentials), no users signing in through it.
                "serviceAccountsEnabled", true, "standardFlowEnabled", false, "directAccessGrantsEnabled", false,
                "protocolMappers", mappers);
    }

    private static Map<String, Object> audienceMapper(String audience) {
        return Map.of("name", "audience " + audience, "protocol", "openid-connect",
                "protocolMapper", "oidc-audience-mapper",
                "config", Map.of("included.custom.audience", audience, "access.token.claim", "true",
                        "introspection.token.claim", "true", "id.token.claim", "false"));
    }

    /**
     * A claim with a fixed value in every access token. Keycloak 26's hard-coded claim mapper reads the value
     * as text: a list goes in as its JSON with the JSON type, and comes out as a JSON array.
     */
    private static Map<String, Object> hardcodedClaim(String name, Object value) {
        String text;
        String type;
        if (value instanceof String string) {
            text = string;
            type = "String";
        } else if (value instanceof List<?> list) {
            try {
                text = JSON.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(list);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException(e);
            }
            type = "JSON";
        } else {
            throw new IllegalArgumentException("claim " + name + ": a string or a list of strings, was " + value);
        }
        return Map.of("name", "claim " + name, "protocol", "openid-connect",
                "protocolMapper", "oidc-hardcoded-claim-mapper",
                "config", Map.of("claim.name", name, "claim.value", text, "jsonType.label", type,
                        "access.token.claim", "true", "introspection.token.claim", "true",
                        "id.token.claim", "false", "userinfo.token.claim", "false"));
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** The feature version a JDK's {@code release} file declares, e.g. 25; 0 when unreadable. */
    private static int featureVersion(Path home) {
        try (Stream<String> lines = Files.lines(home.resolve("release"))) {
            return lines.filter(line -> line.startsWith("JAVA_VERSION="))
                    .map(line -> line.substring("JAVA_VERSION=".length()).replace("\"", ""))
                    .map(version -> Integer.parseInt(version.split("[.+-]")[0]))
                    .findFirst()
                    .orElse(0);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}

package org.pfptracker.http.issuer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pfptracker.http.access.Identity;
import org.pfptracker.http.access.Role;
import org.pfptracker.http.access.TokenVerifier;

/** The local issuer's code flow with PKCE, driven as a browser and the dashboard's script drive it. */
class CodeFlowTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CLIENT = "pfp-dashboard";
    private static final String REDIRECT = "http://127.0.0.1:9/signin";
    private static final String PASSCODE = "correct-horse-battery";
    private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk-and-some-more-randomness";

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private LocalIssuerServer issuer;

    @BeforeEach
    void start() {
        issuer = LocalIssuerServer.start("127.0.0.1", 0, null, Clock.systemUTC(),
                new DevSignIn(CLIENT, Set.of(URI.create(REDIRECT)), PASSCODE));
    }

    @AfterEach
    void stop() {
        issuer.close();
    }

    @Test
    void shouldSignAPartnersReaderInAndGiveATokenOnlyForTheRightVerifier() throws Exception {
        // Given: the browser is sent to the sign-in page
        HttpResponse<String> page = get("/authorize?" + form(request()));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("default-src 'none'"));

        // When: the person signs in as ukraine's reader with the printed passcode
        Map<String, String> signIn = request();
        signIn.putAll(Map.of("as", "partner", "partner", "ukraine", "passcode", PASSCODE));
        HttpResponse<String> back = post("/authorize", signIn, null);

        // Then: back to the dashboard with a code and the state
        assertThat(back.statusCode()).isEqualTo(303);
        URI location = URI.create(back.headers().firstValue("Location").orElseThrow());
        assertThat(location.toString()).startsWith(REDIRECT + "?code=").endsWith("&state=xyz");
        String code = location.getQuery().split("&")[0].substring("code=".length());

        // When: the script trades the code with a wrong verifier, then the right one, then again
        HttpResponse<String> wrong = post("/token", exchange(code, VERIFIER + "x"), "http://127.0.0.1:9");
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(wrong.body()).get("error").asText()).isEqualTo("invalid_grant");
        // A failed attempt used the code up: a stolen code cannot be tried against verifiers one by one.
        HttpResponse<String> afterWrong = post("/token", exchange(code, VERIFIER), "http://127.0.0.1:9");
        assertThat(afterWrong.statusCode()).isEqualTo(400);

        String secondCode = signInAndGetCode();
        HttpResponse<String> token = post("/token", exchange(secondCode, VERIFIER), "http://127.0.0.1:9");
        HttpResponse<String> replay = post("/token", exchange(secondCode, VERIFIER), "http://127.0.0.1:9");

        // Then: one token, readable by the dashboard's origin, for ukraine's reader
        assertThat(token.statusCode()).isEqualTo(200);
        assertThat(token.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://127.0.0.1:9");
        JsonNode answer = JSON.readTree(token.body());
        assertThat(answer.get("token_type").asText()).isEqualTo("Bearer");
        Identity identity = new TokenVerifier(issuer.accessSettings()).verify(answer.get("access_token").asText(), "test");
        assertThat(identity.roles()).containsExactly(Role.PARTNER_READER);
        assertThat(identity.partnerId()).hasToString("ukraine");
        assertThat(replay.statusCode()).isEqualTo(400);
    }

    @Test
    void shouldIssueNothingWithoutThePasscode() throws Exception {
        Map<String, String> signIn = request();
        signIn.putAll(Map.of("as", "staff", "passcode", "guess"));

        HttpResponse<String> refused = post("/authorize", signIn, null);

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("Location")).isEmpty();
        assertThat(refused.body()).contains("not the passcode");
    }

    @Test
    void shouldNeverSendABrowserToAnUnregisteredAddress() throws Exception {
        Map<String, String> elsewhere = request();
        elsewhere.put("redirect_uri", "https://attacker.example/steal");

        HttpResponse<String> page = get("/authorize?" + form(elsewhere));

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.headers().firstValue("Location")).isEmpty();
        assertThat(page.body()).contains("not registered");
    }

    @Test
    void shouldRequireAnS256Challenge() throws Exception {
        Map<String, String> plain = request();
        plain.put("code_challenge_method", "plain");

        assertThat(get("/authorize?" + form(plain)).statusCode()).isEqualTo(400);
    }

    @Test
    void shouldEscapeWhatItEchoes() throws Exception {
        Map<String, String> hostile = request();
        hostile.put("state", "\"><script>alert(1)</script>");

        HttpResponse<String> page = get("/authorize?" + form(hostile));

        assertThat(page.body()).doesNotContain("<script>alert(1)").contains("&lt;script&gt;");
    }

    @Test
    void shouldNameItsEndpointsInTheDiscoveryDocument() throws Exception {
        JsonNode discovery = JSON.readTree(get("/.well-known/openid-configuration").body());

        assertThat(discovery.get("authorization_endpoint").asText()).isEqualTo(issuer.issuer().issuer() + "/authorize");
        assertThat(discovery.get("token_endpoint").asText()).isEqualTo(issuer.issuer().issuer() + "/token");
        assertThat(discovery.get("code_challenge_methods_supported").toString()).isEqualTo("[\"S256\"]");
    }

    private String signInAndGetCode() throws Exception {
        Map<String, String> signIn = request();
        signIn.putAll(Map.of("as", "partner", "partner", "ukraine", "passcode", PASSCODE));
        URI location = URI.create(post("/authorize", signIn, null).headers().firstValue("Location").orElseThrow());
        return location.getQuery().split("&")[0].substring("code=".length());
    }

    private static Map<String, String> request() {
        Map<String, String> request = new LinkedHashMap<>();
        request.put("response_type", "code");
        request.put("client_id", CLIENT);
        request.put("redirect_uri", REDIRECT);
        request.put("code_challenge", AuthorizationCodes.challengeOf(VERIFIER));
        request.put("code_challenge_method", "S256");
        request.put("state", "xyz");
        return request;
    }

    private static Map<String, String> exchange(String code, String verifier) {
        return Map.of("grant_type", "authorization_code", "code", code, "client_id", CLIENT, "redirect_uri", REDIRECT,
                "code_verifier", verifier);
    }

    private HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(issuer.issuer().issuer() + pathAndQuery)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, Map<String, String> fields, String origin)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(issuer.issuer().issuer() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields)));
        if (origin != null) {
            request.header("Origin", origin);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }
}

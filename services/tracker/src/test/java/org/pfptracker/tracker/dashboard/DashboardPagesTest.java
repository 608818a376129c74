package org.pfptracker.tracker.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pfptracker.http.docs.ApiDocsPage;
import org.pfptracker.testsupport.http.ApiClient;

/** The dashboard's pages and everything they load come from the tracker itself, under a strict policy. */
class DashboardPagesTest {

    private static final Pattern REFERENCED = Pattern.compile("(?:src|href)=\"(/[^\"]+)\"|\"echarts\": \"(/[^\"]+)\"");
    private static final Pattern IMPORT_MAP = Pattern.compile("<script type=\"importmap\">(.*?)</script>", Pattern.DOTALL);

    private static Javalin server;

    @BeforeAll
    static void start() {
        Dashboard dashboard = Dashboard.load(new Dashboard.SignIn(java.net.URI.create("http://127.0.0.1:8090"),
                "pfp-dashboard"));
        server = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            dashboard.install(config);
            // The API docs page sits beside the dashboard, in its masthead, as the tracker's server serves it.
            ApiDocsPage.fromTemplate(DashboardPagesTest.class, "/org/pfptracker/tracker/http/docs.html").install(config);
        }).start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @Test
    void shouldServeEveryPageWithEveryFileItReferencesFromTheTrackerItself() throws Exception {
        for (String page : new String[] {"/", "/partners/georgia", "/docs", "/signin"}) {
            // When
            HttpResponse<String> response = get(page);

            // Then
            assertThat(response.statusCode()).as(page).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).as(page).hasValueSatisfying(
                    type -> assertThat(type).startsWith("text/html"));
            assertThat(response.body()).as(page).doesNotContain("{{").doesNotContain("http://").doesNotContain("https://");
            Matcher referenced = REFERENCED.matcher(response.body());
            int files = 0;
            while (referenced.find()) {
                String path = referenced.group(1) != null ? referenced.group(1) : referenced.group(2);
                if (path.startsWith("/dashboard/") || path.startsWith("/webjars/") || path.startsWith("/docs-assets/")) {
                    assertThat(get(path).statusCode()).as(page + " references " + path).isEqualTo(200);
                    files++;
                }
            }
            assertThat(files).as("files referenced by " + page).isGreaterThanOrEqualTo(3);
        }
    }

    @Test
    void shouldLoadTheChartLibraryFromItsWebJarThroughTheImportMap() throws Exception {
        // When
        String overview = get("/").body();

        // Then
        Matcher importMap = IMPORT_MAP.matcher(overview);
        assertThat(importMap.find()).isTrue();
        assertThat(importMap.group(1)).matches(".*\"echarts\": \"/webjars/echarts/[0-9.]+/dist/echarts\\.esm\\.min\\.js\".*");
    }

    @Test
    void shouldAllowOnlyItsOwnScriptsAndItsImportMapByHash() throws Exception {
        // When
        HttpResponse<String> response = get("/");

        // Then
        Matcher importMap = IMPORT_MAP.matcher(response.body());
        assertThat(importMap.find()).isTrue();
        String hash = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(importMap.group(1).getBytes(StandardCharsets.UTF_8)));
        assertThat(response.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(policy -> assertThat(policy)
                .contains("default-src 'self'")
                .contains("script-src 'self' 'sha256-" + hash + "';")
                .doesNotContain("unsafe-eval"));
    }

    @Test
    void shouldServeTheScriptsAsJavaScriptModules() throws Exception {
        // When
        HttpResponse<String> response = get("/dashboard/overview.js");

        // Then
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).contains("javascript"));
        assertThat(response.body()).contains("import { api, withRetry } from './api.js';");
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return ApiClient.onPort(server.port()).get(path);
    }

    @Test
    void shouldTellTheSignInPageWhereToSignInAndLetItAskOnlyThatIssuer() throws Exception {
        // When
        HttpResponse<String> config = get("/dashboard/sign-in.json");
        HttpResponse<String> signIn = get("/signin");
        HttpResponse<String> overview = get("/");

        // Then
        assertThat(config.body()).contains("\"issuer\":\"http://127.0.0.1:8090\"").contains("\"clientId\":\"pfp-dashboard\"");
        assertThat(signIn.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("connect-src 'self' http://127.0.0.1:8090;"));
        assertThat(overview.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("connect-src 'self';"));
    }
}

package org.pfptracker.gateway.http;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.webjars.WebJarVersionLocator;

/**
 * {@code GET /docs}: the gateway's OpenAPI document, browsable with Swagger UI served from its WebJar (no
 * internet needed). The page is rendered once, with the WebJar's version read from the class path.
 */
final class ApiDocsPage {

    static final String PATH = "/docs";
    private static final String ASSETS_PATH = "/docs-assets";
    private static final String TEMPLATE = "docs.html";
    private static final Pattern WEBJAR_REFERENCE = Pattern.compile("\\{\\{webjar:([a-zA-Z0-9._-]+)/([^}]+)}}");
    /** Scripts and styles from this server only; Swagger UI places its elements with style attributes. */
    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self';"
            + " style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self';"
            + " object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

    private final byte[] html;

    private ApiDocsPage(byte[] html) {
        this.html = html;
    }

    /** Renders the page; fails at once if the template or the Swagger UI WebJar is missing. */
    static ApiDocsPage load() {
        WebJarVersionLocator locator = new WebJarVersionLocator();
        Matcher reference = WEBJAR_REFERENCE.matcher(read());
        StringBuilder html = new StringBuilder();
        while (reference.find()) {
            String path = locator.path(reference.group(1), reference.group(2));
            if (path == null) {
                throw new IllegalStateException("The API docs page needs " + reference.group(2) + " from the WebJar '"
                        + reference.group(1) + "', which is not on the class path");
            }
            reference.appendReplacement(html, Matcher.quoteReplacement("/webjars/" + path));
        }
        reference.appendTail(html);
        return new ApiDocsPage(html.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Registers the page, its script and the WebJars on a server being configured. */
    void install(JavalinConfig config) {
        config.staticFiles.enableWebjars();
        config.staticFiles.add(files -> {
            files.hostedPath = ASSETS_PATH;
            files.directory = "/org/pfptracker/gateway/http/docs";
            files.location = Location.CLASSPATH;
        });
        config.routes.get(PATH, this::serve);
    }

    private void serve(Context ctx) {
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .contentType("text/html; charset=utf-8")
                .result(html);
    }

    private static String read() {
        try (InputStream in = ApiDocsPage.class.getResourceAsStream(TEMPLATE)) {
            if (in == null) {
                throw new IllegalStateException("The API docs page " + TEMPLATE + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

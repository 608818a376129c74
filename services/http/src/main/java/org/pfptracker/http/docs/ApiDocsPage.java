package org.pfptracker.http.docs;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.webjars.WebJarVersionLocator;

/**
 * {@code GET /docs}: a server's {@link OpenApiDocument}, browsable with Swagger UI served from its WebJar (no
 * internet needed). The page is rendered once, with the WebJar's version read from the class path; it may come
 * from the shared template (a title of its own) or from a server's own, which loads the same script.
 */
public final class ApiDocsPage implements Handler {

    public static final String PATH = "/docs";
    /** Where the page's script is served; a server's own template loads {@code /docs-assets/docs.js}. */
    public static final String ASSETS_PATH = "/docs-assets";
    private static final String SHARED_TEMPLATE = "/org/pfptracker/http/docs/docs.html";
    private static final Pattern WEBJAR_REFERENCE = Pattern.compile("\\{\\{webjar:([a-zA-Z0-9._-]+)/([^}]+)}}");
    /** Scripts and styles from this server only; Swagger UI places its elements with style attributes. */
    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self';"
            + " style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self';"
            + " object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    private final byte[] html;

    private ApiDocsPage(byte[] html) {
        this.html = html;
    }

    /** The shared page, titled e.g. "Gateway API". Fails at once if the Swagger UI WebJar is missing. */
    public static ApiDocsPage titled(String title) {
        return render(read(ApiDocsPage.class, SHARED_TEMPLATE).replace("{{title}}", escaped(title)), SHARED_TEMPLATE);
    }

    /** A server's own page (its masthead and styles), from the template at {@code resource} beside {@code anchor}. */
    public static ApiDocsPage fromTemplate(Class<?> anchor, String resource) {
        return render(read(anchor, resource), resource);
    }

    /** Registers the page, its script and the WebJars on a server being configured. */
    public void install(JavalinConfig config) {
        config.staticFiles.enableWebjars();
        config.staticFiles.add(files -> {
            files.hostedPath = ASSETS_PATH;
            files.directory = "/org/pfptracker/http/docs/assets";
            files.location = Location.CLASSPATH;
        });
        config.routes.get(PATH, this);
    }

    @Override
    public void handle(Context ctx) {
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "same-origin")
                .contentType("text/html; charset=utf-8")
                .result(html);
    }

    private static ApiDocsPage render(String template, String resource) {
        WebJarVersionLocator locator = new WebJarVersionLocator();
        Matcher reference = WEBJAR_REFERENCE.matcher(template);
        StringBuilder html = new StringBuilder();
        while (reference.find()) {
            String path = locator.path(reference.group(1), reference.group(2));
            if (path == null) {
                throw new IllegalStateException("The API docs page " + resource + " needs " + reference.group(2)
                        + " from the WebJar '" + reference.group(1) + "', which is not on the class path");
            }
            reference.appendReplacement(html, Matcher.quoteReplacement("/webjars/" + path));
        }
        reference.appendTail(html);
        return new ApiDocsPage(html.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String read(Class<?> anchor, String resource) {
        try (InputStream in = anchor.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The API docs page " + resource + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String escaped(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}

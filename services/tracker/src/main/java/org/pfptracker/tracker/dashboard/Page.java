package org.pfptracker.tracker.dashboard;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One HTML page, rendered once at start-up from its template and served as it is, with a Content Security
 * Policy that lets it load scripts from this server only: the one inline script a page may have (an
 * import map) is allowed by its hash, not by allowing inline scripts at large.
 */
final class Page implements Handler {

    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>(.*?)</script>",
            Pattern.DOTALL);

    private final byte[] html;
    private final String contentSecurityPolicy;

    private Page(byte[] html, String contentSecurityPolicy) {
        this.html = html;
        this.contentSecurityPolicy = contentSecurityPolicy;
    }

    /** Reads the template {@code resource} next to this class and resolves its WebJar references. */
    static Page render(String resource, WebJarPaths webJars) {
        return render(resource, webJars, List.of());
    }

    /** The same, allowed also to fetch from these origins (the sign-in page asks the token issuer). */
    static Page render(String resource, WebJarPaths webJars, List<String> connectOrigins) {
        String html = webJars.resolve(read(resource), resource);
        return new Page(html.getBytes(StandardCharsets.UTF_8), policyFor(html, connectOrigins));
    }

    @Override
    public void handle(Context ctx) {
        ctx.header("Content-Security-Policy", contentSecurityPolicy)
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "same-origin")
                // The page is small and its data comes from the API: always ask again, never show a stale shell.
                .header("Cache-Control", "no-cache")
                .contentType("text/html; charset=utf-8")
                .result(html);
    }

    String contentSecurityPolicy() {
        return contentSecurityPolicy;
    }

    static String policyFor(String html) {
        return policyFor(html, List.of());
    }

    static String policyFor(String html, List<String> connectOrigins) {
        List<String> scripts = new ArrayList<>(List.of("'self'"));
        Matcher inline = INLINE_SCRIPT.matcher(html);
        while (inline.find()) {
            scripts.add("'sha256-" + sha256(inline.group(1)) + "'");
        }
        // Inline styles: the chart library and Swagger UI size and place their elements with style attributes.
        return "default-src 'self'; script-src " + String.join(" ", scripts) + "; style-src 'self' 'unsafe-inline';"
                + " img-src 'self' data:; font-src 'self' data:; connect-src "
                + String.join(" ", java.util.stream.Stream.concat(java.util.stream.Stream.of("'self'"),
                        connectOrigins.stream()).toList()) + "; object-src 'none';"
                + " base-uri 'none'; frame-ancestors 'none'; form-action 'self'";
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }

    private static String read(String resource) {
        try (InputStream in = Page.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The dashboard page " + resource + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the dashboard page " + resource, e);
        }
    }
}

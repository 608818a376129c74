package org.pfptracker.registry.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.pfptracker.registry.client.protocol.RegistryMediaTypes;
import org.pfptracker.registry.store.RegistryException;

/**
 * Refuses, with 415 and before any handler runs, a write whose body is not declared as one of the
 * registry's JSON types. Why: a web page on any site can make a browser POST a {@code text/plain},
 * form-urlencoded or multipart body to this server without asking it first (no CORS preflight), and
 * a {@code text/plain} body can hold perfectly good JSON. A JSON content type is not one a browser
 * sends cross-site without a preflight, which this server never answers; so requiring one keeps
 * other sites' pages from registering schemas or changing levels. DELETE carries no body and cannot
 * be sent cross-site without a preflight either, so it needs no type.
 */
final class JsonBodiesOnly {

    /** The types Confluent's registry takes for JSON, in the order the error message names them. */
    static final List<String> ACCEPTED = List.of(RegistryMediaTypes.V1_JSON, RegistryMediaTypes.DEFAULT_JSON,
            RegistryMediaTypes.JSON);
    private static final Set<HandlerType> WRITES_WITH_A_BODY = Set.of(HandlerType.POST, HandlerType.PUT, HandlerType.PATCH);

    private JsonBodiesOnly() {
    }

    static void addTo(RoutesConfig routes) {
        routes.before(JsonBodiesOnly::check);
    }

    private static void check(Context ctx) {
        if (WRITES_WITH_A_BODY.contains(ctx.method()) && !accepted(ctx.header("Content-Type"))) {
            throw RegistryException.unsupportedMediaType(ctx.header("Content-Type"), ACCEPTED);
        }
    }

    /**
     * Whether a Content-Type header names one of the accepted types, with at most a charset after it
     * (types and parameter names in any case, as HTTP has them).
     */
    static boolean accepted(String contentType) {
        if (contentType == null) {
            return false;
        }
        String[] parts = contentType.split(";", -1);
        if (!ACCEPTED.contains(parts[0].trim().toLowerCase(Locale.ROOT))) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].trim().toLowerCase(Locale.ROOT);
            if (!parameter.startsWith("charset=") || parameter.length() == "charset=".length()) {
                return false;
            }
        }
        return true;
    }
}

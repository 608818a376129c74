package org.pfptracker.tracker.http;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import org.pfptracker.http.access.AccessRule;

/**
 * One route of the tracker's API. The server registers exactly its list of routes, and the OpenAPI
 * document is checked against that same list.
 *
 * @param method the HTTP method
 * @param path the path template, in the OpenAPI form Javalin also uses ({@code /api/v1/partners/{partnerId}})
 * @param access who may call it
 * @param handler what answers it
 */
public record ApiRoute(HandlerType method, String path, AccessRule access, Handler handler) {

    /** A {@code GET} route: every query. */
    public ApiRoute(String path, AccessRule access, Handler handler) {
        this(HandlerType.GET, path, access, handler);
    }
}

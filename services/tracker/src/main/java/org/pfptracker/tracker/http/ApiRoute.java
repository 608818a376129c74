package org.pfptracker.tracker.http;

import io.javalin.http.Handler;

/**
 * One {@code GET} route of the tracker's API. The server registers exactly its list of routes, and the
 * OpenAPI document is checked against that same list.
 *
 * @param path the path template, in the OpenAPI form Javalin also uses ({@code /api/v1/partners/{partnerId}})
 * @param handler what answers it
 */
public record ApiRoute(String path, Handler handler) {
}

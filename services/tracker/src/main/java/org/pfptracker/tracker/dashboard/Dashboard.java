package org.pfptracker.tracker.dashboard;

import io.javalin.config.JavalinConfig;
import io.javalin.http.staticfiles.Location;
import java.util.List;
import java.util.Map;

/**
 * The live dashboard and the API docs, served by the tracker itself: {@code /} (every partner),
 * {@code /partners/{partnerId}} (one partner), {@code /docs} (Swagger UI over {@code /openapi.yaml}).
 * Pages, scripts and libraries all come from the tracker's jar and its WebJars, so the dashboard needs no
 * internet; its data comes from the public query API and the change stream, as any other client's would.
 * The pages and assets are open to anyone: they hold no partner data, and the API they read checks each
 * reader's token ({@code /signin} hands it over).
 */
public final class Dashboard {

    /** Where the dashboard's own scripts, styles and icon are served. */
    public static final String ASSETS_PATH = "/dashboard";
    private static final String ASSETS_RESOURCE = "/org/pfptracker/tracker/dashboard/assets";

    /**
     * A page of the dashboard.
     *
     * @param path the route, in Javalin's form
     * @param page what answers it
     */
    private record Route(String path, Page page) {
    }

    private final List<Route> routes;

    private Dashboard(List<Route> routes) {
        this.routes = routes;
    }

    /** Renders every page once; fails at once if a page or a library it needs is missing. */
    public static Dashboard load() {
        WebJarPaths webJars = new WebJarPaths();
        return new Dashboard(List.of(
                new Route("/", Page.render("overview.html", webJars)),
                new Route("/partners/{partnerId}", Page.render("partner.html", webJars)),
                new Route("/docs", Page.render("docs.html", webJars)),
                new Route("/signin", Page.render("signin.html", webJars))));
    }

    /** Registers the pages, the dashboard's assets and the WebJars on a server being configured. */
    public void install(JavalinConfig config) {
        config.staticFiles.enableWebjars();
        config.staticFiles.add(files -> {
            files.hostedPath = ASSETS_PATH;
            files.directory = ASSETS_RESOURCE;
            files.location = Location.CLASSPATH;
            // Unversioned names: the browser checks back (a cheap 304) so a new tracker's scripts are used at once.
            files.headers = Map.of("Cache-Control", "no-cache");
        });
        routes.forEach(route -> config.routes.get(route.path(), route.page()));
    }

    /** The routes of the pages, in registration order. */
    public List<String> pagePaths() {
        return routes.stream().map(Route::path).toList();
    }
}

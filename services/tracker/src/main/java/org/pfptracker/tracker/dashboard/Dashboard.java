package org.pfptracker.tracker.dashboard;

import java.net.URI;
import io.javalin.config.JavalinConfig;
import io.javalin.http.staticfiles.Location;
import java.util.List;
import java.util.Map;

/**
 * The live dashboard, served by the tracker itself: {@code /} (every partner) and
 * {@code /partners/{partnerId}} (one partner); the API docs page beside it is the tracker's HTTP server's.
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

    /**
     * Where the sign-in page sends a person to sign in: the OpenID Connect issuer and the dashboard's client
     * id there (a public client: the code flow with PKCE, no secret).
     *
     * @param issuer the issuer, or {@code null} when access control is off or there is none to send to
     * @param clientId the dashboard's client id at the issuer
     */
    public record SignIn(URI issuer, String clientId) {

        /** No issuer: the sign-in page takes a sign-in link's token or a pasted one. */
        public static final SignIn NONE = new SignIn(null, null);

        String origin() {
            return issuer.getScheme() + "://" + issuer.getAuthority();
        }
    }

    /** Where the sign-in page learns the issuer and client id. */
    public static final String SIGN_IN_CONFIG_PATH = ASSETS_PATH + "/sign-in.json";

    private final List<Route> routes;
    private final SignIn signIn;

    private Dashboard(List<Route> routes, SignIn signIn) {
        this.routes = routes;
        this.signIn = signIn;
    }

    /** Renders every page once, with no issuer to sign in at; fails at once if a page or library is missing. */
    public static Dashboard load() {
        return load(SignIn.NONE);
    }

    /** Renders every page once, the sign-in page sending people to {@code signIn}'s issuer. */
    public static Dashboard load(SignIn signIn) {
        WebJarPaths webJars = new WebJarPaths();
        List<String> issuerOrigin = signIn.issuer() == null ? List.of() : List.of(signIn.origin());
        return new Dashboard(List.of(
                new Route("/", Page.render("overview.html", webJars)),
                new Route("/partners/{partnerId}", Page.render("partner.html", webJars)),
                new Route("/signin", Page.render("signin.html", webJars, issuerOrigin))), signIn);
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
        Map<String, String> signInConfig = signIn.issuer() == null ? Map.of()
                : Map.of("issuer", signIn.issuer().toString(), "clientId", signIn.clientId());
        config.routes.get(SIGN_IN_CONFIG_PATH, ctx -> ctx.header("Cache-Control", "no-cache").json(signInConfig));
    }

    /** The routes of the pages, in registration order. */
    public List<String> pagePaths() {
        return routes.stream().map(Route::path).toList();
    }
}

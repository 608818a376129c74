package org.pfptracker.gateway.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.json.JavalinJackson;
import io.javalin.router.Endpoint;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.pfptracker.gateway.command.InvalidCommandException;
import org.pfptracker.gateway.command.PartnerConflictException;
import org.pfptracker.gateway.command.Violation;
import org.pfptracker.gateway.delivery.EventSink;
import org.pfptracker.gateway.idempotency.IdempotencyStore;
import org.pfptracker.gateway.partner.PartnerDirectory;
import org.pfptracker.http.access.AccessControl;
import org.pfptracker.http.access.AccessRule;
import org.pfptracker.http.access.Role;
import org.pfptracker.http.docs.ApiDocsPage;
import org.pfptracker.http.docs.OpenApiDocument;
import org.pfptracker.http.health.Health;
import org.pfptracker.http.health.HealthEndpoints;
import org.pfptracker.http.metrics.MetricsEndpoint;
import org.pfptracker.http.metrics.ProcessMetrics;
import org.pfptracker.http.metrics.RequestMetrics;
import org.pfptracker.http.problem.Problem;
import org.pfptracker.http.problem.ProblemAnswers;
import org.pfptracker.http.server.SecurityHeaders;
import org.pfptracker.http.server.ServerSetup;
import org.pfptracker.platform.serde.JsonSerde;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's HTTP API: the command routes of {@link CommandRoutes}, the OpenAPI document (browsable at
 * {@code /docs}), health and metrics.
 * Every error leaves as {@code application/problem+json}.
 */
public final class GatewayHttpServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GatewayHttpServer.class);
    /** The gateway's API description, in its jar. */
    static final String OPENAPI = "/org/pfptracker/gateway/http/openapi.yaml";
    /** Answer writing is a few microseconds of work per request: a couple of threads keep up with Kafka. */
    private static final int RESPONDER_THREADS = Math.max(2, Runtime.getRuntime().availableProcessors());

    private final Javalin app;
    private final ExecutorService responder;
    private final List<String> routes;
    private final ProcessMetrics metrics;
    private final HealthEndpoints health;
    private final Duration drain;

    private GatewayHttpServer(Javalin app, ExecutorService responder, List<String> routes, ProcessMetrics metrics,
                              HealthEndpoints health, Duration drain) {
        this.app = app;
        this.responder = responder;
        this.routes = routes;
        this.metrics = metrics;
        this.health = health;
        this.drain = drain;
    }

    /**
     * Starts listening; port 0 picks a free port, see {@link #port()}.
     *
     * @param directory the known partners, which commands are checked against
     * @param sink where events go; its receipt must mean Kafka acknowledged the write
     * @param answers remembered answers to requests with an Idempotency-Key
     */
    public static GatewayHttpServer start(HttpOptions options, PartnerDirectory directory, EventSink sink,
                                          IdempotencyStore<Accepted> answers, Clock clock) {
        ExecutorService responder = Executors.newFixedThreadPool(RESPONDER_THREADS, daemonThreads());
        CommandEndpoint endpoint = new CommandEndpoint(directory, new RequestBody(options.maxBodyBytes()), sink, answers,
                clock, options.source(), options.access(), options.answerTimeout(), responder);
        AccessControl access = options.access();
        AccessRule writers = AccessRule.anyOf(Role.WRITER);
        AccessRule open = AccessRule.open("documents and probes hold no partner data");
        OpenApiDocument openApi = OpenApiDocument.load(GatewayHttpServer.class, OPENAPI);
        ApiDocsPage docs = ApiDocsPage.titled("Gateway API");
        HealthEndpoints health = new HealthEndpoints(() -> readiness(directory), CommandEndpoint.RETRY_AFTER);
        ProblemAnswers problems = new ProblemAnswers("gateway", OpenApiDocument.PATH, CommandEndpoint.RETRY_AFTER,
                new ProblemAnswers.Listener() {
                    @Override
                    public void refused(Context ctx, Problem problem) {
                        RequestLog.rejected(ctx, problem);
                    }
                });
        List<String> registered = new CopyOnWriteArrayList<>();
        ProcessMetrics metrics = new ProcessMetrics();
        try {
            Javalin app = Javalin.create(config -> {
                config.startup.showJavalinBanner = false;
                config.jsonMapper(new JavalinJackson(JsonSerde.mapper(), false));
                config.http.prefer405over404 = true;
                ServerSetup.install(config.jetty, "gateway", options.host(), options.port(), options.server());
                SecurityHeaders.installOn(config.routes);
                config.events.handlerAdded(info -> registered.add(info.getHttpMethod() + " " + info.getPath()));
                config.requestLogger.http(new RequestMetrics(metrics.registry()));
                for (CommandRoute route : CommandRoutes.all(directory)) {
                    config.routes.addEndpoint(new Endpoint(route.method(), route.path(),
                            access.guard(writers, ctx -> endpoint.handle(ctx, route))));
                }
                config.routes.get(OpenApiDocument.PATH, access.guard(open, openApi));
                config.routes.get(HealthEndpoints.LIVE, access.guard(open, health::live));
                config.routes.get(HealthEndpoints.READY, access.guard(open, health::ready));
                config.routes.get(MetricsEndpoint.PATH, access.guard(AccessRule.anyOf(Role.OPERATOR),
                        new MetricsEndpoint(metrics.registry())));
                docs.install(config);
                problems.installOn(config);
                config.routes.exception(InvalidCommandException.class, (e, ctx) -> problems.refuse(ctx,
                        GatewayProblems.withViolations(GatewayProblems.INVALID_COMMAND, 422, "Invalid command",
                                fieldsNamed(e.violations()), e.violations()), null));
                config.routes.exception(PartnerConflictException.class, (e, ctx) -> problems.refuse(ctx,
                        Problem.of(GatewayProblems.PARTNER_CONFLICT, 409, "Partner already joined", e.getMessage()),
                        null));
            }).start();
            log.info("Gateway HTTP API listening on {}://{}:{}{} ({} command routes; OpenAPI at {}, browsable at {};"
                            + " metrics at {})", options.server().scheme(), options.host(), app.port(), CommandRoutes.PARTNERS,
                    CommandRoutes.all(directory).size(), OpenApiDocument.PATH, ApiDocsPage.PATH, MetricsEndpoint.PATH);
            return new GatewayHttpServer(app, responder, List.copyOf(registered), metrics, health,
                    options.server().drain());
        } catch (RuntimeException e) {
            responder.shutdownNow();
            metrics.close();
            throw e;
        }
    }

    /** The port listened on. */
    public int port() {
        return app.port();
    }

    /** Every HTTP route the server registered, as "METHOD /path/{param}", in registration order. */
    public List<String> routes() {
        return routes;
    }

    @Override
    public void close() {
        health.drain(drain, "gateway");
        app.stop();
        metrics.close();
        responder.shutdown();
        try {
            responder.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Ready once every known partner has been read: commands are checked against them. */
    private static Health readiness(PartnerDirectory directory) {
        Map<String, Object> checks = Map.of("knownPartners", directory.size());
        return directory.isComplete() ? Health.up("the known partners are read", checks)
                : Health.down("still reading the known partners from Kafka", checks);
    }

    /** The detail of a 422: which fields, by name, so the one line a client logs says what to fix. */
    private static String fieldsNamed(List<Violation> violations) {
        return "Fields breaking the command's rules: " + violations.stream().map(Violation::field).distinct()
                .collect(java.util.stream.Collectors.joining(", ")) + "; see errors";
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "pfp-gateway-respond-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}

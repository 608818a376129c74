package org.pfptracker.gateway.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.json.JavalinJackson;
import io.javalin.router.Endpoint;
import java.time.Clock;
import java.util.List;
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
import org.pfptracker.http.access.AccessDeniedException;
import org.pfptracker.http.access.AccessRule;
import org.pfptracker.http.access.IssuerUnavailableException;
import org.pfptracker.http.access.Role;
import org.pfptracker.http.server.ProblemErrorHandler;
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
    /** Answer writing is a few microseconds of work per request: a couple of threads keep up with Kafka. */
    private static final int RESPONDER_THREADS = Math.max(2, Runtime.getRuntime().availableProcessors());

    private final Javalin app;
    private final ExecutorService responder;
    private final List<String> routes;
    private final GatewayMetrics metrics;

    private GatewayHttpServer(Javalin app, ExecutorService responder, List<String> routes, GatewayMetrics metrics) {
        this.app = app;
        this.responder = responder;
        this.routes = routes;
        this.metrics = metrics;
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
        byte[] openApi = OpenApiDocument.load();
        ApiDocsPage docs = ApiDocsPage.load();
        List<String> registered = new CopyOnWriteArrayList<>();
        GatewayMetrics metrics = new GatewayMetrics();
        try {
            Javalin app = Javalin.create(config -> {
                config.startup.showJavalinBanner = false;
                config.jsonMapper(new JavalinJackson(JsonSerde.mapper(), false));
                config.http.prefer405over404 = true;
                ServerSetup.install(config.jetty, "gateway", options.host(), options.port(), options.server());
                ProblemErrorHandler errors = ProblemErrorHandler.problemJson();
                config.jetty.modifyServer(server -> server.setErrorHandler(errors));
                // A command body trickling in below the minimum rate is answered 408 as a problem, not 500.
                errors.answerRefusalsIn(config.routes);
                SecurityHeaders.installOn(config.routes);
                config.events.handlerAdded(info -> registered.add(info.getHttpMethod() + " " + info.getPath()));
                config.requestLogger.http(metrics);
                for (CommandRoute route : CommandRoutes.all(directory)) {
                    config.routes.addEndpoint(new Endpoint(route.method(), route.path(),
                            access.guard(writers, ctx -> endpoint.handle(ctx, route))));
                }
                config.routes.get(OpenApiDocument.PATH, access.guard(open,
                        ctx -> ctx.contentType(OpenApiDocument.CONTENT_TYPE).result(openApi)));
                config.routes.get("/health/live", access.guard(open, ctx -> ctx.json(new Health("UP", directory.size()))));
                config.routes.get("/health/ready", access.guard(open, ctx -> readiness(ctx, directory)));
                config.routes.get(GatewayMetrics.PATH, access.guard(AccessRule.anyOf(Role.OPERATOR), metrics::scrape));
                docs.install(config);

                config.routes.exception(ProblemException.class, (e, ctx) -> {
                    RequestLog.rejected(ctx, e.problem());
                    ProblemResponses.write(ctx, e.problem(), e.retryAfter());
                });
                config.routes.exception(AccessDeniedException.class, (e, ctx) -> {
                    ctx.header("WWW-Authenticate", e.challenge());
                    Problem problem = Problem.of(Problem.GENERIC, e.status(), e.status() == 401 ? "Unauthorized"
                            : "Forbidden", e.reason());
                    RequestLog.rejected(ctx, problem);
                    ProblemResponses.write(ctx, problem, null);
                });
                config.routes.exception(IssuerUnavailableException.class, (e, ctx) -> {
                    log.warn("Refused {} {}: {}", ctx.method(), ctx.path(), e.getMessage());
                    ProblemResponses.write(ctx, Problem.of(Problem.UNAVAILABLE, 503, "Token issuer unavailable",
                            e.getMessage()), CommandEndpoint.RETRY_AFTER);
                });
                config.routes.exception(InvalidCommandException.class, (e, ctx) -> {
                    Problem problem = Problem.withErrors(Problem.INVALID_COMMAND, 422, "Invalid command",
                            fieldsNamed(e.violations()), e.violations());
                    RequestLog.rejected(ctx, problem);
                    ProblemResponses.write(ctx, problem, null);
                });
                config.routes.exception(PartnerConflictException.class, (e, ctx) -> {
                    Problem problem = Problem.of(Problem.PARTNER_CONFLICT, 409, "Partner already joined", e.getMessage());
                    RequestLog.rejected(ctx, problem);
                    ProblemResponses.write(ctx, problem, null);
                });
                config.routes.exception(Exception.class, (e, ctx) -> {
                    log.error("Unexpected error answering {} {}", ctx.method(), ctx.path(), e);
                    ProblemResponses.write(ctx, Problem.of(Problem.GENERIC, 500, "Internal error",
                            "The gateway failed to answer; see its log"), null);
                });
                config.routes.error(404, "*", ctx -> unlessAnswered(ctx, Problem.of(Problem.GENERIC, 404, "Not found",
                        "No resource at " + ctx.path() + "; the API is described at " + OpenApiDocument.PATH)));
                config.routes.error(405, "*", ctx -> unlessAnswered(ctx, Problem.of(Problem.GENERIC, 405,
                        "Method not allowed", ctx.method() + " is not allowed on " + ctx.path() + "; see "
                                + OpenApiDocument.PATH)));
            }).start();
            log.info("Gateway HTTP API listening on {}://{}:{}{} ({} command routes; OpenAPI at {}, browsable at {};"
                            + " metrics at {})", options.server().scheme(), options.host(), app.port(), CommandRoutes.PARTNERS,
                    CommandRoutes.all(directory).size(), OpenApiDocument.PATH, ApiDocsPage.PATH, GatewayMetrics.PATH);
            return new GatewayHttpServer(app, responder, List.copyOf(registered), metrics);
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
        app.stop();
        metrics.close();
        responder.shutdown();
        try {
            responder.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void readiness(Context ctx, PartnerDirectory directory) {
        if (directory.isComplete()) {
            ctx.json(new Health("READY", directory.size()));
        } else {
            ctx.header(ProblemResponses.RETRY_AFTER_HEADER, Long.toString(CommandEndpoint.RETRY_AFTER.toSeconds()));
            ctx.status(503).json(new Health("STARTING", directory.size()));
        }
    }

    /** The detail of a 422: which fields, by name, so the one line a client logs says what to fix. */
    private static String fieldsNamed(List<Violation> violations) {
        return "Fields breaking the command's rules: " + violations.stream().map(Violation::field).distinct()
                .collect(java.util.stream.Collectors.joining(", ")) + "; see errors";
    }

    /** A 404 or 405 from the router, unless a handler has already written its own problem. */
    private static void unlessAnswered(Context ctx, Problem problem) {
        String written = ctx.res().getContentType();
        if (written == null || !written.startsWith(Problem.CONTENT_TYPE)) {
            ProblemResponses.write(ctx, problem, null);
        }
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

package org.pfptracker.http.server;

import io.javalin.config.JettyConfig;
import io.javalin.config.RoutesConfig;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.eclipse.jetty.http.BadMessageException;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Errors Jetty answers itself, before any route runs (a path it cannot decode, a URI or headers too long,
 * a malformed request line), in the server's own error shape instead of Jetty's HTML page: a client that
 * parses every error body finds these parseable too, and nothing says which server software answered. With
 * {@link #answerRefusalsIn}, also what Jetty refuses while a route runs (a body arriving too slowly).
 */
public final class ProblemErrorHandler extends ErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorHandler.class);

    /** The body of an error, for a status and Jetty's reason. */
    @FunctionalInterface
    public interface Body {
        String of(int status, String reason);
    }

    private final String contentType;
    private final Body body;
    /** The server answering, once installed: it says whether answers carry HSTS (TLS on). */
    private volatile Server server;

    private ProblemErrorHandler(String contentType, Body body) {
        this.contentType = contentType;
        this.body = body;
    }

    /** RFC 9457 problem details, as the tracker and the gateway answer every error. */
    public static ProblemErrorHandler problemJson() {
        return new ProblemErrorHandler("application/problem+json", (status, reason) -> "{\"type\":\"about:blank\","
                + "\"title\":" + quoted(HttpStatus.getMessage(status)) + ",\"status\":" + status
                + ",\"detail\":" + quoted(reason == null || reason.isBlank() ? HttpStatus.getMessage(status)
                        : "The request could not be read: " + reason) + "}");
    }

    /** Errors in another JSON shape, e.g. Confluent's {@code {"error_code": ..., "message": ...}}. */
    public static ProblemErrorHandler json(String contentType, Body body) {
        return new ProblemErrorHandler(contentType, body);
    }

    /** Makes this the error handler of the server being configured. */
    public void installOn(JettyConfig jetty) {
        jetty.modifyServer(server -> {
            server.setErrorHandler(this);
            this.server = server;
        });
    }

    /**
     * Answers in the same shape what Jetty refuses while a route runs: a body arriving slower than the minimum
     * rate ({@link ServerLimits#minBodyBytesPerSecond()}) fails the route's read with 408. Without this, a
     * server's catch-all would log an error and answer 500 to every slow client.
     */
    public void answerRefusalsIn(RoutesConfig routes) {
        routes.exception(BadMessageException.class, (e, ctx) -> {
            log.debug("Refused {} {} from {}: {}", ctx.method(), ctx.path(), ctx.ip(), e.getMessage());
            // What is left of the body will not be read: the connection cannot carry another request.
            ctx.header(HttpHeader.CONNECTION.asString(), "close");
            ctx.status(e.getCode()).contentType(contentType).result(body.of(e.getCode(), e.getReason()));
        });
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) throws IOException {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        // Jetty drops the connection after refusing a request it could not read; say so, or a client's pool
        // hands the dead connection to its next request.
        response.getHeaders().put(HttpHeader.CONNECTION, "close");
        strictTransportSecurity().ifPresent(value -> response.getHeaders().put(HttpHeader.STRICT_TRANSPORT_SECURITY, value));
        response.write(true, BufferUtil.toBuffer(body.of(code, message), StandardCharsets.UTF_8), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(new HttpField(HttpHeader.CONTENT_TYPE, contentType));
        fields.put(new HttpField(HttpHeader.CONNECTION, "close"));
        strictTransportSecurity().ifPresent(value -> fields.put(new HttpField(HttpHeader.STRICT_TRANSPORT_SECURITY, value)));
        return BufferUtil.toBuffer(body.of(status, reason), StandardCharsets.UTF_8);
    }

    /**
     * HSTS for answers Jetty gives before any request customizer ran (a request it could not parse): the same
     * header {@link ServerSetup} has every other answer carry when TLS is on.
     */
    private Optional<String> strictTransportSecurity() {
        Server answering = server;
        return answering == null ? Optional.empty()
                : Optional.ofNullable((String) answering.getAttribute(ServerSetup.STRICT_TRANSPORT_SECURITY));
    }

    /** A JSON string: the reason comes from the request, so everything that could break out is escaped. */
    public static String quoted(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == 0x2028 || c == 0x2029) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}

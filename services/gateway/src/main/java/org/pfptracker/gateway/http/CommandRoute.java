package org.pfptracker.gateway.http;

import io.javalin.http.HandlerType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pfptracker.gateway.command.Command;

/**
 * Where a command is sent: method and path template, e.g. {@code POST /api/v1/partners/{partnerId}/activities}.
 *
 * @param method the HTTP method
 * @param path the path template, in Javalin's and OpenAPI's common {@code {name}} syntax
 * @param command the command the route accepts
 */
public record CommandRoute(HandlerType method, String path, Command command) {

    private static final Pattern PARAMETER = Pattern.compile("\\{([A-Za-z]+)}");

    public CommandRoute {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(command, "command");
    }

    /** The names of the path parameters, in order. */
    public List<String> pathParameters() {
        List<String> names = new ArrayList<>();
        Matcher matcher = PARAMETER.matcher(path);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /**
     * The path with its parameters filled in: the canonical form of a request's path, whatever trailing
     * slash the client added, so that it can name the request for idempotency.
     */
    public String pathFor(Map<String, String> parameters) {
        Matcher matcher = PARAMETER.matcher(path);
        StringBuilder filled = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(filled, Matcher.quoteReplacement(parameters.get(matcher.group(1))));
        }
        matcher.appendTail(filled);
        return filled.toString();
    }

    @Override
    public String toString() {
        return method + " " + path;
    }
}

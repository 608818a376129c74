package org.pfptracker.gateway.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * One generated HTTP request, as a hostile client could send it.
 *
 * @param method the HTTP method
 * @param path the path, already percent-encoded where needed
 * @param body the body's bytes (empty for none); not necessarily JSON, nor even UTF-8
 * @param headers header name/value pairs, a name possibly more than once
 */
record FuzzRequest(String method, String path, byte[] body, List<Header> headers) {

    FuzzRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(body, "body");
        headers = List.copyOf(headers);
    }

    /** One header line. */
    record Header(String name, String value) {
    }

    /** Readable in a failure report: the body as text, cut short. */
    @Override
    public String toString() {
        String text = new String(body, StandardCharsets.UTF_8);
        return method + " " + path + " " + headers + " body(" + body.length + " bytes): "
                + (text.length() <= 400 ? text : text.substring(0, 400) + "...");
    }
}

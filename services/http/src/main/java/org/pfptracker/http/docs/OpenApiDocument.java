package org.pfptracker.http.docs;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** {@code GET /openapi.yaml}: a server's hand-written OpenAPI 3 document, shipped inside its jar, served as it is. */
public final class OpenApiDocument implements Handler {

    public static final String PATH = "/openapi.yaml";
    public static final String CONTENT_TYPE = "application/yaml";

    private final byte[] document;

    private OpenApiDocument(byte[] document) {
        this.document = document;
    }

    /**
     * Reads the document once, at start-up, so a build that lost it fails at once.
     *
     * @param anchor a class of the server, whose class loader holds the document
     * @param resource the document's absolute path on the class path
     */
    public static OpenApiDocument load(Class<?> anchor, String resource) {
        try (InputStream in = anchor.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The OpenAPI document " + resource + " is missing from the class path");
            }
            return new OpenApiDocument(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the OpenAPI document " + resource, e);
        }
    }

    @Override
    public void handle(Context ctx) {
        ctx.contentType(CONTENT_TYPE).result(document);
    }
}

package org.pfptracker.gateway.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The hand-written OpenAPI 3 document of the gateway, served as it is at {@link #PATH}. */
public final class OpenApiDocument {

    public static final String PATH = "/openapi.yaml";
    public static final String CONTENT_TYPE = "application/yaml";
    private static final String RESOURCE = "openapi.yaml";

    private OpenApiDocument() {
    }

    /** The document's bytes; read once at start-up, so a build that lost it fails at once. */
    public static byte[] load() {
        try (InputStream in = OpenApiDocument.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The OpenAPI document " + RESOURCE + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

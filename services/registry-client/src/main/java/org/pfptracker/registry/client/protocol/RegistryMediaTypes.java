package org.pfptracker.registry.client.protocol;

/** The content types of the Schema Registry REST API. */
public final class RegistryMediaTypes {

    /** The versioned type Confluent's clients send and its server answers with. */
    public static final String V1_JSON = "application/vnd.schemaregistry.v1+json";
    /** The unversioned registry type. */
    public static final String DEFAULT_JSON = "application/vnd.schemaregistry+json";
    /** Plain JSON, which every registry also accepts. */
    public static final String JSON = "application/json";
    /** The Accept header Confluent's client sends: the versioned type preferred, plain JSON accepted. */
    public static final String ACCEPT = V1_JSON + ", " + DEFAULT_JSON + "; qs=0.9, " + JSON + "; qs=0.5";

    private RegistryMediaTypes() {
    }
}

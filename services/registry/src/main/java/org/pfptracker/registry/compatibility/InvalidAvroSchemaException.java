package org.pfptracker.registry.compatibility;

/** Schema text that Avro cannot parse; the message says why. */
public final class InvalidAvroSchemaException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** With the reason for a person. */
    public InvalidAvroSchemaException(String message) {
        super(message);
    }
}

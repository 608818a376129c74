package org.pfptracker.registry.store;

import java.util.List;
import org.pfptracker.registry.client.RegistryErrorCodes;

/**
 * A request the registry refuses or cannot serve, with the HTTP status and Confluent error code the
 * API answers it with. The factory methods word the messages as Confluent's registry does, because
 * clients and operators search for those sentences.
 */
public final class RegistryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int httpStatus;
    private final int errorCode;

    private RegistryException(int httpStatus, int errorCode, String message, Throwable cause) {
        super(message, cause);
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
    }

    /** The HTTP status of the answer. */
    public int httpStatus() {
        return httpStatus;
    }

    /** Confluent's error code of the answer. */
    public int errorCode() {
        return errorCode;
    }

    /** True for the registry's own failures (5xx), as opposed to refusals of a bad request. */
    public boolean isServerFailure() {
        return httpStatus >= 500;
    }

    /** 404 / 40401. */
    public static RegistryException subjectNotFound(String subject) {
        return new RegistryException(404, RegistryErrorCodes.SUBJECT_NOT_FOUND, "Subject '" + subject + "' not found.", null);
    }

    /** 404 / 40402. */
    public static RegistryException versionNotFound(int version) {
        return new RegistryException(404, RegistryErrorCodes.VERSION_NOT_FOUND, "Version " + version + " not found.", null);
    }

    /** 404 / 40403, for an id. */
    public static RegistryException schemaNotFound(int id) {
        return new RegistryException(404, RegistryErrorCodes.SCHEMA_NOT_FOUND, "Schema " + id + " not found", null);
    }

    /** 404 / 40403, for a look-up under a subject. */
    public static RegistryException schemaNotFound() {
        return new RegistryException(404, RegistryErrorCodes.SCHEMA_NOT_FOUND, "Schema not found", null);
    }

    /** 404 / 40404: a soft delete of a subject with no live version left. */
    public static RegistryException subjectSoftDeleted(String subject) {
        return new RegistryException(404, RegistryErrorCodes.SUBJECT_SOFT_DELETED, "Subject '" + subject
                + "' was soft deleted. Set permanent=true to delete permanently", null);
    }

    /** 404 / 40405: a permanent delete of a subject that still has live versions. */
    public static RegistryException subjectNotSoftDeleted(String subject) {
        return new RegistryException(404, RegistryErrorCodes.SUBJECT_NOT_SOFT_DELETED, "Subject '" + subject
                + "' was not deleted first before being permanently deleted", null);
    }

    /** 404 / 40406: a soft delete of a version soft-deleted already. */
    public static RegistryException versionSoftDeleted(String subject, int version) {
        return new RegistryException(404, RegistryErrorCodes.VERSION_SOFT_DELETED, "Subject '" + subject + "' Version "
                + version + " was soft deleted. Set permanent=true to delete permanently", null);
    }

    /** 404 / 40407: a permanent delete of a version that was not soft-deleted first. */
    public static RegistryException versionNotSoftDeleted(String subject, int version) {
        return new RegistryException(404, RegistryErrorCodes.VERSION_NOT_SOFT_DELETED, "Subject '" + subject
                + "' Version " + version + " was not deleted first before being permanently deleted", null);
    }

    /** 404 / 40408. */
    public static RegistryException subjectCompatibilityNotConfigured(String subject) {
        return new RegistryException(404, RegistryErrorCodes.SUBJECT_COMPATIBILITY_NOT_CONFIGURED,
                "Subject '" + subject + "' does not have subject-level compatibility configured", null);
    }

    /** 409 / 409: Confluent answers the bare status as the code for this one. */
    public static RegistryException incompatible(String subject, List<String> details) {
        return new RegistryException(409, RegistryErrorCodes.INCOMPATIBLE_SCHEMA,
                "Schema being registered is incompatible with an earlier schema for subject \"" + subject
                        + "\", details: " + details, null);
    }

    /** 422 / 42201. */
    public static RegistryException invalidSchema(String reason) {
        return new RegistryException(422, RegistryErrorCodes.INVALID_SCHEMA, reason, null);
    }

    /** 422 / 42202. */
    public static RegistryException invalidVersion(String version) {
        return new RegistryException(422, RegistryErrorCodes.INVALID_VERSION, "The specified version '" + version
                + "' is not a valid version id. Allowed values are between [1, 2^31-1] and the string \"latest\"", null);
    }

    /** 422 / 42203. */
    public static RegistryException invalidCompatibilityLevel(String level) {
        return new RegistryException(422, RegistryErrorCodes.INVALID_COMPATIBILITY_LEVEL, "Invalid compatibility level '"
                + level + "'. Valid values are none, backward, forward, full, backward_transitive, forward_transitive, "
                + "and full_transitive", null);
    }

    /**
     * 415 / 415, as Confluent's server answers it: a request body of a type other than the registry's
     * JSON types.
     *
     * @param received the Content-Type sent, or null when none was
     * @param accepted the types that are accepted, for the message
     */
    public static RegistryException unsupportedMediaType(String received, List<String> accepted) {
        return new RegistryException(415, RegistryErrorCodes.UNSUPPORTED_MEDIA_TYPE, "HTTP 415 Unsupported Media Type: "
                + (received == null ? "no Content-Type" : "Content-Type '" + received + "'") + "; send "
                + String.join(", ", accepted) + " (optionally with a charset)", null);
    }

    /** 400 / 400: a body that is not the JSON the endpoint expects. */
    public static RegistryException badRequest(String reason) {
        return new RegistryException(400, 400, reason, null);
    }

    /** 500 / 50001. */
    public static RegistryException storeError(String message, Throwable cause) {
        return new RegistryException(500, RegistryErrorCodes.STORE_ERROR, message, cause);
    }

    /** 500 / 50002. */
    public static RegistryException timeout(String message, Throwable cause) {
        return new RegistryException(500, RegistryErrorCodes.OPERATION_TIMEOUT, message, cause);
    }
}

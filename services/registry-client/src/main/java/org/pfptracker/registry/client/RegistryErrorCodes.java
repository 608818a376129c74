package org.pfptracker.registry.client;

/**
 * The {@code error_code} values of Confluent's Schema Registry REST API, as this client reads them and
 * as our own registry server answers them. An error body is {@code {"error_code": 40401, "message": "..."}};
 * the first three digits are the HTTP status, except for the two codes that are the bare status.
 */
public final class RegistryErrorCodes {

    /** The caller is not authenticated: no credentials, or credentials the registry does not accept. HTTP 401. */
    public static final int UNAUTHORIZED = 40101;
    /** The authenticated caller may not make this call, e.g. a write without the admin role. HTTP 403. */
    public static final int FORBIDDEN = 40301;
    /** The subject has never been registered. HTTP 404. */
    public static final int SUBJECT_NOT_FOUND = 40401;
    /** The subject exists but not at that version. HTTP 404. */
    public static final int VERSION_NOT_FOUND = 40402;
    /** No schema has that id, or the subject does not hold that schema. HTTP 404. */
    public static final int SCHEMA_NOT_FOUND = 40403;
    /** A soft delete of a subject whose versions are all soft-deleted already. HTTP 404. */
    public static final int SUBJECT_SOFT_DELETED = 40404;
    /** A permanent delete of a subject that still has versions not soft-deleted. HTTP 404. */
    public static final int SUBJECT_NOT_SOFT_DELETED = 40405;
    /** A soft delete of a version that is soft-deleted already. HTTP 404. */
    public static final int VERSION_SOFT_DELETED = 40406;
    /** A permanent delete of a version that was not soft-deleted first. HTTP 404. */
    public static final int VERSION_NOT_SOFT_DELETED = 40407;
    /** The subject has no compatibility level of its own (GET /config/{subject}). HTTP 404. */
    public static final int SUBJECT_COMPATIBILITY_NOT_CONFIGURED = 40408;
    /** What Confluent's server answers for an incompatible schema: the bare HTTP status. */
    public static final int INCOMPATIBLE_SCHEMA = 409;
    /** The documented code for an incompatible schema; some servers send it instead of 409. */
    public static final int INCOMPATIBLE_SCHEMA_DETAILED = 40901;
    /** The schema does not parse, or is of a type or shape the registry refuses. HTTP 422. */
    public static final int INVALID_SCHEMA = 42201;
    /** A version that is neither 1..2^31-1 nor "latest". HTTP 422. */
    public static final int INVALID_VERSION = 42202;
    /** A compatibility level that is not one of the seven. HTTP 422. */
    public static final int INVALID_COMPATIBILITY_LEVEL = 42203;
    /** A request body of a content type other than the registry's JSON types. HTTP 415. */
    public static final int UNSUPPORTED_MEDIA_TYPE = 415;
    /** The registry could not read or write its backing store. HTTP 500. */
    public static final int STORE_ERROR = 50001;
    /** The registry timed out waiting for its backing store. HTTP 500. */
    public static final int OPERATION_TIMEOUT = 50002;
    /** A follower could not forward a write to the primary. HTTP 500. */
    public static final int REQUEST_FORWARDING_FAILED = 50003;

    private RegistryErrorCodes() {
    }
}

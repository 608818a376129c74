package org.pfptracker.registry.client;

/**
 * Turns a registry's error answer into the exception a caller can handle. The HTTP status decides
 * first, because every server agrees on it; Confluent's {@code error_code} then refines it, because
 * only Confluent-compatible servers send one and some send a different one for the same case.
 */
final class RegistryErrorMapper {

    private RegistryErrorMapper() {
    }

    /**
     * @param httpStatus the status of the answer, 4xx or 5xx
     * @param errorCode  the body's {@code error_code}, or the status when the body had none
     * @param message    the body's {@code message}, or a description of the answer
     */
    static SchemaRegistryException toException(int httpStatus, int errorCode, String message) {
        if (httpStatus >= 500) {
            return switch (errorCode) {
                case RegistryErrorCodes.STORE_ERROR -> new RegistryStoreException(message, httpStatus, errorCode);
                case RegistryErrorCodes.OPERATION_TIMEOUT -> new RegistryTimeoutException(message, httpStatus, errorCode);
                case RegistryErrorCodes.REQUEST_FORWARDING_FAILED ->
                        new RegistryForwardingException(message, httpStatus, errorCode);
                default -> new RetriableSchemaRegistryException(message, httpStatus, errorCode, null);
            };
        }
        return switch (httpStatus) {
            // Whatever the code (40101, the bare 401, or none from a proxy): the credentials are the problem.
            case 401 -> new RegistryAuthenticationException(message, httpStatus, errorCode);
            case 403 -> new RegistryAuthorizationException(message, httpStatus, errorCode);
            case 404 -> switch (errorCode) {
                case RegistryErrorCodes.SUBJECT_NOT_FOUND -> new SubjectNotFoundException(message, httpStatus, errorCode);
                case RegistryErrorCodes.VERSION_NOT_FOUND -> new VersionNotFoundException(message, httpStatus, errorCode);
                case RegistryErrorCodes.SCHEMA_NOT_FOUND -> new SchemaNotFoundException(message, httpStatus, errorCode);
                case RegistryErrorCodes.SUBJECT_SOFT_DELETED, RegistryErrorCodes.VERSION_SOFT_DELETED ->
                        new SoftDeletedException(message, httpStatus, errorCode);
                case RegistryErrorCodes.SUBJECT_NOT_SOFT_DELETED, RegistryErrorCodes.VERSION_NOT_SOFT_DELETED ->
                        new NotSoftDeletedException(message, httpStatus, errorCode);
                default -> new SchemaRegistryException(message, httpStatus, errorCode, null);
            };
            // Confluent answers "soft-delete first" with 404; Apicurio's Confluent API with 409 and the same code.
            case 409 -> switch (errorCode) {
                case RegistryErrorCodes.SUBJECT_SOFT_DELETED, RegistryErrorCodes.VERSION_SOFT_DELETED ->
                        new SoftDeletedException(message, httpStatus, errorCode);
                case RegistryErrorCodes.SUBJECT_NOT_SOFT_DELETED, RegistryErrorCodes.VERSION_NOT_SOFT_DELETED ->
                        new NotSoftDeletedException(message, httpStatus, errorCode);
                default -> new IncompatibleSchemaException(message, httpStatus, errorCode);
            };
            case 422 -> switch (errorCode) {
                case RegistryErrorCodes.INVALID_SCHEMA -> new InvalidSchemaException(message, httpStatus, errorCode);
                case RegistryErrorCodes.INVALID_VERSION -> new InvalidVersionException(message, httpStatus, errorCode);
                case RegistryErrorCodes.INVALID_COMPATIBILITY_LEVEL ->
                        new InvalidCompatibilityLevelException(message, httpStatus, errorCode);
                default -> new SchemaRegistryException(message, httpStatus, errorCode, null);
            };
            default -> new SchemaRegistryException(message, httpStatus, errorCode, null);
        };
    }
}

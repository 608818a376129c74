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
            case 404 -> switch (errorCode) {
                case RegistryErrorCodes.SUBJECT_NOT_FOUND -> new SubjectNotFoundException(message, httpStatus, errorCode);
                case RegistryErrorCodes.VERSION_NOT_FOUND -> new VersionNotFoundException(message, httpStatus, errorCode);
                case RegistryErrorCodes.SCHEMA_NOT_FOUND -> new SchemaNotFoundException(message, httpStatus, errorCode);
                default -> new SchemaRegistryException(message, httpStatus, errorCode, null);
            };
            case 409 -> new IncompatibleSchemaException(message, httpStatus, errorCode);
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

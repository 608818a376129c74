package org.pfptracker.registry.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RegistryErrorMapperTest {

    @ParameterizedTest(name = "HTTP {0} with error_code {1} -> {2}")
    @CsvSource({
            "404, 40401, SubjectNotFoundException,           false",
            "404, 40402, VersionNotFoundException,           false",
            "404, 40403, SchemaNotFoundException,            false",
            "404, 40404, SoftDeletedException,               false",
            "404, 40405, NotSoftDeletedException,            false",
            "404, 40406, SoftDeletedException,               false",
            "404, 40407, NotSoftDeletedException,            false",
            "404, 404,   SchemaRegistryException,            false",
            "409, 409,   IncompatibleSchemaException,        false",
            "409, 40901, IncompatibleSchemaException,        false",
            // Apicurio's Confluent API answers the deletion codes with 409 instead of 404.
            "409, 40405, NotSoftDeletedException,            false",
            "409, 40406, SoftDeletedException,               false",
            "422, 42201, InvalidSchemaException,             false",
            "422, 42202, InvalidVersionException,            false",
            "422, 42203, InvalidCompatibilityLevelException, false",
            "500, 50001, RegistryStoreException,             true",
            "500, 50002, RegistryTimeoutException,           true",
            "500, 50003, RegistryForwardingException,        true",
            "503, 503,   RetriableSchemaRegistryException,   true",
            // Whatever the code, 401 and 403 are about the credentials: a proxy sends none of Confluent's.
            "401, 40101, RegistryAuthenticationException,    false",
            "401, 401,   RegistryAuthenticationException,    false",
            "403, 40301, RegistryAuthorizationException,     false",
            "403, 403,   RegistryAuthorizationException,     false",
            "400, 400,   SchemaRegistryException,            false",
            // The status decides first: a code that belongs to another status does not mislead.
            "500, 40401, RetriableSchemaRegistryException,   true",
            "404, 42201, SchemaRegistryException,            false"
    })
    void shouldMapTheStatusFirstAndThenTheErrorCode(int status, int errorCode, String expected, boolean retriable) {
        SchemaRegistryException exception = RegistryErrorMapper.toException(status, errorCode, "message");

        assertThat(exception.getClass().getSimpleName()).isEqualTo(expected);
        assertThat(exception.isRetriable()).isEqualTo(retriable);
        assertThat(exception.httpStatus()).isEqualTo(status);
        assertThat(exception.errorCode()).isEqualTo(errorCode);
        assertThat(exception).hasMessage("message");
    }
}

package org.pfptracker.registry.client.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The body of every error answer.
 *
 * @param errorCode Confluent's code, e.g. 40401; see {@code RegistryErrorCodes}
 * @param message   a sentence for a person
 */
public record ErrorResponse(@JsonProperty("error_code") int errorCode, String message) {
}

package org.pfptracker.gateway.http;

/**
 * The body of the health endpoints.
 *
 * @param status UP when live; READY once the known partners are loaded, STARTING before
 * @param knownPartners how many partners the gateway knows
 */
public record Health(String status, int knownPartners) {
}

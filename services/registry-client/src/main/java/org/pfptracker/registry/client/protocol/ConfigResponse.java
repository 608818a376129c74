package org.pfptracker.registry.client.protocol;

/**
 * Answer to {@code GET /config} and {@code GET /config/{subject}}.
 *
 * @param compatibilityLevel the level, e.g. BACKWARD
 */
public record ConfigResponse(String compatibilityLevel) {
}

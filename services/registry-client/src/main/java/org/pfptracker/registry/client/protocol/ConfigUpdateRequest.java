package org.pfptracker.registry.client.protocol;

/**
 * Body of {@code PUT /config} and {@code PUT /config/{subject}}, and the answer to them.
 *
 * @param compatibility the level, e.g. FULL
 */
public record ConfigUpdateRequest(String compatibility) {
}

package org.pfptracker.tracker.query;

/**
 * Whether this instance can answer queries now: the JSON of {@code GET /health/ready}.
 *
 * @param ready {@code true} when Kafka Streams is RUNNING and this instance's partner store is queryable
 * @param state the Kafka Streams state, e.g. RUNNING, REBALANCING
 * @param detail why it is not ready, or what it holds when it is
 */
public record Readiness(boolean ready, String state, String detail) {
}

/**
 * The registry's memory: the schemas topic read into memory by every instance, and the
 * single-writer protocol (one shared transactional id) that keeps ids and versions unique across
 * instances. See {@code KafkaSchemaLog} for why it is safe.
 */
package org.pfptracker.registry.store;

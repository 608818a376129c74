/**
 * A client of Confluent's Schema Registry REST API: {@link org.pfptracker.registry.client.SchemaRegistryClient},
 * implemented over HTTP by {@link org.pfptracker.registry.client.HttpSchemaRegistryClient}, with the
 * registry's refusals as a small exception hierarchy under
 * {@link org.pfptracker.registry.client.SchemaRegistryException}. How the client authenticates lives in
 * {@code client.auth}.
 */
package org.pfptracker.registry.client;

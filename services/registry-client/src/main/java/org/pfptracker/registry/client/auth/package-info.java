/**
 * How the schema registry client authenticates: the credentials as values
 * ({@link org.pfptracker.registry.client.auth.RegistryCredentials}) for code that builds a client, and
 * Confluent's configuration keys ({@link org.pfptracker.registry.client.auth.RegistryAuthConfig}) for
 * the serdes, so that one Kafka client configuration authenticates Confluent's serdes and ours alike.
 */
package org.pfptracker.registry.client.auth;

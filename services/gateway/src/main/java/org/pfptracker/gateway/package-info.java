/**
 * The HTTP gateway: upstream systems not on the JVM send commands as JSON, the gateway checks them, turns
 * them into Avro events and publishes them to Kafka, answering 202 only once Kafka has acknowledged them
 * with {@code acks=all}. {@link org.pfptracker.gateway.GatewayService} is the entry point; the API is
 * described by the OpenAPI document it serves at {@code /openapi.yaml}.
 */
package org.pfptracker.gateway;

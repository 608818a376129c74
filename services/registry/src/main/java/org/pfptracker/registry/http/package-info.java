/** Confluent's Schema Registry REST API on Javalin, with Confluent's JSON shapes and error codes. */
package org.pfptracker.registry.http;

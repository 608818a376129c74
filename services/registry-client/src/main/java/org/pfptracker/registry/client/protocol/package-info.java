/**
 * The JSON bodies of Confluent's Schema Registry REST API, field for field, as records. The client
 * writes and reads them; our registry server answers with the same records, so the two cannot drift
 * apart. Optional fields are left out of the JSON when null, as Confluent's server does.
 */
package org.pfptracker.registry.client.protocol;

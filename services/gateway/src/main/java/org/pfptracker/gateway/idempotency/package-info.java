/**
 * Safe retries: event ids derived from the client's Idempotency-Key and the request's fingerprint, and the
 * bounded store of answers that lets a retry get the first answer without a second publish.
 */
package org.pfptracker.gateway.idempotency;

package org.pfptracker.tracker.query;

/**
 * An answer already in JSON, written to the response as it is.
 *
 * @param json the body
 */
public record JsonBody(byte[] json) {
}

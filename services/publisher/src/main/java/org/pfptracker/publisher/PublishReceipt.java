package org.pfptracker.publisher;

/**
 * Proof that Kafka accepted an event with {@code acks=all}: where it now lives.
 *
 * @param eventId the event's own id
 * @param topic topic it was written to
 * @param partition partition (all events of one partner land in the same one)
 * @param offset offset within the partition
 */
public record PublishReceipt(String eventId, String topic, int partition, long offset) {
}

package org.pfptracker.gateway.delivery;

import java.util.concurrent.CompletableFuture;
import org.apache.avro.specific.SpecificRecord;
import org.pfptracker.publisher.EventPublisher;
import org.pfptracker.publisher.PublishReceipt;

/**
 * Where accepted commands' events go: in production {@link EventPublisher#publish(SpecificRecord, String)},
 * whose receipt means Kafka has the event on every in-sync replica.
 */
@FunctionalInterface
public interface EventSink {

    /**
     * Publishes an event with the caller's W3C traceparent ({@code null} for none).
     *
     * @return completes with the receipt once Kafka acknowledged the write, or exceptionally if it did not
     */
    CompletableFuture<PublishReceipt> publish(SpecificRecord event, String traceparent);
}

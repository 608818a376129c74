package org.pfptracker.gateway.delivery;

import java.io.IOException;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.errors.RetriableException;
import org.pfptracker.registry.client.RetriableSchemaRegistryException;

/**
 * Tells a cluster (or registry) that cannot take a write just now, which a client should retry later, from
 * a failure that retrying will not cure (a bug, a record Kafka refuses, missing permissions).
 */
public final class DeliveryFailures {

    private DeliveryFailures() {
    }

    /**
     * Whether the failure is transient: Kafka's retriable errors (delivery timeout, not enough in-sync
     * replicas, no leader, network), a registry that cannot be reached or is itself waiting on Kafka, the
     * gateway's own wait running out, or a publisher closed under the request by a shutdown.
     */
    public static boolean isTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof RetriableException
                    || cause instanceof RetriableSchemaRegistryException
                    || cause instanceof IOException
                    || cause instanceof TimeoutException
                    || isClosedProducer(cause)) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    /** The one outcome worth naming: the root cause's type and message, without a stack trace. */
    public static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    private static boolean isClosedProducer(Throwable cause) {
        // KafkaProducer says so only in the message of a plain KafkaException (or IllegalStateException).
        String message = cause.getMessage();
        return message != null && message.contains("producer") && message.contains("closed");
    }
}

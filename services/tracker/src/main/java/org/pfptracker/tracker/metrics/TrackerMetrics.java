package org.pfptracker.tracker.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.ArrayDeque;
import java.util.Deque;
import org.apache.kafka.streams.KafkaStreams;
import org.pfptracker.tracker.query.PartnerRouting;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The metrics of one tracker instance, scraped at {@code GET /metrics}: the JVM and the process, the
 * Kafka Streams client (through Micrometer's binder, which reads the clients' own metrics), and whatever
 * other parts bind themselves ({@code MeterBinder}s: event counters, query counters, stream clients, HTTP).
 *
 * <p>One registry per instance, not Micrometer's global one: a JVM may run several instances (the local
 * stack, the tests), and each must report its own.
 */
public final class TrackerMetrics implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TrackerMetrics.class);

    private final PrometheusMeterRegistry registry;
    /** Binders that hold listeners or threads, closed in reverse order. */
    private final Deque<AutoCloseable> closeable = new ArrayDeque<>();

    private TrackerMetrics(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    /** A registry with the JVM and process metrics bound. */
    public static TrackerMetrics create() {
        TrackerMetrics metrics = new TrackerMetrics(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
        metrics.bind(new ClassLoaderMetrics(), new JvmMemoryMetrics(), new JvmThreadMetrics(), new ProcessorMetrics(),
                new UptimeMetrics(), new FileDescriptorMetrics());
        JvmGcMetrics gc = new JvmGcMetrics();
        gc.bindTo(metrics.registry);
        metrics.closeable.push(gc);
        return metrics;
    }

    /** The registry, for the HTTP layer to time requests with and to scrape. */
    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /** Binds more meters: counters and gauges of the tracker's own parts. */
    public void bind(MeterBinder... binders) {
        for (MeterBinder binder : binders) {
            binder.bindTo(registry);
        }
    }

    /** Binds the Kafka Streams client's metrics (threads, tasks, stores, its consumers and producers). */
    public void bindKafkaStreams(KafkaStreams streams) {
        KafkaStreamsMetrics binder = new KafkaStreamsMetrics(streams);
        binder.bindTo(registry);
        closeable.push(binder);
    }

    /**
     * {@code pfp_tracker_ready}: 1 while the instance can answer queries from its stores (what
     * {@code GET /health/ready} says), else 0; a graph of it shows restores and rebalances.
     */
    public static MeterBinder readiness(PartnerRouting routing) {
        return registry -> Gauge.builder("pfp.tracker.ready", routing, r -> r.readiness().ready() ? 1 : 0)
                .description("1 when Kafka Streams is RUNNING and this instance's partner store partitions are queryable")
                .register(registry);
    }

    @Override
    public void close() {
        while (!closeable.isEmpty()) {
            AutoCloseable binder = closeable.pop();
            try {
                binder.close();
            } catch (Exception e) {
                log.warn("Closing metrics binder {} failed: {}", binder.getClass().getSimpleName(), e.toString());
            }
        }
        registry.close();
    }
}

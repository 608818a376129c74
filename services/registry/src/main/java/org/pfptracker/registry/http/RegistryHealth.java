package org.pfptracker.registry.http;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import org.pfptracker.http.health.Health;
import org.pfptracker.registry.store.SchemaStore;

/**
 * What the registry says about itself to probes and scrapers. It answers from what it has read, so it is ready
 * while it keeps reading the schemas topic; a read that fails (an authorisation error, a deleted topic) makes
 * it not ready, as its answers may then be stale.
 */
final class RegistryHealth {

    private final SchemaStore store;

    RegistryHealth(SchemaStore store) {
        this.store = store;
    }

    Health readiness() {
        Map<String, Object> checks = Map.of("schemas", store.schemaCount(), "subjects", store.subjectCount(),
                "position", store.position());
        return store.readFailure()
                .map(failure -> Health.down("reading the schemas topic " + store.topic() + " fails: " + failure, checks))
                .orElseGet(() -> Health.up("following the schemas topic " + store.topic(), checks));
    }

    /** {@code pfp_registry_schemas} and {@code pfp_registry_subjects}: what the registry holds. */
    void bindTo(MeterRegistry registry) {
        Gauge.builder("pfp.registry.schemas", store, SchemaStore::schemaCount)
                .description("Distinct schemas (ids) the registry holds").register(registry);
        Gauge.builder("pfp.registry.subjects", store, SchemaStore::subjectCount)
                .description("Subjects the registry holds").register(registry);
        Gauge.builder("pfp.registry.ready", this, health -> health.readiness().isUp() ? 1 : 0)
                .description("1 while the registry reads its schemas topic without failing").register(registry);
    }
}

package org.pfptracker.platform.schema;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.pfptracker.registry.client.CompatibilityCheck;
import org.pfptracker.registry.client.CompatibilityLevel;
import org.pfptracker.registry.client.SchemaRegistryClient;
import org.pfptracker.registry.client.SubjectNotFoundException;
import org.pfptracker.registry.client.SchemaNotFoundException;

/**
 * Checks the contract schemas of this build (events, and the tracker's views and signals) ({@code schemas/}) against a running registry, and registers
 * them: the deploy-time gate that keeps the contract compatible.
 *
 * <p>The policy is {@link #POLICY BACKWARD_TRANSITIVE} on every subject: consumers (the tracker) are
 * upgraded before producers, and event topics keep their history forever, so a new reader must read
 * every version ever written, not only the previous one.
 */
public final class SchemaContract {

    /** The compatibility level every event subject is held to. */
    public static final CompatibilityLevel POLICY = CompatibilityLevel.BACKWARD_TRANSITIVE;

    private final SchemaRegistryClient registry;
    private final List<ContractRecord> records;

    /** The contract of this build: every event, and the tracker's views and signals. */
    public SchemaContract(SchemaRegistryClient registry) {
        this(registry, ContractRecord.all());
    }

    SchemaContract(SchemaRegistryClient registry, List<ContractRecord> records) {
        this.registry = registry;
        this.records = List.copyOf(records);
    }

    /** How each event schema of this build stands against the registry; changes nothing. */
    public ContractReport check() {
        List<SubjectStatus> statuses = new ArrayList<>();
        for (ContractRecord record : records) {
            statuses.add(check(record.subject(), record.schema()));
        }
        return new ContractReport(statuses);
    }

    /**
     * Checks, then, only if nothing is incompatible, holds every subject to the policy and registers
     * the schemas that are new. All or nothing: an incompatible schema registers none.
     */
    public ContractReport register() {
        ContractReport checked = check();
        if (!checked.compatible()) {
            return checked;
        }
        List<SubjectStatus> statuses = new ArrayList<>();
        for (ContractRecord record : records) {
            registry.updateSubjectCompatibility(record.subject(), POLICY);
            SubjectStatus before = checked.statusOf(record.subject());
            if (before.outcome() == Outcome.UNCHANGED) {
                statuses.add(before);
            } else {
                int id = registry.register(record.subject(), record.schema());
                statuses.add(new SubjectStatus(record.subject(), Outcome.REGISTERED, List.of("schema id " + id)));
            }
        }
        return new ContractReport(statuses);
    }

    private SubjectStatus check(String subject, Schema schema) {
        try {
            registry.lookup(subject, schema);
            return new SubjectStatus(subject, Outcome.UNCHANGED, List.of());
        } catch (SubjectNotFoundException e) {
            return new SubjectStatus(subject, Outcome.NEW, List.of());
        } catch (SchemaNotFoundException e) {
            CompatibilityCheck result = registry.checkCompatibility(subject, schema, true);
            return new SubjectStatus(subject, result.compatible() ? Outcome.COMPATIBLE : Outcome.INCOMPATIBLE,
                    result.messages());
        }
    }

    /** Where one subject stands. */
    public enum Outcome {
        /** The registry has no such subject yet: the schema will be its first version. */
        NEW,
        /** The registry already has exactly this schema. */
        UNCHANGED,
        /** A new version that the subject's compatibility level accepts. */
        COMPATIBLE,
        /** A new version the registry would refuse: do not deploy. */
        INCOMPATIBLE,
        /** Registered by this run. */
        REGISTERED
    }

    /**
     * One subject's outcome.
     *
     * @param subject registry subject ({@code <topic>-<record full name>})
     * @param outcome where it stands
     * @param messages the registry's reasons (for INCOMPATIBLE) or what was done
     */
    public record SubjectStatus(String subject, Outcome outcome, List<String> messages) {
        public SubjectStatus {
            messages = List.copyOf(messages);
        }
    }

    /** The outcome for every event subject. */
    public record ContractReport(List<SubjectStatus> subjects) {

        public ContractReport {
            subjects = List.copyOf(subjects);
        }

        public boolean compatible() {
            return subjects.stream().noneMatch(s -> s.outcome() == Outcome.INCOMPATIBLE);
        }

        SubjectStatus statusOf(String subject) {
            return subjects.stream().filter(s -> s.subject().equals(subject)).findFirst().orElseThrow();
        }
    }
}

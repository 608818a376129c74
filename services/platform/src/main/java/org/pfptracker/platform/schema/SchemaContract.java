package org.pfptracker.platform.schema;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;
import org.pfptracker.registry.client.CompatibilityCheck;
import org.pfptracker.registry.client.CompatibilityLevel;
import org.pfptracker.registry.client.RegisteredSchema;
import org.pfptracker.registry.client.SchemaNotFoundException;
import org.pfptracker.registry.client.SchemaRegistryClient;
import org.pfptracker.registry.client.SubjectNotFoundException;

/**
 * Checks the contract schemas of this build (events, and the tracker's views and signals, from
 * {@code schemas/}) against a running registry, and registers them: the deploy-time gate that keeps
 * the contract compatible.
 *
 * <p>The policy is {@link #POLICY BACKWARD_TRANSITIVE} on every subject: consumers (the tracker) are
 * upgraded before producers, and event topics keep their history forever, so a new reader must read
 * every version ever written, not only the previous one.
 *
 * <p>A registry's answer "compatible" is only worth what its settings are worth. So the check also
 * fails when:
 * <ul>
 *   <li>the registry's global level, or the level in force for a contract subject (its own, else the
 *       global one), is not {@linkplain CompatibilityLevel#isAtLeastAsStrictAs at least as strict} as
 *       the policy: anyone who set NONE could register anything from then on;</li>
 *   <li>a contract subject holds a live version whose schema this project never released (neither
 *       this build's nor one listed in {@link ReleasedSchemas}): it was not held to the policy when it
 *       was registered, and it makes later evolutions fail or pass for the wrong reasons. Retire it
 *       (a soft delete, {@code pfp schemas retire}) once it is understood.</li>
 * </ul>
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

    /** How each contract schema of this build stands against the registry, and its settings; changes nothing. */
    public ContractReport check() {
        CompatibilityLevel global = registry.globalCompatibility();
        List<SubjectStatus> statuses = new ArrayList<>();
        for (ContractRecord record : records) {
            statuses.add(check(record, global));
        }
        return new ContractReport(global, statuses);
    }

    /**
     * Checks, then, only if the check passed, holds every subject to the policy and registers the
     * schemas that are new. All or nothing: an incompatible schema, a weakened level or a version
     * this project never released registers none.
     */
    public ContractReport register() {
        ContractReport checked = check();
        if (!checked.passed()) {
            return checked;
        }
        List<SubjectStatus> statuses = new ArrayList<>();
        for (ContractRecord record : records) {
            registry.updateSubjectCompatibility(record.subject(), POLICY);
            SubjectStatus before = checked.statusOf(record.subject());
            if (before.outcome() == Outcome.UNCHANGED) {
                statuses.add(before.heldToPolicy());
            } else {
                int id = registry.register(record.subject(), record.schema());
                statuses.add(new SubjectStatus(record.subject(), Outcome.REGISTERED, POLICY, false, List.of(),
                        List.of("schema id " + id)));
            }
        }
        return new ContractReport(checked.globalLevel(), statuses);
    }

    private SubjectStatus check(ContractRecord record, CompatibilityLevel global) {
        String subject = record.subject();
        CompatibilityLevel own = registry.subjectCompatibility(subject).orElse(null);
        CompatibilityLevel level = own != null ? own : global;
        List<RegisteredSchema> foreign = foreignVersions(record);
        try {
            registry.lookup(subject, record.schema());
            return new SubjectStatus(subject, Outcome.UNCHANGED, level, own == null, foreign, List.of());
        } catch (SubjectNotFoundException e) {
            return new SubjectStatus(subject, Outcome.NEW, level, own == null, foreign, List.of());
        } catch (SchemaNotFoundException e) {
            CompatibilityCheck result = registry.checkCompatibility(subject, record.schema(), true);
            return new SubjectStatus(subject, result.compatible() ? Outcome.COMPATIBLE : Outcome.INCOMPATIBLE, level,
                    own == null, foreign, result.messages());
        }
    }

    /** The subject's live versions whose schema is none this project released for the record. */
    private List<RegisteredSchema> foreignVersions(ContractRecord record) {
        List<Integer> versions;
        try {
            versions = registry.versions(record.subject());
        } catch (SubjectNotFoundException e) {
            return List.of();
        }
        List<RegisteredSchema> foreign = new ArrayList<>();
        for (int version : versions) {
            RegisteredSchema registered = registry.version(record.subject(), version);
            if (!isReleased(record, registered.schema())) {
                foreign.add(registered);
            }
        }
        return foreign;
    }

    private static boolean isReleased(ContractRecord record, String registeredText) {
        try {
            return record.isReleased(new Schema.Parser().parse(registeredText));
        } catch (SchemaParseException e) {
            return false;
        }
    }

    /** Where one subject stands against this build's schema. */
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
     * One subject's outcome, and whether the registry holds it to the policy.
     *
     * @param subject           registry subject ({@code <topic>-<record full name>})
     * @param outcome           where this build's schema stands
     * @param level             the compatibility level in force for the subject
     * @param followsGlobal     whether that is the global level (the subject has none of its own)
     * @param foreignVersions   live versions whose schema this project never released (none of its
     *                          releases registered them)
     * @param messages          the registry's reasons (for INCOMPATIBLE) or what was done
     */
    public record SubjectStatus(String subject, Outcome outcome, CompatibilityLevel level, boolean followsGlobal,
            List<RegisteredSchema> foreignVersions, List<String> messages) {

        /** Copies the lists. */
        public SubjectStatus {
            foreignVersions = List.copyOf(foreignVersions);
            messages = List.copyOf(messages);
        }

        /** Whether the level in force is at least as strict as the policy. */
        public boolean levelHoldsPolicy() {
            return level.isAtLeastAsStrictAs(POLICY);
        }

        /** Whether nothing about this subject stands in the way of deploying the build. */
        public boolean passed() {
            return outcome != Outcome.INCOMPATIBLE && levelHoldsPolicy() && foreignVersions.isEmpty();
        }

        SubjectStatus heldToPolicy() {
            return new SubjectStatus(subject, outcome, POLICY, false, foreignVersions, messages);
        }
    }

    /**
     * The outcome for every contract subject, and the registry's global level.
     *
     * @param globalLevel the registry-wide level: the level of every subject without its own, and of
     *                    any subject a producer creates by registering on the fly
     * @param subjects    each contract subject's status
     */
    public record ContractReport(CompatibilityLevel globalLevel, List<SubjectStatus> subjects) {

        /** Copies the list. */
        public ContractReport {
            subjects = List.copyOf(subjects);
        }

        /** Whether the global level is at least as strict as the policy. */
        public boolean globalLevelHoldsPolicy() {
            return globalLevel.isAtLeastAsStrictAs(POLICY);
        }

        /** Whether the build may be deployed: every subject passed, and the global level holds the policy. */
        public boolean passed() {
            return globalLevelHoldsPolicy() && subjects.stream().allMatch(SubjectStatus::passed);
        }

        SubjectStatus statusOf(String subject) {
            return subjects.stream().filter(s -> s.subject().equals(subject)).findFirst().orElseThrow();
        }
    }
}

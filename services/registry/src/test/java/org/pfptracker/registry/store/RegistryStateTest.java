package org.pfptracker.registry.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The log folded into memory: what deletions do to listings, ids and numbering. */
class RegistryStateTest {

    private static final String PACE = "{\"type\":\"record\",\"name\":\"Pace\",\"fields\":[{\"name\":\"score\",\"type\":\"int\"}]}";
    private static final String RANK = "{\"type\":\"record\",\"name\":\"Rank\",\"fields\":[{\"name\":\"rank\",\"type\":\"long\"}]}";

    private final RegistryState state = new RegistryState();

    @Test
    void shouldHideASoftDeletedVersionButKeepItsIdResolvable() {
        // Given
        state.apply(new LogEntry.SchemaRegistered("pace-value", 1, 1, PACE));
        state.apply(new LogEntry.SchemaRegistered("pace-value", 2, 2, RANK));

        // When
        state.apply(new LogEntry.SchemaSoftDeleted("pace-value", 2, 2, RANK));

        // Then
        assertThat(state.versions("pace-value", false)).extracting(StoredSchema::version).containsExactly(1);
        assertThat(state.versions("pace-value", true)).extracting(StoredSchema::version, StoredSchema::deleted)
                .containsExactly(tuple(1, false), tuple(2, true));
        assertThat(state.findInSubject("pace-value", RANK, false)).isEmpty();
        assertThat(state.findInSubject("pace-value", RANK, true)).isPresent();
        assertThat(state.schemaById(2)).isPresent();
        assertThat(state.holdersOf(2, false)).isEmpty();
        assertThat(state.holdersOf(2, true)).extracting(StoredSchema::version).containsExactly(2);
    }

    @Test
    void shouldNumberTheNextVersionPastSoftDeletedOnesAndGiveTheSameSchemaItsIdAgain() {
        state.apply(new LogEntry.SchemaRegistered("pace-value", 1, 1, PACE));
        state.apply(new LogEntry.SchemaSoftDeleted("pace-value", 1, 1, PACE));

        assertThat(state.nextVersion("pace-value")).isEqualTo(2);
        assertThat(state.idFor(PACE)).isEqualTo(1);
    }

    @Test
    void shouldListASubjectWhoseVersionsAreAllSoftDeletedOnlyWhenAskedFor() {
        state.apply(new LogEntry.SchemaRegistered("pace-value", 1, 1, PACE));
        state.apply(new LogEntry.SchemaSoftDeleted("pace-value", 1, 1, PACE));

        assertThat(state.subjects(false)).isEmpty();
        assertThat(state.subjects(true)).containsExactly("pace-value");
        assertThat(state.hasSubject("pace-value", false)).isFalse();
        assertThat(state.subjectCount()).isZero();
    }

    @Test
    void shouldDropAPermanentlyDeletedIdOnlyWithItsLastHolder() {
        // Given the same schema under two subjects, soft-deleted under one
        state.apply(new LogEntry.SchemaRegistered("pace-value", 1, 1, PACE));
        state.apply(new LogEntry.SchemaRegistered("pace-archive-value", 1, 1, PACE));
        state.apply(new LogEntry.SchemaSoftDeleted("pace-value", 1, 1, PACE));

        // When it is deleted for good there, it still resolves: the other subject holds it
        state.apply(new LogEntry.SchemaPermanentlyDeleted("pace-value", 1));
        assertThat(state.subjects(true)).containsExactly("pace-archive-value");
        assertThat(state.schemaById(1)).isPresent();

        // When it goes from the other subject too, the id no longer resolves
        state.apply(new LogEntry.SchemaSoftDeleted("pace-archive-value", 1, 1, PACE));
        state.apply(new LogEntry.SchemaPermanentlyDeleted("pace-archive-value", 1));
        assertThat(state.schemaById(1)).isEmpty();
        assertThat(state.schemaCount()).isZero();
    }

    @Test
    void shouldNeverHandOutAPermanentlyDeletedIdAgainEvenAfterCompactionDroppedItsRecord() {
        // Given the log after compaction of: id 1 and id 2 registered, id 2 deleted for good with the
        // highest id kept; the record of id 2 and its tombstone are gone
        List<LogEntry> compacted = List.of(
                new LogEntry.SchemaRegistered("pace-value", 1, 1, PACE),
                new LogEntry.IdsIssued(2));

        // When a registry reads it from the beginning
        compacted.forEach(state::apply);

        // Then a new schema gets 3, never 2, which records written under the deleted schema carry
        assertThat(state.idFor(RANK)).isEqualTo(3);
    }
}

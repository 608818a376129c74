package org.pfptracker.platform.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.junit.jupiter.api.Test;

/**
 * The list of earlier releases is what tells a released version from a foreign one; an entry that
 * is not the record, or that this build cannot read, would let a bad version pass as released.
 */
class ReleasedSchemasTest {

    @Test
    void shouldListOnlyRecordsOfTheContract() {
        assertThat(ReleasedSchemas.recordsWithEarlierReleases())
                .allSatisfy(name -> assertThat(ContractRecord.all()).extracting(record -> record.recordClass().getName())
                        .contains(name));
    }

    @Test
    void shouldListEarlierSchemasOfTheirOwnRecordThatThisBuildCanRead() {
        for (ContractRecord record : ContractRecord.all()) {
            for (Schema earlier : record.earlierSchemas()) {
                assertThat(earlier.getFullName()).isEqualTo(record.recordClass().getName());
                // BACKWARD_TRANSITIVE: this build's schema reads data written with every earlier one.
                assertThat(SchemaCompatibility.checkReaderWriterCompatibility(record.schema(), earlier).getType())
                        .as("%s reads its earlier schema %s", record.subject(), earlier)
                        .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
            }
        }
    }

    @Test
    void shouldTakeThisBuildsSchemaInAnotherLayoutAsReleasedAndAnyOtherSchemaAsNot() {
        ContractRecord record = ContractRecord.all().get(0);
        Schema relaidOut = new Schema.Parser().parse(record.schema().toString(true));
        Schema retyped = Schema.createRecord(record.schema().getName(), null, record.schema().getNamespace(), false,
                List.of(new Schema.Field("n", Schema.create(Schema.Type.LONG))));

        assertThat(record.isReleased(relaidOut)).isTrue();
        assertThat(record.isReleased(retyped)).isFalse();
    }
}

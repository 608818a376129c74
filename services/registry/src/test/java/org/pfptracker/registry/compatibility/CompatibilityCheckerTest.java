package org.pfptracker.registry.compatibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.pfptracker.registry.client.CompatibilityLevel;
import org.pfptracker.registry.compatibility.CompatibilityChecker.Version;

class CompatibilityCheckerTest {

    private static final Schema V1 = schema("""
            {"name": "partnerId", "type": "string"}""");
    private static final Schema WITH_DEFAULTED_FIELD = schema("""
            {"name": "partnerId", "type": "string"}, {"name": "framework", "type": "string", "default": "UNKNOWN"}""");
    private static final Schema WITH_REQUIRED_FIELD = schema("""
            {"name": "partnerId", "type": "string"}, {"name": "framework", "type": "string"}""");
    private static final Schema WITHOUT_ANY_FIELD = schema("");

    @Test
    void shouldAcceptANewFieldWithADefaultUnderBackward() {
        assertThat(CompatibilityChecker.incompatibilities(CompatibilityLevel.BACKWARD, WITH_DEFAULTED_FIELD,
                List.of(new Version(1, V1)))).isEmpty();
    }

    @Test
    void shouldRefuseANewFieldWithoutADefaultUnderBackwardSayingWhichFieldAndVersion() {
        List<String> problems = CompatibilityChecker.incompatibilities(CompatibilityLevel.BACKWARD, WITH_REQUIRED_FIELD,
                List.of(new Version(1, V1)));

        assertThat(problems).first().asString()
                .contains("READER_FIELD_MISSING_DEFAULT_VALUE")
                .contains("framework")
                .contains("cannot read data written with version 1");
        assertThat(problems).contains("{oldSchemaVersion: 1}", "{compatibility: 'BACKWARD'}");
    }

    @Test
    void shouldAcceptANewRequiredFieldUnderForwardBecauseOldReadersIgnoreIt() {
        assertThat(CompatibilityChecker.incompatibilities(CompatibilityLevel.FORWARD, WITH_REQUIRED_FIELD,
                List.of(new Version(1, V1)))).isEmpty();
    }

    @Test
    void shouldRefuseRemovingAFieldWithoutDefaultUnderForward() {
        assertThat(CompatibilityChecker.incompatibilities(CompatibilityLevel.FORWARD, WITHOUT_ANY_FIELD,
                List.of(new Version(1, V1)))).isNotEmpty();
    }

    @Test
    void shouldRequireBothDirectionsUnderFull() {
        List<Version> earlier = List.of(new Version(1, V1));

        assertThat(CompatibilityChecker.incompatibilities(CompatibilityLevel.FULL, WITH_DEFAULTED_FIELD, earlier)).isEmpty();
        assertThat(CompatibilityChecker.incompatibilities(CompatibilityLevel.FULL, WITH_REQUIRED_FIELD, earlier)).isNotEmpty();
    }

    @Test
    void shouldCheckOnlyTheLatestVersionUnlessTransitive() {
        // Given v1 without the field, v2 with it defaulted: a v3 requiring it reads v2 data but not v1 data
        List<Version> earlier = List.of(new Version(1, V1), new Version(2, WITH_DEFAULTED_FIELD));

        assertThat(CompatibilityChecker.incompatibilities(CompatibilityLevel.BACKWARD, WITH_REQUIRED_FIELD, earlier))
                .isEmpty();
        assertThat(CompatibilityChecker.incompatibilities(CompatibilityLevel.BACKWARD_TRANSITIVE, WITH_REQUIRED_FIELD, earlier))
                .contains("{oldSchemaVersion: 1}")
                .doesNotContain("{oldSchemaVersion: 2}");
    }

    @ParameterizedTest
    @EnumSource(CompatibilityLevel.class)
    void shouldAcceptAnythingAsTheFirstVersionOfASubject(CompatibilityLevel level) {
        assertThat(CompatibilityChecker.incompatibilities(level, WITH_REQUIRED_FIELD, List.of())).isEmpty();
    }

    @Test
    void shouldAcceptAnIncompatibleChangeUnderNone() {
        Schema unrelated = Schema.create(Schema.Type.LONG);

        assertThat(CompatibilityChecker.incompatibilities(CompatibilityLevel.NONE, unrelated,
                List.of(new Version(1, V1)))).isEmpty();
    }

    private static Schema schema(String fields) {
        return new Schema.Parser().parse("""
                {"type": "record", "name": "PartnerJoined", "namespace": "org.pfptracker.test", "fields": [%s]}"""
                .formatted(fields));
    }
}

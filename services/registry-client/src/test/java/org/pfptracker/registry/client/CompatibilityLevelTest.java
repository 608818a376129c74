package org.pfptracker.registry.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class CompatibilityLevelTest {

    @ParameterizedTest(name = "{0} at least as strict as BACKWARD_TRANSITIVE: {1}")
    @CsvSource({
            "NONE,                false",
            "BACKWARD,            false",
            "BACKWARD_TRANSITIVE, true",
            "FORWARD,             false",
            "FORWARD_TRANSITIVE,  false",
            "FULL,                false",
            "FULL_TRANSITIVE,     true"
    })
    void shouldHoldOnlyTheTransitiveBackwardLevelsToTheProjectsPolicy(CompatibilityLevel level, boolean strictEnough) {
        assertThat(level.isAtLeastAsStrictAs(CompatibilityLevel.BACKWARD_TRANSITIVE)).isEqualTo(strictEnough);
    }

    @ParameterizedTest
    @EnumSource(CompatibilityLevel.class)
    void shouldOrderNoneBelowAndFullTransitiveAboveEveryLevel(CompatibilityLevel level) {
        assertThat(level.isAtLeastAsStrictAs(level)).isTrue();
        assertThat(level.isAtLeastAsStrictAs(CompatibilityLevel.NONE)).isTrue();
        assertThat(CompatibilityLevel.FULL_TRANSITIVE.isAtLeastAsStrictAs(level)).isTrue();
        assertThat(CompatibilityLevel.NONE.isAtLeastAsStrictAs(level)).isEqualTo(level == CompatibilityLevel.NONE);
    }

    @Test
    void shouldNotRankBackwardAndForwardAgainstEachOther() {
        // Each checks a direction the other does not: neither protects what the other protects.
        assertThat(CompatibilityLevel.BACKWARD.isAtLeastAsStrictAs(CompatibilityLevel.FORWARD)).isFalse();
        assertThat(CompatibilityLevel.FORWARD.isAtLeastAsStrictAs(CompatibilityLevel.BACKWARD)).isFalse();
        assertThat(CompatibilityLevel.FULL.isAtLeastAsStrictAs(CompatibilityLevel.BACKWARD)).isTrue();
        assertThat(CompatibilityLevel.FULL.isAtLeastAsStrictAs(CompatibilityLevel.FORWARD_TRANSITIVE)).isFalse();
    }

    @Test
    void shouldBeAPartialOrderThatIsTransitive() {
        for (CompatibilityLevel a : CompatibilityLevel.values()) {
            for (CompatibilityLevel b : CompatibilityLevel.values()) {
                for (CompatibilityLevel c : CompatibilityLevel.values()) {
                    if (a.isAtLeastAsStrictAs(b) && b.isAtLeastAsStrictAs(c)) {
                        assertThat(a.isAtLeastAsStrictAs(c)).as("%s >= %s >= %s", a, b, c).isTrue();
                    }
                }
                if (a != b) {
                    assertThat(a.isAtLeastAsStrictAs(b) && b.isAtLeastAsStrictAs(a)).as("%s and %s", a, b).isFalse();
                }
            }
        }
    }
}

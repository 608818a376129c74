package org.pfptracker.tracker.topology;

import org.apache.avro.specific.SpecificRecord;
import org.pfptracker.tracker.state.ExerciseFacts;

/** What reaches a partner's processor: one of its own events, or news of an exercise that names it. */
sealed interface PartnerInput {

    /** An event from the partners, activities or programmes topic ({@code null} for a tombstone). */
    record OwnEvent(SpecificRecord event) implements PartnerInput {
    }

    /** The facts of an exercise that names the partner, as they are now. */
    record Exercise(ExerciseFacts facts) implements PartnerInput {
    }
}

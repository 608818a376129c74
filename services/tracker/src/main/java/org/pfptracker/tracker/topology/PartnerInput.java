package org.pfptracker.tracker.topology;

import org.apache.avro.specific.SpecificRecord;

/** What reaches a partner's processor: one of its own events, or news of an exercise it takes part in. */
sealed interface PartnerInput {

    /** An event from the partners, activities or programmes topic ({@code null} for a tombstone). */
    record OwnEvent(SpecificRecord event) implements PartnerInput {
    }

    /** The partner's part in one exercise changed. */
    record Exercise(ParticipationUpdate update) implements PartnerInput {
    }
}

package org.pfptracker.tracker.output;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.pfptracker.signal.ObjectiveBecameOverdue;
import org.pfptracker.signal.PacePhase;
import org.pfptracker.signal.PacePhaseChanged;
import org.pfptracker.tracker.state.ProgrammeFacts;
import org.pfptracker.tracker.view.PaceView;

/**
 * The signals the tracker derives from its views. Their ids are derived from what they say, so a
 * consumer that sees one twice (after a replay of the topic) can tell.
 */
public final class Signals {

    private Signals() {
    }

    /**
     * The change of a partner's pace phase shown by its view for {@code on}, if it differs from the phase
     * last announced ({@code null}: none yet, taken as NOT_SET).
     */
    public static Optional<PacePhaseChanged> paceChange(String partnerId, LocalDate on, String announced, PaceView pace) {
        String from = announced == null ? PacePhase.NOT_SET.name() : announced;
        if (from.equals(pace.status())) {
            return Optional.empty();
        }
        UUID id = idOf("pace", partnerId, on.toString(), from, pace.status());
        return Optional.of(new PacePhaseChanged(id, partnerId, on, phase(from), phase(pace.status()), pace.ratio(),
                pace.completedLast12Months(), pace.targetPerYear()));
    }

    /** An objective shown overdue for {@code on}. */
    public static ObjectiveBecameOverdue overdue(String partnerId, String programmeId, ProgrammeFacts.Objective objective,
                                                 LocalDate on) {
        return new ObjectiveBecameOverdue(idOf("overdue", partnerId, programmeId, objective.objectiveId()), partnerId,
                programmeId, objective.objectiveId(), objective.description(), objective.targetDate(), on);
    }

    private static PacePhase phase(String name) {
        try {
            return PacePhase.valueOf(name);
        } catch (IllegalArgumentException e) {
            return PacePhase.UNKNOWN;
        }
    }

    private static UUID idOf(String... parts) {
        return UUID.nameUUIDFromBytes(String.join("|", parts).getBytes(StandardCharsets.UTF_8));
    }
}

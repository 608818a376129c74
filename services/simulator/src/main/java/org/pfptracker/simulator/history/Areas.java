package org.pfptracker.simulator.history;

import java.util.Arrays;
import java.util.List;
import org.pfptracker.event.AreaOfCooperation;

/** Choosing areas of cooperation: anywhere, or skewed towards a partner's ranked priorities. */
final class Areas {

    /** Every real area; UNKNOWN is what old readers see for new areas, never what a partner chooses. */
    static final List<AreaOfCooperation> ALL = Arrays.stream(AreaOfCooperation.values())
            .filter(area -> area != AreaOfCooperation.UNKNOWN)
            .toList();

    private Areas() {
    }

    static AreaOfCooperation any(SimRandom random) {
        return random.pick(ALL);
    }

    /**
     * An area for a partner's next activity or objective: mostly one of its priorities, the first
     * ranked most often (weights k, k-1, ..., 1), sometimes any area at all.
     */
    static AreaOfCooperation forPartner(SimRandom random, List<AreaOfCooperation> priorities) {
        if (priorities.isEmpty() || !random.chance(CooperationModel.SHARE_IN_PRIORITY_AREAS)) {
            return any(random);
        }
        int count = priorities.size();
        int ticket = random.nextInt(count * (count + 1) / 2);
        for (int rank = 0; rank < count; rank++) {
            ticket -= count - rank;
            if (ticket < 0) {
                return priorities.get(rank);
            }
        }
        throw new IllegalStateException("rank weights do not add up");
    }
}

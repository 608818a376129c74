package org.pfptracker.simulator.history;

import static org.pfptracker.simulator.history.CooperationModel.AMBITION_MAX;
import static org.pfptracker.simulator.history.CooperationModel.AMBITION_MIN;
import static org.pfptracker.simulator.history.CooperationModel.PRIORITIES_MAX;
import static org.pfptracker.simulator.history.CooperationModel.PRIORITIES_MIN;
import static org.pfptracker.simulator.history.CooperationModel.REVISION_MAX_DAYS;
import static org.pfptracker.simulator.history.CooperationModel.REVISION_MIN_DAYS;
import static org.pfptracker.simulator.history.CooperationModel.SHARE_COMPLETED;
import static org.pfptracker.simulator.history.CooperationModel.SHARE_PRIORITY_KEPT;

import java.util.ArrayList;
import java.util.List;
import org.pfptracker.event.AreaOfCooperation;
import org.pfptracker.event.PrioritiesChosen;

/** A partner's priorities and pace: chosen when a term of cooperation begins, revised now and then. */
final class PaceProcess {

    private final Agenda agenda;
    private final Volume volume;

    PaceProcess(Agenda agenda, Volume volume) {
        this.agenda = agenda;
        this.volume = volume;
    }

    void begin(Partner partner, int term, long now) {
        choose(partner, now);
        scheduleRevision(partner, term, now);
    }

    private void scheduleRevision(Partner partner, int term, long now) {
        SimRandom random = partner.paceRandom();
        long at = WorkingTime.onButAfter(
                WorkingTime.dateOf(now).plusDays(random.between(REVISION_MIN_DAYS, REVISION_MAX_DAYS)),
                random.nextDouble(), now);
        agenda.at(at, time -> {
            if (partner.cooperatesIn(term)) {
                choose(partner, time);
                scheduleRevision(partner, term, time);
            }
        });
    }

    private void choose(Partner partner, long now) {
        SimRandom random = partner.paceRandom();
        List<AreaOfCooperation> priorities = revise(random, partner.priorities());
        partner.choosePriorities(priorities);
        double ambition = AMBITION_MIN + random.nextDouble() * (AMBITION_MAX - AMBITION_MIN);
        int target = (int) Math.max(1, Math.round(volume.activitiesPerYear(partner) * SHARE_COMPLETED * ambition));
        agenda.emit(PrioritiesChosen.newBuilder()
                .setMetadata(Stamps.of(random, now, partner.id()))
                .setPriorities(priorities)
                .setTargetCompletedActivitiesPerYear(target)
                .build());
    }

    /** Two to four distinct areas, highest first; earlier priorities tend to stay, in their order. */
    private static List<AreaOfCooperation> revise(SimRandom random, List<AreaOfCooperation> previous) {
        int count = random.between(PRIORITIES_MIN, PRIORITIES_MAX);
        List<AreaOfCooperation> chosen = new ArrayList<>(count);
        for (AreaOfCooperation area : previous) {
            if (chosen.size() < count && random.chance(SHARE_PRIORITY_KEPT)) {
                chosen.add(area);
            }
        }
        while (chosen.size() < count) {
            AreaOfCooperation area = Areas.any(random);
            if (!chosen.contains(area)) {
                chosen.add(area);
            }
        }
        return chosen;
    }
}

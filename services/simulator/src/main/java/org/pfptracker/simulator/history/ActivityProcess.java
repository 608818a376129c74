package org.pfptracker.simulator.history;

import static org.pfptracker.simulator.history.CooperationModel.DURATION_MAX_DAYS;
import static org.pfptracker.simulator.history.CooperationModel.DURATION_MIN_DAYS;
import static org.pfptracker.simulator.history.CooperationModel.LEAD_TIME_MAX_DAYS;
import static org.pfptracker.simulator.history.CooperationModel.LEAD_TIME_MEDIAN_DAYS;
import static org.pfptracker.simulator.history.CooperationModel.LEAD_TIME_MIN_DAYS;
import static org.pfptracker.simulator.history.CooperationModel.LEAD_TIME_SIGMA;
import static org.pfptracker.simulator.history.CooperationModel.REPORT_MAX_DAYS;
import static org.pfptracker.simulator.history.CooperationModel.REPORT_MIN_DAYS;
import static org.pfptracker.simulator.history.CooperationModel.REVIEW_MAX_DAYS;
import static org.pfptracker.simulator.history.CooperationModel.REVIEW_MAX_SHARE_OF_LEAD;
import static org.pfptracker.simulator.history.CooperationModel.REVIEW_MIN_DAYS;
import static org.pfptracker.simulator.history.CooperationModel.SHARE_CANCELLED_AFTER_APPROVAL;
import static org.pfptracker.simulator.history.CooperationModel.SHARE_CANCELLED_BEFORE_APPROVAL;
import static org.pfptracker.simulator.history.CooperationModel.SHARE_STARTING_LATE;
import static org.pfptracker.simulator.history.CooperationModel.SLIP_MAX_DAYS;
import static org.pfptracker.simulator.history.CooperationModel.SLIP_MIN_DAYS;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.pfptracker.event.ActivityApproved;
import org.pfptracker.event.ActivityCancelled;
import org.pfptracker.event.ActivityCompleted;
import org.pfptracker.event.ActivityProposed;
import org.pfptracker.event.AreaOfCooperation;
import org.pfptracker.simulator.history.Partner.OpenActivity;

/**
 * Partnership Cooperation Menu activities: each partner proposes them as a Poisson process at its
 * share of the menu; each lives proposed, then approved (most) or cancelled, then completed with a
 * feedback report or cancelled. Only one step of each open activity is ever scheduled.
 */
final class ActivityProcess {

    private final Agenda agenda;
    private final Volume volume;
    private final Ids ids;

    ActivityProcess(Agenda agenda, Volume volume, Ids ids) {
        this.agenda = agenda;
        this.volume = volume;
        this.ids = ids;
    }

    void begin(Partner partner, int term, long now) {
        scheduleProposal(partner, term, now);
    }

    /** Cancels everything the partner has open, when its cooperation ends: nothing is left dangling. */
    void endAll(Partner partner, long now, String reason, String causeEventId) {
        SimRandom random = partner.activityRandom();
        for (String activityId : partner.openActivities().keySet()) {
            agenda.emit(ActivityCancelled.newBuilder()
                    .setMetadata(Stamps.of(random, now, partner.id(), causeEventId))
                    .setActivityId(activityId)
                    .setReason(Wording.endOfCooperation(reason))
                    .build());
        }
        partner.openActivities().clear();
    }

    private void scheduleProposal(Partner partner, int term, long now) {
        double perYear = volume.activitiesPerYear(partner);
        if (perYear <= 0) {
            return;
        }
        long at = WorkingTime.plusWorking(now, Volume.workingGap(partner.activityRandom(), perYear));
        agenda.at(at, time -> {
            if (partner.cooperatesIn(term)) {
                propose(partner, time);
                scheduleProposal(partner, term, time);
            }
        });
    }

    private void propose(Partner partner, long now) {
        SimRandom random = partner.activityRandom();
        String activityId = ids.activity(partner, partner.nextActivityNumber());
        AreaOfCooperation area = Areas.forPartner(random, partner.priorities());
        LocalDate today = WorkingTime.dateOf(now);
        int leadDays = (int) Math.min(LEAD_TIME_MAX_DAYS, Math.max(LEAD_TIME_MIN_DAYS,
                Math.round(random.logNormal(LEAD_TIME_MEDIAN_DAYS, LEAD_TIME_SIGMA))));
        LocalDate plannedStart = today.plusDays(leadDays);
        agenda.emit(ActivityProposed.newBuilder()
                .setMetadata(Stamps.of(random, now, partner.id()))
                .setActivityId(activityId)
                .setTitle(Wording.activityTitle(random, area))
                .setArea(area)
                .setPlannedStart(plannedStart)
                .build());
        partner.openActivities().put(activityId, new OpenActivity(area, plannedStart));

        if (random.chance(SHARE_CANCELLED_BEFORE_APPROVAL)) {
            LocalDate day = today.plusDays(random.between(1, leadDays - 1));
            agenda.at(WorkingTime.onButAfter(day, random.nextDouble(), now), time -> cancel(partner, activityId, time));
        } else {
            int maxReview = (int) Math.max(REVIEW_MIN_DAYS, Math.min(REVIEW_MAX_DAYS, leadDays * REVIEW_MAX_SHARE_OF_LEAD));
            LocalDate day = today.plusDays(random.between(REVIEW_MIN_DAYS, maxReview));
            agenda.at(WorkingTime.onButAfter(day, random.nextDouble(), now), time -> approve(partner, activityId, time));
        }
    }

    private void approve(Partner partner, String activityId, long now) {
        OpenActivity activity = partner.openActivities().get(activityId);
        if (activity == null) {
            return; // ended with the partner's cooperation
        }
        SimRandom random = partner.activityRandom();
        agenda.emit(ActivityApproved.newBuilder()
                .setMetadata(Stamps.of(random, now, partner.id()))
                .setActivityId(activityId)
                .build());
        LocalDate today = WorkingTime.dateOf(now);
        if (random.chance(SHARE_CANCELLED_AFTER_APPROVAL)) {
            int daysToStart = (int) ChronoUnit.DAYS.between(today, activity.plannedStart());
            LocalDate day = today.plusDays(random.between(1, Math.max(1, daysToStart - 1)));
            agenda.at(WorkingTime.onButAfter(day, random.nextDouble(), now), time -> cancel(partner, activityId, time));
        } else {
            int slip = random.chance(SHARE_STARTING_LATE) ? random.between(SLIP_MIN_DAYS, SLIP_MAX_DAYS) : 0;
            LocalDate reported = activity.plannedStart().plusDays(slip
                    + random.between(DURATION_MIN_DAYS, DURATION_MAX_DAYS)
                    + random.between(REPORT_MIN_DAYS, REPORT_MAX_DAYS));
            agenda.at(WorkingTime.onButAfter(reported, random.nextDouble(), now), time -> complete(partner, activityId, time));
        }
    }

    private void complete(Partner partner, String activityId, long now) {
        OpenActivity activity = partner.openActivities().remove(activityId);
        if (activity == null) {
            return;
        }
        SimRandom random = partner.activityRandom();
        agenda.emit(ActivityCompleted.newBuilder()
                .setMetadata(Stamps.of(random, now, partner.id()))
                .setActivityId(activityId)
                .setFeedbackReport(Wording.feedbackReport(random, activity.area()))
                .build());
    }

    private void cancel(Partner partner, String activityId, long now) {
        if (partner.openActivities().remove(activityId) == null) {
            return;
        }
        SimRandom random = partner.activityRandom();
        agenda.emit(ActivityCancelled.newBuilder()
                .setMetadata(Stamps.of(random, now, partner.id()))
                .setActivityId(activityId)
                .setReason(Wording.activityCancellation(random))
                .build());
    }
}

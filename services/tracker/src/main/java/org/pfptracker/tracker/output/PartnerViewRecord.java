package org.pfptracker.tracker.output;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.pfptracker.tracker.view.ExerciseView;
import org.pfptracker.tracker.view.PartnerView;
import org.pfptracker.tracker.view.ProgrammeView;
import org.pfptracker.view.Activities;
import org.pfptracker.view.Exercise;
import org.pfptracker.view.Exercises;
import org.pfptracker.view.Pace;
import org.pfptracker.view.Profile;
import org.pfptracker.view.Programme;
import org.pfptracker.view.QuarterFlow;

/** A partner's view as the Avro {@code PartnerView} of the views topic: the same figures the API serves. */
public final class PartnerViewRecord {

    private PartnerViewRecord() {
    }

    public static org.pfptracker.view.PartnerView of(PartnerView view) {
        return new org.pfptracker.view.PartnerView(view.partnerId(), view.asOf(), profile(view), activities(view),
                exercises(view), view.programmes().stream().map(PartnerViewRecord::programme).toList(), pace(view),
                view.freshness().eventsApplied(), view.freshness().lastEventAt());
    }

    private static Profile profile(PartnerView view) {
        var profile = view.profile();
        return new Profile(profile.name(), profile.framework(), profile.joinedOn(), profile.status(),
                profile.statusSince(), profile.priorities(), profile.targetCompletedActivitiesPerYear());
    }

    private static Activities activities(PartnerView view) {
        Map<String, Map<String, Integer>> byArea = new TreeMap<>();
        view.activities().byArea().forEach((area, byState) -> byArea.put(area, new TreeMap<>(byState)));
        return new Activities(view.activities().total(), new TreeMap<>(view.activities().byState()), byArea,
                view.activities().completedInPriorityAreasShare());
    }

    private static Exercises exercises(PartnerView view) {
        var exercises = view.exercises();
        return new Exercises(exercises.scheduled(), exercises.conducted(), exercises.cancelled(),
                exercises.next() == null ? null : exercise(exercises.next()), exercises(exercises.upcoming()),
                exercises(exercises.past()));
    }

    private static List<Exercise> exercises(List<ExerciseView> views) {
        return views.stream().map(PartnerViewRecord::exercise).toList();
    }

    private static Exercise exercise(ExerciseView view) {
        return new Exercise(view.exerciseId(), view.name(), view.area(), view.state(), view.role(),
                view.hostPartnerId(), view.participantPartnerIds(), view.startsOn(), view.endsOn());
    }

    private static Programme programme(ProgrammeView view) {
        return new Programme(view.programmeId(), view.type(), view.periodStart(), view.periodEnd(),
                view.objectivesAgreed(), view.achieved(), view.overdue(), view.percentAchieved(),
                view.lastAssessment() == null ? null : view.lastAssessment().rating(),
                view.lastAssessment() == null ? null : view.lastAssessment().assessedOn());
    }

    private static Pace pace(PartnerView view) {
        var pace = view.pace();
        return new Pace(pace.status(), pace.ratio(), pace.completedLast12Months(), pace.targetPerYear(),
                pace.lastCompletedOn(), pace.medianLeadTimeDays(), pace.quarterly().stream()
                .map(q -> new QuarterFlow(q.quarter(), q.proposed(), q.completed(), q.cancelled())).toList());
    }
}

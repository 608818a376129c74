package org.pfptracker.tracker.query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.pfptracker.tracker.view.ActivitiesView;
import org.pfptracker.tracker.view.ExercisesView;
import org.pfptracker.tracker.view.FreshnessView;
import org.pfptracker.tracker.view.PaceView;
import org.pfptracker.tracker.view.PaceView.QuarterView;
import org.pfptracker.tracker.view.PartnerSummaryView;
import org.pfptracker.tracker.view.PartnerView;
import org.pfptracker.tracker.view.ProfileView;
import org.pfptracker.tracker.view.ProgrammeView;

/** Small views for query and HTTP tests, which care about routing and shaping, not about how views are computed. */
public final class ViewFixtures {

    public static final LocalDate AS_OF = LocalDate.of(2024, 6, 30);

    private ViewFixtures() {
    }

    /** A partner's view with a pace, a few quarters of activity and one programme. */
    public static PartnerView partner(String partnerId, String name, long eventsApplied) {
        return partnerWithQuarters(partnerId, name, eventsApplied, List.of(
                new QuarterView("2023-Q3", 2, 0, 0), new QuarterView("2024-Q1", 1, 2, 1)));
    }

    public static PartnerView partnerWithQuarters(String partnerId, String name, long eventsApplied,
                                                  List<QuarterView> quarters) {
        ProfileView profile = new ProfileView(name, "EURO_ATLANTIC_PARTNERSHIP", LocalDate.of(1994, 3, 23), "ACTIVE",
                LocalDate.of(1994, 3, 23), List.of("DEFENCE_REFORM"), 4);
        ActivitiesView activities = new ActivitiesView(3, Map.of("COMPLETED", 2, "CANCELLED", 1),
                Map.of("DEFENCE_REFORM", Map.of("COMPLETED", 2, "CANCELLED", 1)), 1.0);
        ExercisesView exercises = new ExercisesView(0, 0, 0, null, List.of(), List.of());
        PaceView pace = new PaceView("BEHIND", 0.5, 2, 4, LocalDate.of(2024, 2, 1), 30.0, quarters);
        return new PartnerView(partnerId, AS_OF, profile, activities, exercises, List.of(programme("p1", List.of())),
                pace, new FreshnessView(Instant.parse("2024-02-01T00:00:00Z"), eventsApplied));
    }

    public static ProgrammeView programme(String programmeId, List<ProgrammeView.ObjectiveView> objectives) {
        return new ProgrammeView(programmeId, "PARP", LocalDate.of(2024, 1, 1), LocalDate.of(2025, 12, 31),
                2, 1, 0, 50.0, null, objectives);
    }

    public static PartnerSummaryView summary(String partnerId, String name, String framework, String status,
                                             String paceStatus, Double paceRatio) {
        return new PartnerSummaryView(partnerId, name, framework, status, paceStatus, paceRatio,
                Map.of("COMPLETED", 1), 50.0, Instant.parse("2024-02-01T00:00:00Z"));
    }
}

package org.pfptracker.tracker.view;

import java.time.LocalDate;
import java.util.List;

/**
 * One programme (IPCP, IPAP, PARP, ITPP) and how far its objectives are achieved, as of a date.
 *
 * @param programmeId the programme
 * @param type IPCP, IPAP, PARP or ITPP
 * @param periodStart first day of its period
 * @param periodEnd last day of its period
 * @param objectivesAgreed number of objectives
 * @param achieved objectives achieved
 * @param overdue objectives whose target date passed before the as-of date without being achieved
 * @param percentAchieved achieved / agreed, 0-100, one decimal; 0 for a programme without objectives
 * @param lastAssessment the latest assessment; {@code null} if never assessed
 * @param objectives each objective's state; empty in a partner's view, filled for one programme
 */
public record ProgrammeView(String programmeId, String type, LocalDate periodStart, LocalDate periodEnd,
                            int objectivesAgreed, int achieved, int overdue, double percentAchieved,
                            AssessmentView lastAssessment, List<ObjectiveView> objectives) {

    public ProgrammeView {
        objectives = List.copyOf(objectives);
    }

    /** One objective and its state as of the view's date. */
    public record ObjectiveView(String objectiveId, String description, String area, LocalDate targetDate,
                                String state, LocalDate achievedOn) {
    }

    /** A programme assessment: its finding and when it was made. */
    public record AssessmentView(String rating, String summary, LocalDate assessedOn) {
    }
}

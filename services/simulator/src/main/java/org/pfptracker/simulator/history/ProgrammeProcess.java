package org.pfptracker.simulator.history;

import static org.pfptracker.simulator.history.CooperationModel.ASSESSMENT_MAX_DAYS_AFTER_END;
import static org.pfptracker.simulator.history.CooperationModel.ASSESSMENT_MIN_DAYS_AFTER_END;
import static org.pfptracker.simulator.history.CooperationModel.FIRST_PROGRAMME_MAX_DAYS;
import static org.pfptracker.simulator.history.CooperationModel.FIRST_PROGRAMME_MIN_DAYS;
import static org.pfptracker.simulator.history.CooperationModel.INDIVIDUAL_PROGRAMME_YEARS;
import static org.pfptracker.simulator.history.CooperationModel.ITPP_FROM_YEAR;
import static org.pfptracker.simulator.history.CooperationModel.ITPP_YEARS;
import static org.pfptracker.simulator.history.CooperationModel.OBJECTIVE_EARLIEST_ACHIEVEMENT_DAYS;
import static org.pfptracker.simulator.history.CooperationModel.OBJECTIVE_EARLIEST_TARGET_DAYS;
import static org.pfptracker.simulator.history.CooperationModel.OBJECTIVE_MAX_DAYS_LATE;
import static org.pfptracker.simulator.history.CooperationModel.ON_TRACK_SHARE;
import static org.pfptracker.simulator.history.CooperationModel.PARP_WINDOW_FIRST_MONTH;
import static org.pfptracker.simulator.history.CooperationModel.PARP_WINDOW_LAST_MONTH;
import static org.pfptracker.simulator.history.CooperationModel.PARTLY_ON_TRACK_SHARE;
import static org.pfptracker.simulator.history.CooperationModel.RENEWAL_MAX_DAYS_AHEAD;
import static org.pfptracker.simulator.history.CooperationModel.SHARE_OBJECTIVES_LATE;
import static org.pfptracker.simulator.history.CooperationModel.SHARE_OBJECTIVES_ON_TIME;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.pfptracker.event.AreaOfCooperation;
import org.pfptracker.event.AssessmentRating;
import org.pfptracker.event.Objective;
import org.pfptracker.event.ObjectiveAchieved;
import org.pfptracker.event.ProgrammeAgreed;
import org.pfptracker.event.ProgrammeAssessed;
import org.pfptracker.event.ProgrammeType;

/**
 * A partner's programmes: an individual programme renewed back to back (IPCP or IPAP for two years,
 * ITPP for four from 2021), and for PARP partners partnership goals agreed in even years and assessed
 * the next. Objectives are due inside their programme's period; most are achieved, some late, some
 * never. Everything a programme will do is decided when it is agreed and scheduled then: a dozen
 * steps at most, dropped if the partner's cooperation ends first.
 */
final class ProgrammeProcess {

    private static final long NEVER = -1;

    /** What an assessment needs to know of its programme. */
    private record Agreed(String programmeId, List<LocalDate> targets, long[] achievedAt) {
    }

    private final Agenda agenda;
    private final Ids ids;

    ProgrammeProcess(Agenda agenda, Ids ids) {
        this.agenda = agenda;
        this.ids = ids;
    }

    void begin(Partner partner, int term, long now) {
        SimRandom random = partner.programmeRandom();
        LocalDate first = WorkingTime.dateOf(now).plusDays(random.between(FIRST_PROGRAMME_MIN_DAYS, FIRST_PROGRAMME_MAX_DAYS));
        agenda.at(WorkingTime.onButAfter(first, random.nextDouble(), now),
                time -> agreeIndividual(partner, term, time, WorkingTime.dateOf(time)));
        if (partner.inPlanningAndReview()) {
            schedulePlanningAndReview(partner, term, firstPlanningAndReviewYear(WorkingTime.dateOf(now)), now);
        }
    }

    private void agreeIndividual(Partner partner, int term, long now, LocalDate periodStart) {
        if (!partner.cooperatesIn(term)) {
            return;
        }
        SimRandom random = partner.programmeRandom();
        ProgrammeType type = periodStart.getYear() >= ITPP_FROM_YEAR ? ProgrammeType.ITPP
                : partner.hasActionPlan() ? ProgrammeType.IPAP : ProgrammeType.IPCP;
        int years = type == ProgrammeType.ITPP ? ITPP_YEARS : INDIVIDUAL_PROGRAMME_YEARS;
        LocalDate periodEnd = periodStart.plusYears(years).minusDays(1);
        Agreed agreed = agree(partner, term, now, type, periodStart, periodEnd);

        LocalDate assessedOn = periodEnd.plusDays(random.between(ASSESSMENT_MIN_DAYS_AFTER_END, ASSESSMENT_MAX_DAYS_AFTER_END));
        scheduleAssessment(partner, term, agreed, WorkingTime.onButAfter(assessedOn, random.nextDouble(), now));

        // The next programme takes over the day after this one ends, agreed a few weeks before.
        LocalDate nextStart = periodEnd.plusDays(1);
        LocalDate renewal = nextStart.minusDays(random.between(1, RENEWAL_MAX_DAYS_AHEAD));
        agenda.at(WorkingTime.onButAfter(renewal, random.nextDouble(), now),
                time -> agreeIndividual(partner, term, time, nextStart));
    }

    /** The first even year whose April-to-July window is still open when cooperation begins. */
    private static int firstPlanningAndReviewYear(LocalDate today) {
        int year = today.getYear() % 2 == 0 ? today.getYear() : today.getYear() + 1;
        if (year == today.getYear() && today.getMonthValue() > PARP_WINDOW_LAST_MONTH) {
            year += 2;
        }
        return year;
    }

    private void schedulePlanningAndReview(Partner partner, int term, int evenYear, long now) {
        SimRandom random = partner.programmeRandom();
        LocalDate day = dayInWindow(random, evenYear);
        agenda.at(WorkingTime.onButAfter(day, random.nextDouble(), now),
                time -> agreePlanningAndReview(partner, term, time, evenYear));
    }

    private void agreePlanningAndReview(Partner partner, int term, long now, int evenYear) {
        if (!partner.cooperatesIn(term)) {
            return;
        }
        SimRandom random = partner.programmeRandom();
        Agreed agreed = agree(partner, term, now, ProgrammeType.PARP, WorkingTime.dateOf(now),
                LocalDate.of(evenYear + 1, 12, 31));
        scheduleAssessment(partner, term, agreed,
                WorkingTime.onButAfter(dayInWindow(random, evenYear + 1), random.nextDouble(), now));
        schedulePlanningAndReview(partner, term, evenYear + 2, now);
    }

    private static LocalDate dayInWindow(SimRandom random, int year) {
        LocalDate first = LocalDate.of(year, PARP_WINDOW_FIRST_MONTH, 1);
        LocalDate last = LocalDate.of(year, PARP_WINDOW_LAST_MONTH, 1).plusMonths(1).minusDays(1);
        return first.plusDays(random.nextInt((int) ChronoUnit.DAYS.between(first, last) + 1));
    }

    private Agreed agree(Partner partner, int term, long now, ProgrammeType type, LocalDate start, LocalDate end) {
        SimRandom random = partner.programmeRandom();
        String programmeId = ids.programme(partner, type, partner.nextProgrammeNumber());
        LocalDate earliestTarget = start.plusDays(OBJECTIVE_EARLIEST_TARGET_DAYS);
        if (earliestTarget.isAfter(end)) {
            earliestTarget = end;
        }
        int targetSpan = (int) ChronoUnit.DAYS.between(earliestTarget, end);
        int count = random.between(CooperationModel.minObjectives(type), CooperationModel.maxObjectives(type));
        List<Objective> objectives = new ArrayList<>(count);
        List<LocalDate> targets = new ArrayList<>(count);
        long[] achievedAt = new long[count];
        for (int i = 0; i < count; i++) {
            AreaOfCooperation area = Areas.forPartner(random, partner.priorities());
            LocalDate target = earliestTarget.plusDays(random.nextInt(targetSpan + 1));
            objectives.add(Objective.newBuilder()
                    .setObjectiveId(Ids.objective(type, i + 1))
                    .setDescription(Wording.objective(random, area))
                    .setArea(area)
                    .setTargetDate(target)
                    .build());
            targets.add(target);
            achievedAt[i] = achievement(random, now, start, target);
        }
        agenda.emit(ProgrammeAgreed.newBuilder()
                .setMetadata(Stamps.of(random, now, partner.id()))
                .setProgrammeId(programmeId)
                .setProgrammeType(type)
                .setPeriodStart(start)
                .setPeriodEnd(end)
                .setObjectives(objectives)
                .build());
        for (int i = 0; i < count; i++) {
            if (achievedAt[i] != NEVER) {
                String objectiveId = objectives.get(i).getObjectiveId();
                agenda.at(achievedAt[i], time -> {
                    if (partner.cooperatesIn(term)) {
                        agenda.emit(ObjectiveAchieved.newBuilder()
                                .setMetadata(Stamps.of(random, time, partner.id()))
                                .setProgrammeId(programmeId)
                                .setObjectiveId(objectiveId)
                                .build());
                    }
                });
            }
        }
        return new Agreed(programmeId, List.copyOf(targets), achievedAt);
    }

    /** When an objective will be achieved: on time, late, or {@link #NEVER}; always after the agreement. */
    private static long achievement(SimRandom random, long agreedAt, LocalDate start, LocalDate target) {
        double fate = random.nextDouble();
        double fractionOfDay = random.nextDouble();
        if (fate < SHARE_OBJECTIVES_ON_TIME) {
            LocalDate earliest = start.plusDays(OBJECTIVE_EARLIEST_ACHIEVEMENT_DAYS);
            LocalDate dayAfterAgreement = WorkingTime.dateOf(agreedAt).plusDays(1);
            if (earliest.isBefore(dayAfterAgreement)) {
                earliest = dayAfterAgreement;
            }
            LocalDate day = earliest.isAfter(target) ? earliest
                    : earliest.plusDays(random.nextInt((int) ChronoUnit.DAYS.between(earliest, target) + 1));
            return WorkingTime.onButAfter(day, fractionOfDay, agreedAt);
        }
        if (fate < SHARE_OBJECTIVES_ON_TIME + SHARE_OBJECTIVES_LATE) {
            return WorkingTime.onButAfter(target.plusDays(random.between(1, OBJECTIVE_MAX_DAYS_LATE)),
                    fractionOfDay, agreedAt);
        }
        return NEVER;
    }

    private void scheduleAssessment(Partner partner, int term, Agreed agreed, long at) {
        agenda.at(at, time -> {
            if (partner.cooperatesIn(term)) {
                assess(partner, agreed, time);
            }
        });
    }

    /** Rated on the objectives due by now: how many of them were achieved by now. */
    private void assess(Partner partner, Agreed agreed, long now) {
        LocalDate today = WorkingTime.dateOf(now);
        int due = 0;
        int achieved = 0;
        for (int i = 0; i < agreed.targets().size(); i++) {
            if (!agreed.targets().get(i).isAfter(today)) {
                due++;
                long at = agreed.achievedAt()[i];
                if (at != NEVER && at <= now) {
                    achieved++;
                }
            }
        }
        double share = due == 0 ? 1.0 : (double) achieved / due;
        AssessmentRating rating = share >= ON_TRACK_SHARE ? AssessmentRating.ON_TRACK
                : share >= PARTLY_ON_TRACK_SHARE ? AssessmentRating.PARTLY_ON_TRACK : AssessmentRating.OFF_TRACK;
        agenda.emit(ProgrammeAssessed.newBuilder()
                .setMetadata(Stamps.of(partner.programmeRandom(), now, partner.id()))
                .setProgrammeId(agreed.programmeId())
                .setRating(rating)
                .setSummary(Wording.assessment(rating, achieved, due))
                .build());
    }
}

package org.pfptracker.simulator.history;

import static org.pfptracker.simulator.history.CooperationModel.FIRST_CHOICE_MAX_WORKING_DAYS;

import java.util.List;
import org.pfptracker.event.EventMetadata;
import org.pfptracker.event.PartnerJoined;
import org.pfptracker.event.PartnerStatus;
import org.pfptracker.event.PartnerStatusChanged;
import org.pfptracker.platform.reference.ReferenceStatusChange;

/**
 * Who is a partner and who cooperates, on the real dates: joins on the framework-document dates and
 * the reference status changes (suspensions, withdrawals, accessions, returns), whatever the period.
 * These are facts, not simulation, so they carry their real dates even before the period starts: a
 * history from 2014 still begins with the joins of 1994, and Malta's withdrawal and return.
 *
 * <p>Cooperation (priorities, activities, programmes) is simulated only inside the period: a partner
 * cooperating when the period starts chooses its priorities at that very moment; one that joins or
 * comes back later does so within two weeks. When a partner stops cooperating, its open activities and
 * the exercises it was to host are cancelled at that moment, by events correlated with the status
 * change, and nothing more happens for it until it comes back.
 */
final class MembershipProcess {

    private final Agenda agenda;
    private final Cast cast;
    private final long periodStart;
    private final PaceProcess pace;
    private final ActivityProcess activities;
    private final ProgrammeProcess programmes;
    private final ExerciseProcess exercises;
    private final SimRandom random;

    MembershipProcess(Agenda agenda, Cast cast, long periodStart, long seed, PaceProcess pace,
                      ActivityProcess activities, ProgrammeProcess programmes, ExerciseProcess exercises) {
        this.agenda = agenda;
        this.cast = cast;
        this.periodStart = periodStart;
        this.pace = pace;
        this.activities = activities;
        this.programmes = programmes;
        this.exercises = exercises;
        this.random = SimRandom.stream(seed, "membership");
    }

    /** Schedules every join, then every status change, each at the start of its real day (UTC). */
    void scheduleReferenceHistory(List<ReferenceStatusChange> changes) {
        for (Partner partner : cast.all()) {
            agenda.at(WorkingTime.startOfDay(partner.reference().joinedOn()), time -> join(partner, time));
        }
        for (ReferenceStatusChange change : changes) {
            Partner partner = cast.get(change.partnerId());
            if (!change.effectiveOn().isAfter(partner.reference().joinedOn())) {
                throw new IllegalArgumentException("status change of " + change.partnerId() + " on "
                        + change.effectiveOn() + " is not after its join on " + partner.reference().joinedOn());
            }
            agenda.at(WorkingTime.startOfDay(change.effectiveOn()), time -> changeStatus(partner, change, time));
        }
    }

    private void join(Partner partner, long now) {
        agenda.emit(PartnerJoined.newBuilder()
                .setMetadata(Stamps.of(random, now, partner.id()))
                .setName(partner.reference().name())
                .setFramework(partner.reference().framework())
                .setJoinedOn(partner.reference().joinedOn())
                .build());
        beginTerm(partner, now);
    }

    private void changeStatus(Partner partner, ReferenceStatusChange change, long now) {
        EventMetadata metadata = Stamps.of(random, now, partner.id());
        if (change.status() == PartnerStatus.ACTIVE) {
            agenda.emit(statusChanged(metadata, change));
            if (!partner.isActive()) {
                beginTerm(partner, now);
            }
            return;
        }
        if (partner.isActive()) {
            partner.deactivate();
            String cause = metadata.getEventId().toString();
            activities.endAll(partner, now, change.reason(), cause);
            exercises.endHosted(partner, now, change.reason(), cause);
        }
        agenda.emit(statusChanged(metadata, change));
    }

    private void beginTerm(Partner partner, long now) {
        int term = partner.activate();
        long begins = now <= periodStart ? periodStart : WorkingTime.plusWorking(now,
                random.between(1, FIRST_CHOICE_MAX_WORKING_DAYS) * (double) WorkingTime.WORKING_DAY);
        agenda.at(begins, time -> {
            if (partner.cooperatesIn(term)) {
                pace.begin(partner, term, time);
                activities.begin(partner, term, time);
                programmes.begin(partner, term, time);
            }
        });
    }

    private static PartnerStatusChanged statusChanged(EventMetadata metadata, ReferenceStatusChange change) {
        return PartnerStatusChanged.newBuilder()
                .setMetadata(metadata)
                .setStatus(change.status())
                .setEffectiveOn(change.effectiveOn())
                .setReason(change.reason())
                .build();
    }
}

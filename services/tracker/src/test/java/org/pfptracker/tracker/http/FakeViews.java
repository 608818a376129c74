package org.pfptracker.tracker.http;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.pfptracker.platform.serde.JsonSerde;
import org.pfptracker.tracker.query.JsonBody;
import org.pfptracker.tracker.query.LocalViews;
import org.pfptracker.tracker.query.ViewFixtures;
import org.pfptracker.tracker.query.ViewsUnavailableException;
import org.pfptracker.tracker.view.PaceView;
import org.pfptracker.tracker.view.PartnerSummaryView;
import org.pfptracker.tracker.view.PartnerView;
import org.pfptracker.tracker.view.ProgrammeView;

/** One instance's stores, as the test fills them: its active partners and its standby copies. */
final class FakeViews implements LocalViews {

    private final Map<String, PartnerView> active = new ConcurrentHashMap<>();
    private final Map<String, PartnerView> standby = new ConcurrentHashMap<>();
    private final AtomicInteger reads = new AtomicInteger();
    private volatile String unavailable;
    private volatile RuntimeException failure;

    void holdActive(PartnerView view) {
        active.put(view.partnerId(), view);
    }

    void holdStandby(PartnerView view) {
        standby.put(view.partnerId(), view);
    }

    /** From now on, every read fails as it does while the stores restore. */
    void restoring(String reason) {
        unavailable = reason;
    }

    /** From now on, every read fails with an unexpected error. */
    void failWith(RuntimeException failure) {
        this.failure = failure;
    }

    int reads() {
        return reads.get();
    }

    @Override
    public Optional<PartnerView> partner(String partnerId, LocalDate asOf, boolean allowStandby) {
        read();
        PartnerView view = active.get(partnerId);
        if (view == null && allowStandby) {
            view = standby.get(partnerId);
        }
        return Optional.ofNullable(view).map(found -> asOf(found, asOf));
    }

    @Override
    public Optional<JsonBody> partnerJson(String partnerId, LocalDate asOf, boolean allowStandby) {
        return partner(partnerId, asOf, allowStandby).map(view -> {
            try {
                return new JsonBody(JsonSerde.mapper().writeValueAsBytes(view));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Override
    public Optional<PaceView> pace(String partnerId, LocalDate asOf, LocalDate from, boolean allowStandby) {
        return partner(partnerId, asOf, allowStandby).map(PartnerView::pace);
    }

    @Override
    public Optional<ProgrammeView> programme(String partnerId, String programmeId, LocalDate asOf, boolean allowStandby) {
        return partner(partnerId, asOf, allowStandby).flatMap(view -> view.programmes().stream()
                .filter(programme -> programme.programmeId().equals(programmeId))
                .findFirst()
                .map(programme -> ViewFixtures.programme(programmeId, List.of(new ProgrammeView.ObjectiveView("o1",
                        "Interoperable logistics", "DEFENCE_REFORM", LocalDate.of(2024, 3, 1), "OVERDUE", null)))));
    }

    @Override
    public List<PartnerSummaryView> partners(LocalDate asOf) {
        read();
        List<PartnerSummaryView> summaries = new ArrayList<>();
        active.values().forEach(view -> summaries.add(new PartnerSummaryView(view.partnerId(), view.profile().name(),
                view.profile().framework(), view.profile().status(), view.pace().status(), view.pace().ratio(),
                view.activities().byState(), 50.0, view.freshness().lastEventAt())));
        return summaries;
    }

    private void read() {
        reads.incrementAndGet();
        if (failure != null) {
            throw failure;
        }
        if (unavailable != null) {
            throw new ViewsUnavailableException(unavailable);
        }
    }

    /** The view as computed for the date asked, so tests see which date reached the store. */
    private static PartnerView asOf(PartnerView view, LocalDate asOf) {
        return new PartnerView(view.partnerId(), asOf, view.profile(), view.activities(), view.exercises(),
                view.programmes(), view.pace(), view.freshness());
    }
}

package org.pfptracker.tracker.query;

import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.pfptracker.event.Framework;
import org.pfptracker.event.PartnerStatus;
import org.pfptracker.tracker.view.PaceStatus;
import org.pfptracker.tracker.view.PartnerSummaryView;

/**
 * What the partners overview is asked for: which partners (an empty filter lets every partner through,
 * several values in one filter mean any of them) and in which order. Ties are broken by partner id,
 * so the order is the same on every instance and every call.
 *
 * @param frameworks partnership frameworks to keep
 * @param statuses partner statuses to keep
 * @param paceStatuses pace statuses to keep
 * @param sort what to sort by
 * @param order ascending or descending
 */
public record PartnerListQuery(Set<String> frameworks, Set<String> statuses, Set<String> paceStatuses,
                               PartnerSort sort, SortOrder order) {

    /** Values the framework filter accepts. */
    public static final Set<String> FRAMEWORKS = namesOf(Framework.values());
    /** Values the status filter accepts. */
    public static final Set<String> STATUSES = namesOf(PartnerStatus.values());
    /** Values the pace status filter accepts. */
    public static final Set<String> PACE_STATUSES = namesOf(PaceStatus.values());

    /** Pace statuses ranked from least to most on pace; NOT_SET has no rank. */
    private static final List<String> PACE_RANK = List.of(PaceStatus.STALLED.name(), PaceStatus.BEHIND.name(),
            PaceStatus.ON_PACE.name(), PaceStatus.AHEAD.name());

    public PartnerListQuery {
        frameworks = checked("framework", frameworks, FRAMEWORKS);
        statuses = checked("status", statuses, STATUSES);
        paceStatuses = checked("paceStatus", paceStatuses, PACE_STATUSES);
        if (sort == null || order == null) {
            throw new IllegalArgumentException("sort and order are required");
        }
    }

    /** Every partner, by name. */
    public static PartnerListQuery everyPartnerByName() {
        return new PartnerListQuery(Set.of(), Set.of(), Set.of(), PartnerSort.NAME, SortOrder.ASC);
    }

    /** The partners this query keeps, in its order. */
    public List<PartnerSummaryView> apply(Collection<PartnerSummaryView> partners) {
        return partners.stream().filter(this::keeps).sorted(comparator()).toList();
    }

    private boolean keeps(PartnerSummaryView partner) {
        return accepts(frameworks, partner.framework()) && accepts(statuses, partner.status())
                && accepts(paceStatuses, partner.paceStatus());
    }

    private static boolean accepts(Set<String> wanted, String value) {
        return wanted.isEmpty() || value != null && wanted.contains(value);
    }

    private Comparator<PartnerSummaryView> comparator() {
        Comparator<PartnerSummaryView> ranking = switch (sort) {
            case NAME -> Comparator.comparing(PartnerSummaryView::name,
                    Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER));
            case PACE -> Comparator.comparing((PartnerSummaryView partner) -> PACE_RANK.indexOf(partner.paceStatus()))
                    .thenComparing(PartnerSummaryView::paceRatio, Comparator.nullsFirst(Comparator.naturalOrder()));
        };
        if (order == SortOrder.DESC) {
            ranking = ranking.reversed();
        }
        // Unranked partners first split off, so that reversing the ranking never brings them to the top.
        return Comparator.comparing(this::unranked).thenComparing(ranking).thenComparing(PartnerSummaryView::partnerId);
    }

    private boolean unranked(PartnerSummaryView partner) {
        return switch (sort) {
            case NAME -> partner.name() == null;
            case PACE -> !PACE_RANK.contains(partner.paceStatus());
        };
    }

    private static Set<String> checked(String filter, Set<String> values, Set<String> allowed) {
        Set<String> copy = values == null ? Set.of() : Set.copyOf(values);
        copy.stream().filter(value -> !allowed.contains(value)).findFirst().ifPresent(value -> {
            throw new IllegalArgumentException(filter + " '" + value + "' is not one of " + allowed);
        });
        return copy;
    }

    /** In declaration order, so that error messages list the values as the schema does. */
    private static Set<String> namesOf(Enum<?>[] values) {
        Set<String> names = Arrays.stream(values).map(Enum::name).collect(Collectors.toCollection(LinkedHashSet::new));
        return Collections.unmodifiableSet(names);
    }
}

package org.pfptracker.simulator.history;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pfptracker.platform.reference.ReferencePartner;

/** The partners of the simulation, in reference order, which every choice among them iterates in. */
final class Cast {

    private final Map<String, Partner> byId = new LinkedHashMap<>();

    Cast(List<ReferencePartner> partners, long seed) {
        for (ReferencePartner partner : partners) {
            if (byId.put(partner.partnerId(), new Partner(partner, seed)) != null) {
                throw new IllegalArgumentException("partner " + partner.partnerId() + " is listed twice");
            }
        }
    }

    List<Partner> all() {
        return List.copyOf(byId.values());
    }

    Partner get(String partnerId) {
        Partner partner = byId.get(partnerId);
        if (partner == null) {
            throw new IllegalArgumentException("unknown partner " + partnerId);
        }
        return partner;
    }

    boolean isActive(String partnerId) {
        Partner partner = byId.get(partnerId);
        return partner != null && partner.isActive();
    }

    /** The partners cooperating now. */
    List<Partner> active() {
        List<Partner> active = new ArrayList<>();
        for (Partner partner : byId.values()) {
            if (partner.isActive()) {
                active.add(partner);
            }
        }
        return active;
    }

    /**
     * The share of the activity menu a partner takes up now: its weight among the partners
     * cooperating now.
     */
    double shareOf(Partner partner) {
        double total = 0;
        for (Partner each : byId.values()) {
            if (each.isActive()) {
                total += each.weight();
            }
        }
        return total == 0 ? 0 : partner.weight() / total;
    }
}

package org.pfptracker.tracker.topology;

import org.pfptracker.tracker.view.PartnerView;

/** What the partner processor emits when it materialises views, keyed by partner id. */
sealed interface PartnerOutput {

    /** The partner's current view changed: here it is. */
    record ViewChanged(PartnerView view) implements PartnerOutput {
    }
}

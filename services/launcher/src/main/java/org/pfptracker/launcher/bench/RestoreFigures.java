package org.pfptracker.launcher.bench;

import java.time.Duration;

/**
 * How long a tracker took to answer again after losing its local state.
 *
 * @param ready from the start until {@code /health/ready} answered 200
 * @param partnerView from the start until a partner view answered 200
 */
record RestoreFigures(Duration ready, Duration partnerView) {
}

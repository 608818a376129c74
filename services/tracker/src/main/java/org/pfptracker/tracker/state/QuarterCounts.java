package org.pfptracker.tracker.state;

/** Activities proposed, completed and cancelled in one quarter. */
public record QuarterCounts(int proposed, int completed, int cancelled) {

    public static final QuarterCounts ZERO = new QuarterCounts(0, 0, 0);

    public QuarterCounts plus(int proposedDelta, int completedDelta, int cancelledDelta) {
        return new QuarterCounts(proposed + proposedDelta, completed + completedDelta, cancelled + cancelledDelta);
    }

    public boolean isZero() {
        return proposed == 0 && completed == 0 && cancelled == 0;
    }
}

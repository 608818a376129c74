package org.pfptracker.faults.measure;

import java.time.Duration;
import java.util.List;

/**
 * What one scenario measured, every figure from the run itself.
 *
 * @param acknowledged commands the gateways answered 202 to
 * @param lostInKafka acknowledged events the topics do not hold
 * @param notApplied acknowledged events the views never counted (views short of the reference, in events)
 * @param countedTwice events the views counted more than once (views beyond the reference, in events)
 * @param extraCopies events written to Kafka more than once (retries; the tracker must drop them)
 * @param differingViews partners whose view is not the reference computation's at the end
 * @param queries queries made during the fault
 * @param served of those, answered 2xx-4xx
 * @param retryLater of those, 503 with Retry-After
 * @param failed of those, 5xx without Retry-After
 * @param noAnswer of those, no answer at all (connection refused or reset, or 5 s without an answer)
 * @param p99Millis the 99th percentile query latency during the fault
 * @param recoveries for each fault, how long until every view was queryable again
 * @param feedMissed acknowledged commands the live feed never told of (no change of their partner, no re-read)
 *     by the end of the run, when every view equals the reference: changes the page never learnt of
 * @param feedLate acknowledged commands the live feed told of, but only later than 15 s after their 202 (the
 *     tracker applied them late, e.g. while a killed instance's tasks moved and restored)
 * @param feedConnections connections the live feed page made (1 = never dropped)
 */
public record ScenarioResult(String scenario, String done, long acknowledged, long retries, long givenUp,
                             long lostInKafka, long notApplied, long countedTwice, long extraCopies,
                             int differingViews, long queries, long served, long retryLater, long failed, long noAnswer,
                             long p99Millis, List<Duration> recoveries, long feedMissed, long feedLate, int feedConnections,
                             Duration wallTime) {

    public boolean held() {
        return lostInKafka == 0 && notApplied == 0 && countedTwice == 0 && differingViews == 0;
    }

    public double availability() {
        return queries == 0 ? 1.0 : (double) served / queries;
    }
}

package org.pfptracker.platform.topic;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;

/**
 * How the partners, keys of every event topic, spread over a topic's partitions under Kafka's default
 * partitioner, weighted by how much each partner does. Run it to print the table behind the default of
 * {@code topics.partitions} (see docs/partitioning.md):
 *
 * <pre>
 * mvn -q -B -o -pl services/platform test -Dtest=PartitionSpreadTest
 * </pre>
 */
public final class PartitionSpread {

    /** The partition counts the table considers. */
    public static final int MOST_PARTITIONS = 24;

    private static final String MEASURED_ACTIVITY = "activity-events-per-partner.csv";
    private static final StringSerializer KEYS = new StringSerializer();

    /**
     * One partition count.
     *
     * @param partitions the partition count
     * @param busiestShare the share of the weighted events on the busiest partition
     * @param emptyPartitions partitions that no partner's events reach
     * @param instancesWithWork the most tracker instances that can each own a partition with events: one
     *     stream task per partition, so an instance beyond this count only has empty tasks
     * @param mostPartnersOnOnePartition the most partners sharing one partition
     */
    public record Row(int partitions, double busiestShare, int emptyPartitions, int instancesWithWork,
                      int mostPartnersOnOnePartition) {

        /** How many times one task's rate the whole topic can go, however many instances: 1 / busiest share. */
        public double scaleOutCeiling() {
            return 1 / busiestShare;
        }
    }

    private PartitionSpread() {
    }

    /** The partition of a record keyed by this partner id, as the producer's default partitioner picks it. */
    public static int partitionOf(String partnerId, int partitions) {
        // What BuiltInPartitioner.partitionForKey does with the key's serialized bytes (StringSerializer, UTF-8).
        return Utils.toPositive(Utils.murmur2(KEYS.serialize(null, partnerId))) % partitions;
    }

    /** The spread of these partners' events (weights by partner id) over {@code partitions} partitions. */
    public static Row spread(Map<String, Long> eventsByPartner, int partitions) {
        long[] events = new long[partitions];
        int[] partners = new int[partitions];
        eventsByPartner.forEach((partnerId, count) -> {
            int partition = partitionOf(partnerId, partitions);
            events[partition] += count;
            partners[partition]++;
        });
        long total = IntStream.range(0, partitions).mapToLong(p -> events[p]).sum();
        long busiest = IntStream.range(0, partitions).mapToLong(p -> events[p]).max().orElse(0);
        int withWork = (int) IntStream.range(0, partitions).filter(p -> events[p] > 0).count();
        return new Row(partitions, total == 0 ? 0 : (double) busiest / total, partitions - withWork, withWork,
                IntStream.of(partners).max().orElse(0));
    }

    /** The spread for every count from 1 to {@link #MOST_PARTITIONS}. */
    public static List<Row> table(Map<String, Long> eventsByPartner) {
        return IntStream.rangeClosed(1, MOST_PARTITIONS).mapToObj(n -> spread(eventsByPartner, n)).toList();
    }

    /** Among counts that leave no partition empty, the one whose busiest partition carries the least. */
    public static Row best(List<Row> table) {
        return table.stream().filter(row -> row.emptyPartitions() == 0)
                .min(java.util.Comparator.comparingDouble(Row::busiestShare).thenComparingInt(Row::partitions))
                .orElseThrow();
    }

    /** Activity events per partner in the local stack's simulated history (see the resource's header). */
    public static Map<String, Long> simulatedActivityEvents() {
        return measured(1);
    }

    /** All events per partner (for exercises, per host) in the same history. */
    public static Map<String, Long> simulatedEvents() {
        return measured(2);
    }

    /** The table as Markdown, one row per partition count. */
    public static String markdown(List<Row> activity, List<Row> all) {
        StringBuilder out = new StringBuilder();
        out.append("| partitions | busiest partition, activity events | busiest partition, all events "
                + "| partitions without events | instances that can each get work | most partners on one partition "
                + "| scale-out ceiling (x one task) |\n");
        out.append("|---:|---:|---:|---:|---:|---:|---:|\n");
        for (int i = 0; i < activity.size(); i++) {
            Row row = activity.get(i);
            out.append(String.format(Locale.ROOT, "| %d | %.1f %% | %.1f %% | %d | %d | %d | %.2f |%n", row.partitions(),
                    100 * row.busiestShare(), 100 * all.get(i).busiestShare(), row.emptyPartitions(),
                    row.instancesWithWork(), row.mostPartnersOnOnePartition(), row.scaleOutCeiling()));
        }
        return out.toString();
    }

    public static void main(String[] args) {
        List<Row> activity = table(simulatedActivityEvents());
        System.out.print(markdown(activity, table(simulatedEvents())));
        System.out.println("Best count with no empty partition: " + best(activity).partitions());
    }

    private static Map<String, Long> measured(int column) {
        try (InputStream in = PartitionSpread.class.getResourceAsStream(MEASURED_ACTIVITY)) {
            if (in == null) {
                throw new IllegalStateException(MEASURED_ACTIVITY + " is missing from the test classpath");
            }
            Map<String, Long> counts = new LinkedHashMap<>();
            List<String> lines = new ArrayList<>();
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().forEach(lines::add);
            for (String line : lines) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.split(",");
                counts.put(fields[0].trim(), Long.parseLong(fields[column].trim()));
            }
            return counts;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.pfptracker.kafka.junit;

import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Unique names for topics, consumer groups, transactional ids and Kafka Streams application ids.
 *
 * <p>Test clusters are shared by all test classes of a JVM and never emptied between them, so
 * every test names what it creates with {@code UniqueNames.of("partner-events")}, giving e.g.
 * {@code partner-events-3f9c2a71b0de}.
 */
public final class UniqueNames {

    /** Characters Kafka rejects in topic names; dots and underscores collide in metric names. */
    private static final Pattern NOT_ALLOWED = Pattern.compile("[^a-zA-Z0-9-]+");
    /** Kafka's topic name limit is 249; leave room for Kafka Streams' internal topic suffixes. */
    private static final int MAX_PREFIX_LENGTH = 100;

    private UniqueNames() {
    }

    /**
     * A name that starts with {@code prefix} (characters other than letters, digits and
     * {@code -} replaced by {@code -}) and is unique within and across test JVMs.
     */
    public static String of(String prefix) {
        String cleaned = NOT_ALLOWED.matcher(prefix).replaceAll("-");
        if (cleaned.length() > MAX_PREFIX_LENGTH) {
            cleaned = cleaned.substring(0, MAX_PREFIX_LENGTH);
        }
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        return cleaned.isEmpty() ? suffix : cleaned + "-" + suffix;
    }
}

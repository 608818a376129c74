package org.pfptracker.launcher.bench;

import java.util.List;
import org.pfptracker.platform.topic.Topics;

/** The four topics every reader in the benchmark reads: the events, without the dead letters. */
final class EventTopics {

    static final List<String> NAMES = List.of(Topics.PARTNERS, Topics.ACTIVITIES, Topics.EXERCISES, Topics.PROGRAMMES);

    private EventTopics() {
    }
}

package org.pfptracker.tracker.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pfptracker.event.AreaOfCooperation.CIVIL_EMERGENCY_PLANNING;
import static org.pfptracker.event.AreaOfCooperation.DEFENCE_REFORM;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Properties;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pfptracker.event.ActivityProposed;
import org.pfptracker.event.PartnerJoined;
import org.pfptracker.platform.topic.Topics;
import org.pfptracker.tracker.support.Events;
import org.pfptracker.tracker.support.SelfDescribingEventSerde;
import org.pfptracker.tracker.view.PartnerView;

class PartnerViewTopologyTest {

    private static final Instant T0 = Instant.parse("2024-01-10T09:00:00Z");

    private final SelfDescribingEventSerde serde = new SelfDescribingEventSerde();
    private TopologyTestDriver driver;
    private TestInputTopic<String, SpecificRecord> partners;
    private TestInputTopic<String, SpecificRecord> activities;
    private TestInputTopic<String, byte[]> rawActivities;
    private TestOutputTopic<byte[], byte[]> deadLetters;
    private KeyValueStore<String, PartnerView> views;

    @BeforeEach
    void startDriver() {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "partner-view-topology-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        config.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, Topics.TRACKER_DEAD_LETTERS);
        config.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterDeserializationHandler.class);
        config.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProcessingHandler.class);
        driver = new TopologyTestDriver(PartnerViewTopology.build(serde), config);
        partners = driver.createInputTopic(Topics.PARTNERS, new StringSerializer(), serde.serializer());
        activities = driver.createInputTopic(Topics.ACTIVITIES, new StringSerializer(), serde.serializer());
        rawActivities = driver.createInputTopic(Topics.ACTIVITIES, new StringSerializer(), new ByteArraySerializer());
        deadLetters = driver.createOutputTopic(Topics.TRACKER_DEAD_LETTERS, new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
        views = driver.getKeyValueStore(PartnerViewTopology.PARTNER_VIEWS_STORE);
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void shouldBuildTheProfileFromPartnerJoined() {
        // Given / When
        partners.pipeInput("ukraine", Events.joined("ukraine", "Ukraine", LocalDate.of(1994, 2, 8), T0));

        // Then
        PartnerView view = views.get("ukraine");
        assertThat(view.profile().name()).isEqualTo("Ukraine");
        assertThat(view.profile().framework()).isEqualTo("EURO_ATLANTIC_PARTNERSHIP");
        assertThat(view.profile().joinedOn()).isEqualTo(LocalDate.of(1994, 2, 8));
        assertThat(view.lastEventAt()).isEqualTo(T0);
        assertThat(view.eventsApplied()).isEqualTo(1);
    }

    @Test
    void shouldCountProposedActivitiesByArea() {
        // Given
        partners.pipeInput("georgia", Events.joined("georgia", "Georgia", LocalDate.of(1994, 3, 23), T0));

        // When
        activities.pipeInput("georgia", Events.proposed("georgia", "a1", DEFENCE_REFORM, T0.plusSeconds(60)));
        activities.pipeInput("georgia", Events.proposed("georgia", "a2", DEFENCE_REFORM, T0.plusSeconds(120)));
        activities.pipeInput("georgia", Events.proposed("georgia", "a3", CIVIL_EMERGENCY_PLANNING, T0.plusSeconds(180)));

        // Then
        PartnerView view = views.get("georgia");
        assertThat(view.proposedByArea()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "DEFENCE_REFORM", 2, "CIVIL_EMERGENCY_PLANNING", 1));
        assertThat(view.lastEventAt()).isEqualTo(T0.plusSeconds(180));
        assertThat(view.eventsApplied()).isEqualTo(4);
    }

    @Test
    void shouldCountARedeliveredProposalOnce() {
        // Given
        ActivityProposed proposal = Events.proposed("armenia", "a1", DEFENCE_REFORM, T0);
        activities.pipeInput("armenia", proposal);

        // When: the at-least-once upstream delivers it again
        activities.pipeInput("armenia", proposal);

        // Then
        assertThat(views.get("armenia").proposedByArea()).containsExactly(Map.entry("DEFENCE_REFORM", 1));
        assertThat(views.get("armenia").eventsApplied()).isEqualTo(1);
    }

    @Test
    void shouldGiveTheSameViewWhenAnActivityArrivesBeforeThePartnerJoined() {
        // Given: the proposal overtakes the join event (different topics, no order between them)
        ActivityProposed proposal = Events.proposed("malta", "a1", DEFENCE_REFORM, T0.plusSeconds(60));
        PartnerJoined joined = Events.joined("malta", "Malta", LocalDate.of(1995, 4, 26), T0);

        // When
        activities.pipeInput("malta", proposal);
        partners.pipeInput("malta", joined);

        // Then
        PartnerView view = views.get("malta");
        assertThat(view.profile().name()).isEqualTo("Malta");
        assertThat(view.proposedByArea()).containsExactly(Map.entry("DEFENCE_REFORM", 1));
        assertThat(view.lastEventAt()).isEqualTo(T0.plusSeconds(60));
    }

    @Test
    void shouldKeepTheLaterProfileWhateverTheArrivalOrder() {
        // Given: a corrected join event, then the older original arriving late
        partners.pipeInput("serbia", Events.joined("serbia", "Serbia (corrected)", LocalDate.of(2006, 12, 14),
                T0.plusSeconds(3600)));

        // When
        partners.pipeInput("serbia", Events.joined("serbia", "Serbia", LocalDate.of(2006, 12, 14), T0));

        // Then
        assertThat(views.get("serbia").profile().name()).isEqualTo("Serbia (corrected)");
    }

    @Test
    void shouldSendAPoisonRecordToTheDeadLetterTopicAndKeepGoing() {
        // Given
        byte[] poison = "not avro at all".getBytes(StandardCharsets.UTF_8);

        // When
        rawActivities.pipeInput("austria", poison);
        activities.pipeInput("austria", Events.proposed("austria", "a1", DEFENCE_REFORM, T0));

        // Then
        var letter = deadLetters.readRecord();
        assertThat(letter.value()).isEqualTo(poison);
        assertThat(header(letter.headers(), DeadLetters.HEADER_TOPIC)).isEqualTo(Topics.ACTIVITIES);
        assertThat(header(letter.headers(), DeadLetters.HEADER_OFFSET)).isEqualTo("0");
        assertThat(header(letter.headers(), DeadLetters.HEADER_STAGE)).isEqualTo("deserialization");
        assertThat(header(letter.headers(), DeadLetters.HEADER_MESSAGE)).isNotBlank();
        assertThat(deadLetters.isEmpty()).isTrue();
        assertThat(views.get("austria").proposedByArea()).containsExactly(Map.entry("DEFENCE_REFORM", 1));
    }

    @Test
    void shouldDeadLetterAnEventKeyedUnderAnotherPartner() {
        // Given: an event about sweden published under finland's key
        ActivityProposed misrouted = Events.proposed("sweden", "a1", DEFENCE_REFORM, T0);

        // When
        activities.pipeInput("finland", misrouted);

        // Then
        var letter = deadLetters.readRecord();
        assertThat(header(letter.headers(), DeadLetters.HEADER_STAGE)).isEqualTo("processing");
        assertThat(header(letter.headers(), DeadLetters.HEADER_MESSAGE))
                .contains("keyed 'finland'").contains("partner 'sweden'");
        assertThat(new String(letter.key(), StandardCharsets.UTF_8)).isEqualTo("finland");
        assertThat(views.get("finland")).isNull();
        assertThat(views.get("sweden")).isNull();
    }

    private static String header(org.apache.kafka.common.header.Headers headers, String name) {
        var header = headers.lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}

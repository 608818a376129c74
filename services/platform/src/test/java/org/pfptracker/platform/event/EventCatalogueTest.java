package org.pfptracker.platform.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.pfptracker.core.config.Settings;
import org.pfptracker.event.ActivityProposed;
import org.pfptracker.event.EventMetadata;
import org.pfptracker.platform.event.EventCatalogue.EventType;
import org.pfptracker.platform.topic.TopicSpec;
import org.pfptracker.platform.topic.Topics;

/**
 * The catalogue is complete and its dispatch is right: every event schema the contract ships is in it
 * exactly once, and each type reaches the {@link EventVisitor} method named for it.
 */
class EventCatalogueTest {

    @Test
    void shouldHoldExactlyTheEventTypesTheSchemasArtifactGenerates() {
        // Given: the event records found in pfp-schemas (records with EventMetadata metadata)
        List<Class<? extends SpecificRecord>> generated = GeneratedEvents.classes();

        // Then: a schema added without its catalogue entry (or an entry for a non-event) fails here
        assertThat(generated).as("event schemas shipped in pfp-schemas").isNotEmpty();
        assertThat(EventCatalogue.ALL).extracting(EventType::recordClass)
                .as("EventCatalogue.ALL against the generated event classes")
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(generated);
    }

    @Test
    void shouldHandEachEventToTheVisitorMethodNamedForItsType() {
        // Given: a visitor whose every method answers its own name
        EventVisitor<String> namingVisitor = namingVisitor();

        for (EventType type : EventCatalogue.ALL) {
            // When
            String reached = EventCatalogue.dispatch(emptyEvent(type.recordClass()), namingVisitor);

            // Then: ActivityProposed reaches activityProposed(ActivityProposed)
            assertThat(reached).as("method reached by %s", type.recordClass().getSimpleName())
                    .isEqualTo(methodNameFor(type.recordClass()));
            assertThat(visitorMethod(reached).getParameterTypes()).containsExactly(type.recordClass());
        }
    }

    @Test
    void shouldHaveOneVisitorMethodPerCatalogueEntryAndNoOther() {
        Set<String> visitorMethods = Arrays.stream(EventVisitor.class.getMethods()).map(Method::getName)
                .collect(Collectors.toSet());

        assertThat(EventCatalogue.ALL).extracting(type -> methodNameFor(type.recordClass()))
                .containsExactlyInAnyOrderElementsOf(visitorMethods);
    }

    @Test
    void shouldRouteEveryTypeToATopicTheTopicCatalogueProvisions() {
        Set<String> provisioned = Topics.catalogue(Settings.of(Map.of())).stream().map(TopicSpec::name)
                .collect(Collectors.toSet());

        assertThat(EventCatalogue.eventTopics()).isNotEmpty().allSatisfy(topic -> assertThat(provisioned).contains(topic));
        assertThat(EventCatalogue.ALL).extracting(EventType::subject).doesNotHaveDuplicates();
    }

    @Test
    void shouldFindATypeByItsClassAndRefuseARecordThatIsNoEvent() {
        assertThat(EventCatalogue.find(ActivityProposed.class)).hasValueSatisfying(
                type -> assertThat(type.subject()).isEqualTo(type.topic() + "-org.pfptracker.event.ActivityProposed"));
        assertThat(EventCatalogue.find(EventMetadata.class)).isEmpty();

        assertThatThrownBy(() -> EventCatalogue.dispatch(new EventMetadata(), namingVisitor()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(EventMetadata.class.getName());
    }

    /** ActivityProposed -> activityProposed: the naming rule of EventVisitor's methods. */
    private static String methodNameFor(Class<?> recordClass) {
        String simple = recordClass.getSimpleName();
        return simple.substring(0, 1).toLowerCase(Locale.ROOT) + simple.substring(1);
    }

    private static Method visitorMethod(String name) {
        return Arrays.stream(EventVisitor.class.getMethods()).filter(m -> m.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("EventVisitor has no method " + name));
    }

    /** Built by reflection, so that it keeps up with EventVisitor without an edit. */
    @SuppressWarnings("unchecked")
    private static EventVisitor<String> namingVisitor() {
        return (EventVisitor<String>) Proxy.newProxyInstance(EventVisitor.class.getClassLoader(),
                new Class<?>[] {EventVisitor.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "toString" -> "naming visitor";
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> method.getName();
                });
    }

    /** An event with no field set: dispatch looks at its class only. */
    private static SpecificRecord emptyEvent(Class<? extends SpecificRecord> recordClass) {
        try {
            return recordClass.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(recordClass + " has no public no-argument constructor", e);
        }
    }
}

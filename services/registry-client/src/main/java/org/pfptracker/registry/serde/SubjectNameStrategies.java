package org.pfptracker.registry.serde;

import java.lang.reflect.InvocationTargetException;
import java.util.Map;

/**
 * Resolves a configured strategy class name. Confluent's three class names are aliases of ours, so
 * that a configuration written for Confluent's serdes works unchanged; any other name must be a class
 * implementing {@link SubjectNameStrategy}.
 */
final class SubjectNameStrategies {

    private static final Map<String, Class<? extends SubjectNameStrategy>> CONFLUENT_ALIASES = Map.of(
            "io.confluent.kafka.serializers.subject.TopicNameStrategy", TopicNameStrategy.class,
            "io.confluent.kafka.serializers.subject.RecordNameStrategy", RecordNameStrategy.class,
            "io.confluent.kafka.serializers.subject.TopicRecordNameStrategy", TopicRecordNameStrategy.class);

    private SubjectNameStrategies() {
    }

    static SubjectNameStrategy forName(String className) {
        String name = className == null ? "" : className.trim();
        Class<? extends SubjectNameStrategy> type = CONFLUENT_ALIASES.get(name);
        if (type == null) {
            type = loadStrategy(name);
        }
        try {
            return type.getDeclaredConstructor().newInstance();
        } catch (NoSuchMethodException | InstantiationException | IllegalAccessException | InvocationTargetException e) {
            throw new IllegalArgumentException("Cannot instantiate subject name strategy " + name
                    + "; it needs a public no-argument constructor", e);
        }
    }

    static String describe() {
        return String.join(", ", CONFLUENT_ALIASES.keySet().stream().sorted()
                .map(alias -> alias + " -> " + CONFLUENT_ALIASES.get(alias).getName()).toList());
    }

    private static Class<? extends SubjectNameStrategy> loadStrategy(String name) {
        Class<?> loaded;
        try {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            loaded = Class.forName(name, true, loader != null ? loader : SubjectNameStrategies.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("Unknown subject name strategy class " + name, e);
        }
        if (!SubjectNameStrategy.class.isAssignableFrom(loaded)) {
            throw new IllegalArgumentException(name + " does not implement " + SubjectNameStrategy.class.getName());
        }
        return loaded.asSubclass(SubjectNameStrategy.class);
    }
}

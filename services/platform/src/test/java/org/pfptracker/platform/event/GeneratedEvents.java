package org.pfptracker.platform.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.pfptracker.event.EventMetadata;

/**
 * The event types of the contract, found in the pfp-schemas artifact itself rather than listed by hand:
 * every record schema it ships as an {@code .avsc} under {@code avro/} whose generated class has a
 * {@code metadata} field of type {@code EventMetadata}. Shared types (enums, {@code Objective},
 * {@code EventMetadata} itself) have no such field and are left out; a record schema without a generated
 * class fails loudly.
 */
public final class GeneratedEvents {

    /** Where the schemas module packages its .avsc sources (its pom's resource targetPath). */
    private static final String SCHEMA_FOLDER = "avro";
    private static final String METADATA_FIELD = "metadata";
    private static final ObjectMapper JSON = new ObjectMapper();

    private GeneratedEvents() {
    }

    /** The generated class of every event schema, in the order of their full names. */
    public static List<Class<? extends SpecificRecord>> classes() {
        return schemaFiles().stream()
                .map(GeneratedEvents::read)
                .filter(schema -> "record".equals(schema.path("type").asText()))
                .map(GeneratedEvents::fullName)
                .sorted()
                .<Class<? extends SpecificRecord>>map(GeneratedEvents::generatedClass)
                .filter(GeneratedEvents::isEvent)
                .toList();
    }

    /** The .avsc files of the jar (or, in an IDE, the classes folder) that holds the generated events. */
    static List<String> schemaFiles() {
        Path location = codeSourceOf(EventMetadata.class);
        try {
            if (Files.isDirectory(location)) {
                return avscUnder(location.resolve(SCHEMA_FOLDER));
            }
            try (FileSystem jar = FileSystems.newFileSystem(location)) {
                return avscUnder(jar.getPath("/" + SCHEMA_FOLDER));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> avscUnder(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new IllegalStateException("The schemas artifact at " + folder + " ships no " + SCHEMA_FOLDER
                    + "/ folder of .avsc files: has schemas/pom.xml stopped packaging them?");
        }
        List<String> contents = new ArrayList<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".avsc")).sorted(Comparator.comparing(Path::toString))
                    .toList()) {
                contents.add(Files.readString(file));
            }
        }
        return contents;
    }

    private static JsonNode read(String avsc) {
        try {
            return JSON.readTree(avsc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A record with a {@code metadata} field of type EventMetadata, as generated (however the .avsc spelt it). */
    static boolean isEvent(Class<? extends SpecificRecord> type) {
        Schema.Field metadata = SpecificData.get().getSchema(type).getField(METADATA_FIELD);
        return metadata != null && metadata.schema().getType() == Schema.Type.RECORD
                && metadata.schema().getFullName().equals(EventMetadata.getClassSchema().getFullName());
    }

    private static String fullName(JsonNode schema) {
        String name = schema.path("name").asText();
        String namespace = schema.path("namespace").asText("");
        return name.contains(".") || namespace.isEmpty() ? name : namespace + "." + name;
    }

    /** The class generated from a record schema; a record without one is a broken build, said plainly. */
    private static Class<? extends SpecificRecord> generatedClass(String fullName) {
        Class<?> type;
        try {
            type = Class.forName(fullName);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("Record schema " + fullName + " has no generated class", e);
        }
        if (!SpecificRecord.class.isAssignableFrom(type)) {
            throw new IllegalStateException(fullName + " is not a generated Avro record");
        }
        return type.asSubclass(SpecificRecord.class);
    }

    private static Path codeSourceOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}

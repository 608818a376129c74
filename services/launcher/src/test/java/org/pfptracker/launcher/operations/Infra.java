package org.pfptracker.launcher.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The repository's infra/ folder as the tests read it: YAML documents, env files, JSON. */
final class Infra {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    static final ObjectMapper JSON = new ObjectMapper();

    /** infra/, found from the module the tests run in (services/launcher) or from the repository's root. */
    static final Path ROOT = Stream.of(Path.of("../../infra"), Path.of("infra"))
            .map(path -> path.toAbsolutePath().normalize())
            .filter(path -> Files.isDirectory(path.resolve("kubernetes")))
            .findFirst().orElseThrow(() -> new IllegalStateException("infra/ not found from " + Path.of("").toAbsolutePath()));

    private Infra() {
    }

    static Path path(String relative) {
        return ROOT.resolve(relative);
    }

    /** Every document of one YAML file (a file may hold several, separated by ---). */
    static List<JsonNode> documents(Path file) {
        try (var parser = YAML.getFactory().createParser(file.toFile())) {
            List<JsonNode> documents = new ArrayList<>();
            YAML.readValues(parser, JsonNode.class).forEachRemaining(document -> {
                if (document != null && !document.isNull() && !document.isMissingNode()) {
                    documents.add(document);
                }
            });
            return documents;
        } catch (IOException e) {
            throw new UncheckedIOException(file.toString(), e);
        }
    }

    /** Every YAML document under the folder, the file beside each. */
    static Map<JsonNode, Path> documentsUnder(String folder) {
        Map<JsonNode, Path> all = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(path(folder))) {
            files.filter(file -> file.toString().endsWith(".yaml")).sorted()
                    .forEach(file -> documents(file).forEach(document -> all.put(document, file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return all;
    }

    /** KEY=VALUE lines of an env file (kustomize's envs: and secret templates); comments and blanks skipped. */
    static Map<String, String> envFile(Path file) {
        Map<String, String> values = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(file)) {
                if (!line.isBlank() && !line.strip().startsWith("#")) {
                    values.put(line.substring(0, line.indexOf('=')).strip(), line.substring(line.indexOf('=') + 1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return values;
    }

    static JsonNode json(String relative) {
        try {
            return JSON.readTree(path(relative).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

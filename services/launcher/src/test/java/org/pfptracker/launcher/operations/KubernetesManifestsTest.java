package org.pfptracker.launcher.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.pfptracker.core.config.Setting;
import org.pfptracker.gateway.config.GatewaySettings;
import org.pfptracker.http.health.HealthEndpoints;
import org.pfptracker.http.metrics.MetricsEndpoint;
import org.pfptracker.launcher.command.ConfigCommand;
import org.pfptracker.platform.config.KafkaSettings;
import org.pfptracker.registry.RegistryConfig;
import org.pfptracker.registry.client.auth.RegistryAuthConfig;
import org.pfptracker.tracker.config.TrackerSettings;

/**
 * The Kubernetes manifests (infra/kubernetes) held to the code they run: every variable a setting, every probe a
 * health path, every port the one the server listens on. Nothing here needs a cluster; what a cluster would refuse
 * to schedule, or a pod would fail on at start, is caught here.
 */
class KubernetesManifestsTest {

    /** Variables that are not pfp settings, each for a reason: the pod's identity, the JVM's, and log4j's own. */
    private static final Set<String> OTHER_VARIABLES = Set.of("POD_NAME", "POD_NAMESPACE", "JAVA_TOOL_OPTIONS",
            "PFP_LOG_FORMAT", "PFP_LOG_LEVEL");

    private final Map<JsonNode, Path> documents = Infra.documentsUnder("kubernetes");
    private final JsonNode base = Infra.documents(Infra.path("kubernetes/base/kustomization.yaml")).get(0);
    private final JsonNode overlay = Infra.documents(Infra.path("kubernetes/overlays/example/kustomization.yaml")).get(0);

    @Test
    void shouldSetOnlyEnvironmentVariablesThatAreDeclaredSettings() {
        // Given
        Set<String> declared = new HashSet<>();
        ConfigCommand.all().forEach(setting -> declared.add(setting.environmentVariable()));

        // When: every variable any manifest, patch or generated ConfigMap sets
        Set<String> unknown = new TreeSet<>();
        for (String variable : everyVariableSet()) {
            if (!declared.contains(variable) && !OTHER_VARIABLES.contains(variable) && !inFamily(variable)) {
                unknown.add(variable);
            }
        }

        // Then
        assertThat(unknown).as("variables that no setting reads (see 'pfp config')").isEmpty();
    }

    @Test
    void shouldProbeTheHealthPathsOnThePortTheServerListensOn() {
        for (Workload workload : workloads()) {
            JsonNode container = workload.container();
            int containerPort = container.at("/ports/0/containerPort").asInt();
            Map<String, String> environment = environment(workload);

            // The port and interface the server is configured with, else the setting's default.
            assertThat(containerPort).as(workload.role() + " containerPort").isEqualTo(
                    Integer.parseInt(environment.getOrDefault(workload.portSetting().environmentVariable(),
                            workload.portSetting().defaultValue().orElseThrow().toString())));
            assertThat(environment.get(workload.hostSetting().environmentVariable()))
                    .as(workload.role() + " must listen on every interface of the pod, or no probe reaches it")
                    .isEqualTo("0.0.0.0");

            assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo(HealthEndpoints.READY);
            assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo(HealthEndpoints.LIVE);
            assertThat(container.at("/startupProbe/httpGet/path").asText()).isEqualTo(HealthEndpoints.LIVE);
            for (String probe : List.of("readinessProbe", "livenessProbe", "startupProbe")) {
                assertThat(container.at("/" + probe + "/httpGet/port").asText()).as(probe)
                        .isEqualTo(container.at("/ports/0/name").asText());
            }

            // Where Prometheus scrapes it (infra/monitoring/prometheus-scrape.yaml)
            JsonNode annotations = workload.manifest().at("/spec/template/metadata/annotations");
            assertThat(annotations.path("prometheus.io/port").asText()).isEqualTo(Integer.toString(containerPort));
            assertThat(annotations.path("prometheus.io/path").asText()).isEqualTo(MetricsEndpoint.PATH);
        }
    }

    @Test
    void shouldRouteEveryServiceToANamedPortOfThePodsItSelects() {
        List<JsonNode> services = ofKind("Service");
        assertThat(services).hasSize(4);
        for (JsonNode service : services) {
            Workload workload = workloads().stream()
                    .filter(candidate -> selects(service.at("/spec/selector"), candidate.manifest().at("/spec/template/metadata/labels")))
                    .findFirst().orElseThrow(() -> new AssertionError(service.at("/metadata/name") + " selects no pods"));
            JsonNode port = service.at("/spec/ports/0");
            assertThat(port.path("targetPort").asText()).isEqualTo(workload.container().at("/ports/0/name").asText());
            assertThat(port.path("port").asInt()).isEqualTo(workload.container().at("/ports/0/containerPort").asInt());
        }
    }

    @Test
    void shouldKeepTrackerStateOnAPersistentVolumeAndAdvertiseThePodsOwnName() {
        // Given
        Workload tracker = workload("tracker");
        Map<String, String> environment = environment(tracker);
        String serviceName = tracker.manifest().at("/spec/serviceName").asText();

        // Then: the state directory is the mount of a volume claimed per pod
        String claim = tracker.manifest().at("/spec/volumeClaimTemplates/0/metadata/name").asText();
        assertThat(mountPath(tracker.container(), claim)).isEqualTo(environment.get(TrackerSettings.STATE_DIR.environmentVariable()));

        // Then: application.server is the pod's DNS name under a headless Service that also lists pods not ready
        assertThat(environment.get(TrackerSettings.ADVERTISED_HOST.environmentVariable()))
                .startsWith("$(POD_NAME)." + serviceName + ".$(POD_NAMESPACE).svc.");
        JsonNode headless = ofKind("Service").stream()
                .filter(service -> service.at("/metadata/name").asText().equals(serviceName)).findFirst().orElseThrow();
        assertThat(headless.at("/spec/clusterIP").asText()).isEqualTo("None");
        assertThat(headless.at("/spec/publishNotReadyAddresses").asBoolean()).isTrue();

        // Then: warm copies elsewhere, and never more than one instance away at a time
        assertThat(Integer.parseInt(environment.get(TrackerSettings.STANDBY_REPLICAS.environmentVariable()))).isPositive();
        JsonNode budget = ofKind("PodDisruptionBudget").stream()
                .filter(pdb -> selects(pdb.at("/spec/selector/matchLabels"), tracker.manifest().at("/spec/template/metadata/labels")))
                .findFirst().orElseThrow();
        assertThat(budget.at("/spec/maxUnavailable").asInt()).isEqualTo(1);
    }

    @Test
    void shouldRunAsNonRootOnAReadOnlyRootFileSystemWithAWritableTmp() {
        for (Workload workload : workloads()) {
            JsonNode pod = workload.manifest().at("/spec/template/spec");
            assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).as(workload.role()).isTrue();
            assertThat(pod.at("/securityContext/runAsUser").asInt()).as(workload.role()).isPositive();
            assertThat(workload.container().at("/securityContext/readOnlyRootFilesystem").asBoolean()).isTrue();
            assertThat(workload.container().at("/securityContext/allowPrivilegeEscalation").asBoolean()).isFalse();
            assertThat(mountPath(workload.container(), "tmp")).isEqualTo("/tmp");
            assertThat(workload.container().at("/resources/limits/memory").asText()).isNotEmpty();
            assertThat(pod.at("/terminationGracePeriodSeconds").asInt()).isGreaterThanOrEqualTo(30);
        }
    }

    @Test
    void shouldNameEverySecretKeyTheWorkloadsReadInTheOverlaysSecretTemplates() {
        // Given: the Secrets the example overlay generates, and the keys of their templates
        Map<String, Set<String>> templates = new HashMap<>();
        for (JsonNode generator : overlay.path("secretGenerator")) {
            String envFile = generator.at("/envs/0").asText() + ".example";
            templates.put(generator.path("name").asText(),
                    Infra.envFile(Infra.path("kubernetes/overlays/example").resolve(envFile)).keySet());
        }

        // Then
        for (Workload workload : workloads()) {
            for (JsonNode variable : workload.container().path("env")) {
                JsonNode reference = variable.at("/valueFrom/secretKeyRef");
                if (!reference.isMissingNode()) {
                    assertThat(templates.get(reference.path("name").asText())).as(variable.path("name").asText())
                            .contains(reference.path("key").asText());
                }
            }
        }
    }

    /** A variable under an option family passed on as it is: the key must be one its client knows. */
    private static boolean inFamily(String variable) {
        String kafkaPrefix = Setting.string(KafkaSettings.CLIENT_PREFIX, "").environmentVariable();
        String registryPrefix = Setting.string(KafkaSettings.REGISTRY_CLIENT_PREFIX, "").environmentVariable();
        if (variable.startsWith(kafkaPrefix)) {
            return kafkaClientKeys().contains(keyOf(variable.substring(kafkaPrefix.length())));
        }
        if (variable.startsWith(registryPrefix)) {
            return registryClientKeys().contains(keyOf(variable.substring(registryPrefix.length())));
        }
        return false;
    }

    private static String keyOf(String variableSuffix) {
        return variableSuffix.toLowerCase(java.util.Locale.ROOT).replace('_', '.');
    }

    private static Set<String> kafkaClientKeys() {
        Set<String> keys = new HashSet<>(ProducerConfig.configNames());
        keys.addAll(ConsumerConfig.configNames());
        keys.addAll(AdminClientConfig.configNames());
        keys.addAll(StreamsConfig.configDef().names());
        return keys;
    }

    /** The keys the registry client reads, as its configuration class declares them. */
    private static Set<String> registryClientKeys() {
        Set<String> keys = new HashSet<>();
        for (Field field : RegistryAuthConfig.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class
                    && !field.getName().equals("CLIENT_NAMESPACE")) {
                try {
                    keys.add((String) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return keys;
    }

    private Set<String> everyVariableSet() {
        Set<String> variables = new TreeSet<>();
        documents.keySet().forEach(document -> containers(document).forEach(container ->
                container.path("env").forEach(variable -> variables.add(variable.path("name").asText()))));
        generatedConfigMaps().values().forEach(values -> variables.addAll(values.keySet()));
        return variables;
    }

    /** Each generated ConfigMap's values: the base's env files, with the example overlay's literals merged over them. */
    private Map<String, Map<String, String>> generatedConfigMaps() {
        Map<String, Map<String, String>> configMaps = new LinkedHashMap<>();
        for (JsonNode generator : base.path("configMapGenerator")) {
            Map<String, String> values = new LinkedHashMap<>();
            generator.path("envs").forEach(file -> values.putAll(Infra.envFile(Infra.path("kubernetes/base").resolve(file.asText()))));
            configMaps.put(generator.path("name").asText(), values);
        }
        for (JsonNode generator : overlay.path("configMapGenerator")) {
            Map<String, String> values = configMaps.computeIfAbsent(generator.path("name").asText(), name -> new LinkedHashMap<>());
            generator.path("literals").forEach(literal -> {
                String text = literal.asText();
                values.put(text.substring(0, text.indexOf('=')), text.substring(text.indexOf('=') + 1));
            });
        }
        return configMaps;
    }

    /** What the container's process finds in its environment (secrets as their reference, not their value). */
    private Map<String, String> environment(Workload workload) {
        Map<String, String> environment = new HashMap<>();
        Map<String, Map<String, String>> configMaps = generatedConfigMaps();
        workload.container().path("envFrom").forEach(source ->
                environment.putAll(configMaps.get(source.at("/configMapRef/name").asText())));
        workload.container().path("env").forEach(variable ->
                environment.put(variable.path("name").asText(), variable.path("value").asText("(from a reference)")));
        return environment;
    }

    private static String mountPath(JsonNode container, String volume) {
        return StreamSupport.stream(container.path("volumeMounts").spliterator(), false)
                .filter(mount -> mount.path("name").asText().equals(volume))
                .map(mount -> mount.path("mountPath").asText()).findFirst().orElse(null);
    }

    private static boolean selects(JsonNode selector, JsonNode labels) {
        List<Map.Entry<String, JsonNode>> wanted = new ArrayList<>();
        selector.fields().forEachRemaining(wanted::add);
        return !wanted.isEmpty() && wanted.stream().allMatch(entry -> labels.path(entry.getKey()).equals(entry.getValue()));
    }

    private static Stream<JsonNode> containers(JsonNode document) {
        return StreamSupport.stream(document.at("/spec/template/spec/containers").spliterator(), false);
    }

    private List<JsonNode> ofKind(String kind) {
        return documents.entrySet().stream()
                .filter(entry -> entry.getValue().startsWith(Infra.path("kubernetes/base")))
                .map(Map.Entry::getKey)
                .filter(document -> document.path("kind").asText().equals(kind)).toList();
    }

    /** A base workload: its manifest, its one container and the settings its server listens with. */
    private record Workload(String role, JsonNode manifest, Setting<Integer> portSetting, Setting<String> hostSetting) {

        JsonNode container() {
            return manifest.at("/spec/template/spec/containers/0");
        }
    }

    private List<Workload> workloads() {
        return Stream.of("tracker", "gateway", "registry").map(this::workload).toList();
    }

    private Workload workload(String role) {
        JsonNode manifest = Stream.concat(ofKind("StatefulSet").stream(), ofKind("Deployment").stream())
                .filter(document -> document.at("/spec/template/spec/containers/0/image").asText().equals("pfp-" + role))
                .findFirst().orElseThrow(() -> new AssertionError("no workload runs the image pfp-" + role));
        return switch (role) {
            case "tracker" -> new Workload(role, manifest, TrackerSettings.HTTP_PORT, TrackerSettings.HTTP_HOST);
            case "gateway" -> new Workload(role, manifest, GatewaySettings.HTTP_PORT, GatewaySettings.HTTP_HOST);
            default -> new Workload(role, manifest, RegistryConfig.PORT, RegistryConfig.HOST);
        };
    }
}

package org.kerege.journeys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kerege.platform.events.EventCatalog;
import org.kerege.platform.events.EventType;

/**
 * Reads the operators' deployment files (deploy/k8s with its Kustomize overlays, deploy/compose) without a
 * cluster, a Docker engine or the kustomize binary, and checks them against the services as they are: probes on
 * the health paths SmallRye Health really serves, resources, at least two replicas, and environment variables
 * whose names are configuration keys the services really read (MicroProfile Config's environment names:
 * {@code quarkus.datasource.jdbc.url} is {@code QUARKUS_DATASOURCE_JDBC_URL}).
 *
 * <p>Kustomize is interpreted only as far as these files use it: {@code resources} (files and directories),
 * {@code configMapGenerator}/{@code secretGenerator} with {@code envs} (a secret's {@code .env} is not committed:
 * its {@code .env.example} stands in), {@code behavior: merge}, JSON 6902 {@code patches} with a kind/name
 * {@code target}, and {@code images}. Anything else fails the test rather than being silently ignored.
 */
class DeploymentManifestsTest {

    static final Path REPO = Path.of(System.getProperty("kerege.module.dir", ".")).resolve("../..")
            .toAbsolutePath().normalize();
    static final Path K8S = REPO.resolve("deploy/k8s");
    static final Path COMPOSE = REPO.resolve("deploy/compose");
    static final List<String> SERVICES = List.of("requirements-service", "appointments-service", "payments-service",
            "status-service", "signature-service");
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /**
     * Quarkus keys the deployment files set although no Kerege file names them (they keep their built-in
     * defaults locally). Each is a real key of Quarkus 3.32: {@code quarkus.shutdown.timeout} is
     * {@code io.quarkus.runtime.shutdown.ShutdownConfig#timeout}.
     */
    static final Set<String> QUARKUS_BUILT_INS = Set.of("quarkus.shutdown.timeout");

    /** Secrets the Deployments mount that the operator creates by hand (docs/deploy.md says how). */
    static final Set<String> EXTERNAL_SECRETS = Set.of("kerege-signature-ca");

    /** Variables read by the container image's run-java.sh (ubi9/openjdk-17-runtime), not by the application. */
    static final Set<String> IMAGE_VARIABLES = Set.of("JAVA_MAX_MEM_RATIO", "JAVA_INITIAL_MEM_RATIO",
            "JAVA_OPTS_APPEND", "JAVA_APP_JAR", "JAVA_DEBUG", "GC_CONTAINER_OPTIONS");

    // ------------------------------------------------------------------------------------------------------------
    // Kubernetes
    // ------------------------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"base", "overlays/production", "overlays/local"})
    void every_service_has_one_deployment_with_two_or_more_replicas(String layout) {
        Rendered r = render(layout);
        for (String service : SERVICES) {
            assertEquals(1, r.named("Deployment", service).size(), layout + ": one Deployment " + service);
        }
        assertEquals(Set.copyOf(SERVICES), r.kind("Deployment").stream().map(Rendered::name).collect(Collectors.toSet()),
                layout + ": Deployments are exactly the five services");
        assertEquals(List.of(), replicaViolations(r));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"base", "overlays/production", "overlays/local"})
    void probes_point_at_the_health_paths_the_services_serve(String layout) {
        assertEquals(List.of(), probeViolations(render(layout)));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"base", "overlays/production", "overlays/local"})
    void every_container_has_cpu_and_memory_requests_and_limits(String layout) {
        assertEquals(List.of(), resourceViolations(render(layout)));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"base", "overlays/production", "overlays/local"})
    void environment_names_are_configuration_keys_the_services_read(String layout) {
        assertEquals(List.of(), environmentViolations(render(layout)));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"base", "overlays/production", "overlays/local"})
    void services_hpas_and_pdbs_select_existing_deployments(String layout) {
        assertEquals(List.of(), selectorViolations(render(layout)));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"base", "overlays/production", "overlays/local"})
    void kafka_topics_cover_the_event_catalog_with_three_partitions_and_dead_letters(String layout) {
        assertEquals(List.of(), kafkaViolations(render(layout)));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"base", "overlays/production", "overlays/local"})
    void postgres_cluster_has_database_kerege_and_a_role_and_schema_per_service(String layout) {
        Rendered r = render(layout);
        assertEquals(List.of(), postgresViolations(r, layout.equals("overlays/local") ? 1 : 3));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"base", "overlays/production", "overlays/local"})
    void network_policies_deny_by_default_and_let_services_reach_what_they_need(String layout) {
        assertEquals(List.of(), networkPolicyViolations(render(layout)));
    }

    @Test
    void secrets_come_from_git_ignored_files_whose_templates_hold_no_value() throws IOException {
        assertTrue(Files.readAllLines(K8S.resolve(".gitignore")).contains("**/secrets/*.env"));
        List<Path> examples;
        try (Stream<Path> files = Files.walk(K8S)) {
            examples = files.filter(f -> f.toString().endsWith(".env.example")).toList();
        }
        assertFalse(examples.isEmpty());
        for (Path example : examples) {
            assertEquals("secrets", example.getParent().getFileName().toString(), example + " lies in a secrets/ folder");
            envFile(example).forEach((key, value) -> assertTrue(
                    key.equals("username") || value.startsWith("CHANGE-ME"), example + ": " + key + " holds a value"));
        }
        envFile(COMPOSE.resolve(".env.example")).forEach((key, value) -> assertTrue(
                !key.matches(".*(PASSWORD|TOKEN|PEPPER|SECRET).*") || value.isEmpty() || value.startsWith("CHANGE-ME"),
                "compose .env.example: " + key + " holds a value"));
    }

    @Test
    void production_overlay_patches_are_applied() {
        Rendered r = render("overlays/production");
        ObjectNode payments = r.named("Deployment", "payments-service").get(0);
        assertEquals(3, payments.at("/spec/replicas").asInt());
        assertEquals("1Gi", payments.at("/spec/template/spec/containers/0/resources/limits/memory").asText());
        assertEquals("registry.example.org/kerege/payments-service:0.1.0",
                payments.at("/spec/template/spec/containers/0/image").asText());
        assertEquals(3, r.named("HorizontalPodAutoscaler", "payments-service").get(0).at("/spec/minReplicas").asInt());
        assertEquals("https://idp.gov.example/realms/kerege",
                r.named("ConfigMap", "kerege-config").get(0).at("/data/MP_JWT_VERIFY_ISSUER").asText());
        // merged, not replaced: the base's keys are still there
        assertEquals("kerege-kafka-kafka-bootstrap:9092",
                r.named("ConfigMap", "kerege-config").get(0).at("/data/KAFKA_BOOTSTRAP_SERVERS").asText());
        assertEquals("kerege", r.named("Namespace", "kerege").get(0).at("/metadata/name").asText());
    }

    @Nested
    class The_checks_catch_mistakes {

        @Test
        void a_misspelled_environment_name_is_rejected() {
            ConfigKeys payments = ConfigKeys.of("payments-service");
            assertTrue(payments.accepts("QUARKUS_DATASOURCE_JDBC_URL"));
            assertTrue(payments.accepts("KAFKA_BOOTSTRAP_SERVERS"));
            assertTrue(payments.accepts("MP_JWT_VERIFY_PUBLICKEY_LOCATION"));
            assertTrue(payments.accepts("KEREGE_EVENTS_RELAY_BATCH_SIZE"), "nested @ConfigMapping group of the platform");
            assertTrue(payments.accepts("KEREGE_PAYMENTS_INVOICE_EXPIRY"), "@ConfigMapping of payments-service");

            assertFalse(payments.accepts("KAFKA_BOOTSTRAP_SERVER"));
            assertFalse(payments.accepts("QUARKUS_DATASOURCE_JDBCURL"));
            assertFalse(payments.accepts("QUARKUS_DATASOURCE_JDBC_UR"));
            assertFalse(payments.accepts("MP_JWT_VERIFY_PUBLIC_KEY_LOCATION"));
            assertFalse(payments.accepts("KEREGE_EVENTS_RELAY_BATCHSIZE"));
            assertFalse(ConfigKeys.of("requirements-service").accepts("KEREGE_PAYMENTS_INVOICE_EXPIRY"),
                    "a key of payments-service is no key of requirements-service");
        }

        @Test
        void config_mapping_sources_give_their_keys_and_the_ones_without_default(@TempDir Path dir) throws IOException {
            Files.writeString(dir.resolve("DemoConfig.java"), """
                    package demo;
                    /** Demo. */
                    @ConfigMapping(prefix = "kerege.demo")
                    public interface DemoConfig {
                        /** Required: no default. */
                        String publicUrl();
                        @WithDefault("5") // a comment
                        int maxAttempts();
                        Optional<String> token();
                        @WithName("ttl-seconds")
                        long ttl();
                        @WithDefault("CN=Kerege Root CA (local),O=Kerege")
                        String rootName();
                        Map<String, Merchant> merchants();
                        Sms sms();
                        interface Sms {
                            @WithDefault("local")
                            String gateway();
                            Optional<URI> url();
                            default boolean isLocal() {
                                return gateway().equals("local");
                            }
                        }
                        interface Merchant {
                            String name();
                        }
                    }
                    """);
            Files.writeString(dir.resolve("Other.java"), """
                    class Other {
                        Other(@ConfigProperty(name = "kerege.other.size", defaultValue = "1") int size) {
                        }
                        @Scheduled(every = "${kerege.other.every:1h}")
                        void run() {
                        }
                    }
                    """);
            SourceKeys.Found found = SourceKeys.in(List.of(dir));
            assertEquals(new TreeSet<>(Set.of("kerege.demo.public-url", "kerege.demo.max-attempts", "kerege.demo.token",
                    "kerege.demo.ttl-seconds", "kerege.demo.merchants.*.name", "kerege.demo.sms.gateway",
                    "kerege.demo.sms.url", "kerege.demo.root-name", "kerege.other.size", "kerege.other.every")), found.keys());
            assertEquals(Set.of("kerege.demo.public-url", "kerege.demo.ttl-seconds"), found.required());
            assertTrue(ConfigKeys.envPattern("kerege.demo.merchants.*.name").matcher("KEREGE_DEMO_MERCHANTS_KG_NAME").matches());
        }

        @Test
        void a_key_without_default_that_the_environment_does_not_give_fails() {
            // As if SignatureConfig had gained "String hsmLabel();" without a default.
            ConfigKeys real = ConfigKeys.of("signature-service");
            String key = "kerege.signature.ca.hsm-label";
            Set<String> keys = new TreeSet<>(real.keys());
            keys.add(key);
            List<Pattern> envNames = new ArrayList<>(real.envNames());
            envNames.add(ConfigKeys.envPattern(key));
            ConfigKeys.CACHE.put("signature-service", new ConfigKeys(real.service(), keys, envNames, Set.of(key),
                    real.inFiles()));
            try {
                List<String> names = new ArrayList<>(List.of("QUARKUS_DATASOURCE_USERNAME"));
                assertEquals(List.of("signature-service: kerege.signature.ca.hsm-label has no default and is not given"
                        + " (\\QKEREGE_SIGNATURE_CA_HSM_LABEL\\E)"), nameViolations("signature-service", names));
                names.add("KEREGE_SIGNATURE_CA_HSM_LABEL");
                assertEquals(List.of(), nameViolations("signature-service", names));
            } finally {
                ConfigKeys.CACHE.remove("signature-service");
            }
        }

        @Test
        void a_deployment_with_a_misspelled_variable_fails_the_environment_check() {
            Rendered r = render("overlays/production");
            ObjectNode env = JsonNodeFactory.instance.objectNode().put("name", "KAFKA_BOOTSTRAP_SERVER").put("value", "x:9092");
            ((ArrayNode) r.named("Deployment", "status-service").get(0).at("/spec/template/spec/containers/0/env")).add(env);
            List<String> violations = environmentViolations(r);
            assertEquals(1, violations.size(), violations.toString());
            assertTrue(violations.get(0).contains("KAFKA_BOOTSTRAP_SERVER"), violations.get(0));
        }

        @Test
        void a_misspelled_name_in_the_shared_config_map_is_caught() {
            Rendered r = render("base");
            r.named("ConfigMap", "kerege-config").get(0).with("data").put("QUARKUS_DATASOURCE_JDBC_URI", "jdbc:x");
            assertEquals(SERVICES.size(), environmentViolations(r).size(), "one per Deployment using the ConfigMap");
        }

        @Test
        void a_probe_on_a_wrong_path_or_port_fails() {
            Rendered r = render("base");
            ObjectNode container = (ObjectNode) r.named("Deployment", "payments-service").get(0)
                    .at("/spec/template/spec/containers/0");
            container.with("readinessProbe").with("httpGet").put("path", "/health/ready");
            container.with("livenessProbe").with("httpGet").put("port", 8080);
            List<String> violations = probeViolations(r);
            assertEquals(2, violations.size(), violations.toString());
        }

        @Test
        void a_single_replica_without_autoscaler_fails() {
            Rendered r = render("base");
            r.named("Deployment", "signature-service").get(0).with("spec").put("replicas", 1);
            r.resources.removeIf(o -> Rendered.kindOf(o).equals("HorizontalPodAutoscaler")
                    && Rendered.name(o).equals("signature-service"));
            assertEquals(1, replicaViolations(r).size());
        }

        @Test
        void a_missing_limit_fails() {
            Rendered r = render("base");
            ((ObjectNode) r.named("Deployment", "status-service").get(0)
                    .at("/spec/template/spec/containers/0/resources")).remove("limits");
            assertEquals(List.of("status-service/status-service: no cpu limits", "status-service/status-service: no memory limits"),
                    resourceViolations(r));
        }

        @Test
        void a_service_selecting_no_pod_and_an_hpa_on_a_missing_deployment_fail() {
            Rendered r = render("base");
            r.named("Service", "payments-service").get(0).with("spec").with("selector")
                    .put("app.kubernetes.io/name", "payment-service");
            r.named("HorizontalPodAutoscaler", "status-service").get(0).with("spec").with("scaleTargetRef")
                    .put("name", "statuses-service");
            assertEquals(2, selectorViolations(r).size(), selectorViolations(r).toString());
        }

        @Test
        void more_pooled_connections_than_postgres_accepts_fails() {
            Rendered r = render("overlays/production");
            assertEquals(List.of(), postgresViolations(r, 3));
            r.named("Cluster", "kerege-db").get(0).with("spec").with("postgresql").with("parameters")
                    .put("max_connections", "400");
            assertEquals(List.of("at full scale the services open 500 connections; max_connections is 400 (20 kept for"
                    + " superuser, replication and operators)"), postgresViolations(r, 3));
        }

        @Test
        void a_missing_dead_letter_topic_fails() {
            Rendered r = render("base");
            String dlq = EventType.deadLetterTopic(EventType.of(EventCatalog.ALL.get(0)).topic());
            r.resources.removeIf(o -> Rendered.kindOf(o).equals("KafkaTopic")
                    && o.at("/spec/topicName").asText().equals(dlq));
            List<String> violations = kafkaViolations(r);
            assertEquals(1, violations.size(), violations.toString());
            assertTrue(violations.get(0).contains(dlq));
        }

        @Test
        void a_patch_on_a_path_that_does_not_exist_is_an_error() {
            ObjectNode doc = (ObjectNode) readYaml("spec:\n  replicas: 2\n").get(0);
            JsonPatch.apply(doc, readYaml("- op: replace\n  path: /spec/replicas\n  value: 3\n").get(0));
            assertEquals(3, doc.at("/spec/replicas").asInt());
            assertThrows(IllegalArgumentException.class,
                    () -> JsonPatch.apply(doc, readYaml("- op: replace\n  path: /spec/replica\n  value: 3\n").get(0)));
        }
    }

    // ------------------------------------------------------------------------------------------------------------
    // Compose and images
    // ------------------------------------------------------------------------------------------------------------

    @Nested
    class Compose {

        final JsonNode compose = readYamlFile(COMPOSE.resolve("compose.yaml")).get(0);

        @Test
        void runs_postgres_17_kafka_and_the_five_services_built_from_their_dockerfiles() {
            assertTrue(compose.at("/services/postgres/image").asText().startsWith("postgres:17"));
            assertTrue(compose.at("/services/kafka/image").asText().startsWith("apache/kafka:"));
            assertEquals("3", compose.at("/services/kafka/environment/KAFKA_NUM_PARTITIONS").asText());
            assertEquals("kerege", compose.at("/services/postgres/environment/POSTGRES_DB").asText());
            for (String service : SERVICES) {
                JsonNode s = compose.at("/services/" + service);
                assertFalse(s.isMissingNode(), service);
                assertEquals("../../" + service, s.at("/build/context").asText(), service);
                assertEquals("src/main/docker/Dockerfile.jvm", s.at("/build/dockerfile").asText(), service);
                assertTrue(Files.isRegularFile(COMPOSE.resolve(s.at("/build/context").asText())
                        .resolve(s.at("/build/dockerfile").asText())), service + ": Dockerfile exists");
                for (String dependency : List.of("postgres", "kafka")) {
                    assertEquals("service_healthy", s.at("/depends_on/" + dependency + "/condition").asText(), service);
                }
            }
        }

        @Test
        void services_publish_their_port_and_check_their_readiness_path() {
            for (String service : SERVICES) {
                ServiceConfig config = ServiceConfig.of(service, Map.of());
                JsonNode s = compose.at("/services/" + service);
                List<String> ports = new ArrayList<>();
                s.path("ports").forEach(p -> ports.add(p.asText()));
                assertEquals(List.of(config.httpPort() + ":" + config.httpPort()), ports, service);
                String test = String.join(" ", texts(s.at("/healthcheck/test")));
                assertTrue(test.contains("http://localhost:" + config.httpPort() + config.readinessPath()),
                        service + ": healthcheck " + test);
            }
        }

        @Test
        void environment_names_are_configuration_keys_the_services_read() {
            List<String> violations = new ArrayList<>();
            for (String service : SERVICES) {
                List<String> names = new ArrayList<>();
                compose.at("/services/" + service + "/environment").fieldNames().forEachRemaining(names::add);
                nameViolations(service, names).forEach(v -> violations.add("compose " + v));
                assertEquals(service.replace("-service", ""),
                        compose.at("/services/" + service + "/environment/QUARKUS_DATASOURCE_USERNAME").asText(),
                        service + " logs in with its own role");
            }
            assertEquals(List.of(), violations);
        }

        @Test
        void every_variable_it_interpolates_is_in_the_env_example_and_the_real_env_is_ignored() throws IOException {
            String text = Files.readString(COMPOSE.resolve("compose.yaml"));
            Set<String> example = envFile(COMPOSE.resolve(".env.example")).keySet();
            Matcher m = Pattern.compile("\\$\\{([A-Z0-9_]+)(:?[-?])?").matcher(text);
            Set<String> missing = new TreeSet<>();
            while (m.find()) {
                boolean hasDefault = m.group(2) != null && m.group(2).endsWith("-");
                if (!hasDefault && !example.contains(m.group(1))) {
                    missing.add(m.group(1));
                }
            }
            assertEquals(Set.of(), missing);
            assertTrue(Files.readAllLines(COMPOSE.resolve(".gitignore")).contains(".env"));
        }

        @Test
        void the_init_script_creates_a_role_and_schema_for_every_service() throws IOException {
            String script = Files.readString(COMPOSE.resolve("initdb/10-kerege-roles.sh"));
            Matcher loop = Pattern.compile("for service in ([a-z ]+);").matcher(script);
            assertTrue(loop.find());
            Set<String> schemas = SERVICES.stream().map(s -> ServiceConfig.of(s, Map.of()).schema())
                    .collect(Collectors.toSet());
            assertEquals(schemas, Set.of(loop.group(1).trim().split(" +")));
            assertTrue(script.contains("CREATE SCHEMA :\"role\" AUTHORIZATION :\"role\""));
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"requirements-service", "appointments-service", "payments-service", "status-service",
            "signature-service"})
    void dockerfile_copies_the_fast_jar_and_exposes_the_service_port(String service) throws IOException {
        String dockerfile = Files.readString(REPO.resolve(service).resolve("src/main/docker/Dockerfile.jvm"));
        for (String part : List.of("target/quarkus-app/lib/", "target/quarkus-app/*.jar", "target/quarkus-app/app/",
                "target/quarkus-app/quarkus/")) {
            assertTrue(dockerfile.contains("COPY --chown=185 " + part), service + ": copies " + part);
        }
        assertTrue(dockerfile.contains("\nEXPOSE " + ServiceConfig.of(service, Map.of()).httpPort() + "\n"), service);
        assertTrue(dockerfile.contains("\nUSER 185\n"), service + ": not root");
    }

    // ------------------------------------------------------------------------------------------------------------
    // The checks (each returns its violations, so that the tests above can also prove they fail)
    // ------------------------------------------------------------------------------------------------------------

    static List<String> replicaViolations(Rendered r) {
        List<String> out = new ArrayList<>();
        for (ObjectNode d : r.kind("Deployment")) {
            int replicas = d.at("/spec/replicas").isMissingNode() ? 1 : d.at("/spec/replicas").asInt();
            Optional<ObjectNode> hpa = r.kind("HorizontalPodAutoscaler").stream()
                    .filter(h -> h.at("/spec/scaleTargetRef/kind").asText().equals("Deployment")
                            && h.at("/spec/scaleTargetRef/name").asText().equals(Rendered.name(d)))
                    .findFirst();
            int min = hpa.map(h -> h.at("/spec/minReplicas").asInt(1)).orElse(replicas);
            if (min < 2) {
                out.add(Rendered.name(d) + ": fewer than 2 replicas (replicas " + replicas + ", HPA min " + min + ")");
            }
        }
        return out;
    }

    static List<String> probeViolations(Rendered r) {
        List<String> out = new ArrayList<>();
        for (ObjectNode d : r.kind("Deployment")) {
            String service = Rendered.name(d);
            for (JsonNode c : d.at("/spec/template/spec/containers")) {
                ServiceConfig config = ServiceConfig.of(service, environment(r, c));
                if (!config.hasSmallRyeHealth()) {
                    out.add(service + ": has no quarkus-smallrye-health, so no health endpoints");
                }
                Map<String, String> expected = new LinkedHashMap<>();
                expected.put("startupProbe", config.startupPath());
                expected.put("readinessProbe", config.readinessPath());
                expected.put("livenessProbe", config.livenessPath());
                expected.forEach((probe, path) -> {
                    JsonNode get = c.path(probe).path("httpGet");
                    if (get.isMissingNode()) {
                        out.add(service + ": no " + probe + " with httpGet");
                        return;
                    }
                    if (!get.path("path").asText().equals(path)) {
                        out.add(service + ": " + probe + " on " + get.path("path").asText() + ", the service serves " + path);
                    }
                    Integer port = containerPort(c, get.path("port"));
                    if (port == null || port != config.httpPort()) {
                        out.add(service + ": " + probe + " on port " + get.path("port").asText()
                                + ", the service listens on " + config.httpPort());
                    }
                });
            }
        }
        return out;
    }

    static List<String> resourceViolations(Rendered r) {
        List<String> out = new ArrayList<>();
        for (ObjectNode d : r.kind("Deployment")) {
            for (JsonNode c : d.at("/spec/template/spec/containers")) {
                for (String kind : List.of("requests", "limits")) {
                    for (String resource : List.of("cpu", "memory")) {
                        if (c.path("resources").path(kind).path(resource).asText().isBlank()) {
                            out.add(Rendered.name(d) + "/" + c.path("name").asText() + ": no " + resource + " " + kind);
                        }
                    }
                }
            }
        }
        return out;
    }

    static List<String> environmentViolations(Rendered r) {
        List<String> out = new ArrayList<>();
        for (ObjectNode d : r.kind("Deployment")) {
            String service = Rendered.name(d);
            for (JsonNode c : d.at("/spec/template/spec/containers")) {
                List<String> names = new ArrayList<>();
                for (JsonNode e : c.path("env")) {
                    names.add(e.path("name").asText());
                    JsonNode ref = e.path("valueFrom");
                    for (String kind : List.of("ConfigMap", "Secret")) {
                        JsonNode keyRef = ref.path(kind.equals("Secret") ? "secretKeyRef" : "configMapKeyRef");
                        if (!keyRef.isMissingNode()) {
                            List<ObjectNode> source = r.named(kind, keyRef.path("name").asText());
                            if (source.isEmpty() || !source.get(0).path("data").has(keyRef.path("key").asText())) {
                                out.add(service + ": " + e.path("name").asText() + " refers to " + kind + " "
                                        + keyRef.path("name").asText() + " key " + keyRef.path("key").asText()
                                        + ", which does not exist");
                            }
                        }
                    }
                }
                for (JsonNode from : c.path("envFrom")) {
                    for (String kind : List.of("ConfigMap", "Secret")) {
                        JsonNode ref = from.path(kind.equals("Secret") ? "secretRef" : "configMapRef");
                        if (!ref.isMissingNode()) {
                            List<ObjectNode> source = r.named(kind, ref.path("name").asText());
                            if (source.isEmpty()) {
                                out.add(service + ": envFrom " + kind + " " + ref.path("name").asText() + " does not exist");
                                continue;
                            }
                            String prefix = from.path("prefix").asText("");
                            source.get(0).path("data").fieldNames().forEachRemaining(n -> names.add(prefix + n));
                        }
                    }
                }
                out.addAll(nameViolations(service, names));
            }
            for (JsonNode volume : d.at("/spec/template/spec/volumes")) {
                String secret = volume.at("/secret/secretName").asText(null);
                if (secret != null && r.named("Secret", secret).isEmpty() && !EXTERNAL_SECRETS.contains(secret)) {
                    out.add(service + ": volume " + volume.path("name").asText() + " mounts Secret " + secret
                            + ", which these manifests neither define nor document as created by the operator");
                }
            }
        }
        return out;
    }

    /** Every name is a key the service reads (or a variable of the image); every key without default is given. */
    static List<String> nameViolations(String service, List<String> names) {
        ConfigKeys keys = ConfigKeys.of(service);
        List<String> out = new ArrayList<>();
        for (String name : names) {
            if (!keys.accepts(name) && !IMAGE_VARIABLES.contains(name)) {
                out.add(service + ": " + name + " is no configuration key of the service");
            }
        }
        for (String key : keys.requiredFromEnvironment()) {
            Pattern env = ConfigKeys.envPattern(key);
            if (names.stream().noneMatch(n -> env.matcher(n).matches())) {
                out.add(service + ": " + key + " has no default and is not given (" + env.pattern() + ")");
            }
        }
        return out;
    }

    static List<String> selectorViolations(Rendered r) {
        List<String> out = new ArrayList<>();
        List<ObjectNode> deployments = r.kind("Deployment");
        for (ObjectNode d : deployments) {
            if (!matches(d.at("/spec/selector/matchLabels"), d.at("/spec/template/metadata/labels"))) {
                out.add("Deployment " + Rendered.name(d) + ": its selector does not match its own pods");
            }
        }
        for (ObjectNode s : r.kind("Service")) {
            JsonNode selector = s.at("/spec/selector");
            List<ObjectNode> selected = deployments.stream()
                    .filter(d -> matches(selector, d.at("/spec/template/metadata/labels"))).toList();
            if (selector.isEmpty() || selected.size() != 1) {
                out.add("Service " + Rendered.name(s) + " selects " + selected.size() + " Deployments");
                continue;
            }
            for (JsonNode port : s.at("/spec/ports")) {
                JsonNode target = port.has("targetPort") ? port.path("targetPort") : port.path("port");
                if (containerPort(selected.get(0).at("/spec/template/spec/containers/0"), target) == null) {
                    out.add("Service " + Rendered.name(s) + ": targetPort " + target.asText() + " is no container port");
                }
            }
        }
        for (ObjectNode h : r.kind("HorizontalPodAutoscaler")) {
            JsonNode ref = h.at("/spec/scaleTargetRef");
            if (!ref.path("kind").asText().equals("Deployment") || r.named("Deployment", ref.path("name").asText()).isEmpty()) {
                out.add("HPA " + Rendered.name(h) + " targets a missing " + ref.path("kind").asText() + " "
                        + ref.path("name").asText());
            }
            if (h.at("/spec/maxReplicas").asInt() < h.at("/spec/minReplicas").asInt(1)) {
                out.add("HPA " + Rendered.name(h) + ": maxReplicas below minReplicas");
            }
        }
        for (ObjectNode p : r.kind("PodDisruptionBudget")) {
            List<ObjectNode> selected = deployments.stream()
                    .filter(d -> matches(p.at("/spec/selector/matchLabels"), d.at("/spec/template/metadata/labels")))
                    .toList();
            if (selected.size() != 1) {
                out.add("PDB " + Rendered.name(p) + " selects " + selected.size() + " Deployments");
            } else if (p.at("/spec/minAvailable").isInt()
                    && p.at("/spec/minAvailable").asInt() >= selected.get(0).at("/spec/replicas").asInt(1)) {
                out.add("PDB " + Rendered.name(p) + " would block every voluntary eviction");
            }
        }
        for (String service : SERVICES) {
            for (String kind : List.of("Service", "HorizontalPodAutoscaler", "PodDisruptionBudget", "ServiceAccount")) {
                if (r.named(kind, service).isEmpty()) {
                    out.add(service + ": no " + kind);
                }
            }
        }
        return out;
    }

    static List<String> kafkaViolations(Rendered r) {
        List<String> out = new ArrayList<>();
        Set<String> clusters = r.kind("Kafka").stream().map(Rendered::name).collect(Collectors.toSet());
        if (clusters.size() != 1) {
            return List.of("expected one Strimzi Kafka, found " + clusters);
        }
        String cluster = clusters.iterator().next();
        ObjectNode kafka = r.named("Kafka", cluster).get(0);
        if (!kafka.at("/metadata/annotations/strimzi.io~1node-pools").asText().equals("enabled")
                || !kafka.at("/metadata/annotations/strimzi.io~1kraft").asText().equals("enabled")) {
            out.add("Kafka " + cluster + " is not a KRaft cluster with node pools");
        }
        Set<String> roles = new TreeSet<>();
        int brokers = 0;
        for (ObjectNode pool : r.kind("KafkaNodePool")) {
            if (pool.at("/metadata/labels/strimzi.io~1cluster").asText().equals(cluster)) {
                texts(pool.at("/spec/roles")).forEach(roles::add);
                if (texts(pool.at("/spec/roles")).contains("broker")) {
                    brokers += pool.at("/spec/replicas").asInt();
                }
            }
        }
        if (!roles.containsAll(Set.of("controller", "broker"))) {
            out.add("the node pools of " + cluster + " lack a KRaft role: " + roles);
        }
        Set<String> expected = new TreeSet<>();
        for (var type : EventCatalog.ALL) {
            String topic = EventType.of(type).topic();
            expected.add(topic);
            expected.add(EventType.deadLetterTopic(topic));
        }
        Set<String> declared = new TreeSet<>();
        for (ObjectNode t : r.kind("KafkaTopic")) {
            String topic = t.at("/spec/topicName").asText(Rendered.name(t));
            declared.add(topic);
            if (!t.at("/metadata/labels/strimzi.io~1cluster").asText().equals(cluster)) {
                out.add("KafkaTopic " + topic + " belongs to no Kafka of these manifests");
            }
            if (t.at("/spec/partitions").asInt() != 3) {
                out.add("KafkaTopic " + topic + ": " + t.at("/spec/partitions").asText() + " partitions, contracts.md says 3");
            }
            int replicas = t.at("/spec/replicas").asInt();
            if (replicas < 1 || replicas > brokers) {
                out.add("KafkaTopic " + topic + ": " + replicas + " replicas on " + brokers + " brokers");
            }
            JsonNode isr = t.at("/spec/config/min.insync.replicas");
            if (!isr.isMissingNode() && isr.asInt() > replicas) {
                out.add("KafkaTopic " + topic + ": min.insync.replicas above its replicas");
            }
            if (!topic.matches("kerege\\.[a-z]+\\.[a-z-]+(\\.dlq)?")) {
                out.add("KafkaTopic " + topic + " is not named kerege.<service>.<aggregate>[.dlq]");
            }
        }
        for (String missing : expected) {
            if (!declared.contains(missing)) {
                out.add("no KafkaTopic for " + missing + " (EventCatalog)");
            }
        }
        for (String topic : declared) {
            if (!topic.endsWith(".dlq") && !expected.contains(topic)
                    && !declared.contains(EventType.deadLetterTopic(topic))) {
                out.add("KafkaTopic " + topic + " has no dead-letter topic");
            }
        }
        Set<String> bootstraps = new TreeSet<>();
        for (JsonNode l : kafka.at("/spec/kafka/listeners")) {
            if (l.path("type").asText().equals("internal") && !l.path("tls").asBoolean()) {
                bootstraps.add(cluster + "-kafka-bootstrap:" + l.path("port").asInt());
            }
        }
        String configured = r.named("ConfigMap", "kerege-config").get(0).at("/data/KAFKA_BOOTSTRAP_SERVERS").asText();
        if (!bootstraps.contains(configured)) {
            out.add("KAFKA_BOOTSTRAP_SERVERS " + configured + " is none of the plain listeners " + bootstraps);
        }
        return out;
    }

    static List<String> postgresViolations(Rendered r, int minInstances) {
        List<String> out = new ArrayList<>();
        List<ObjectNode> clusters = r.kind("Cluster").stream()
                .filter(c -> Rendered.apiVersion(c).startsWith("postgresql.cnpg.io/")).toList();
        if (clusters.size() != 1) {
            return List.of("expected one CloudNativePG Cluster, found " + clusters.size());
        }
        ObjectNode db = clusters.get(0);
        if (db.at("/spec/instances").asInt() < minInstances) {
            out.add("Cluster " + Rendered.name(db) + ": fewer than " + minInstances + " instances");
        }
        if (!db.at("/spec/bootstrap/initdb/database").asText().equals("kerege")) {
            out.add("Cluster " + Rendered.name(db) + " does not bootstrap database kerege");
        }
        String url = r.named("ConfigMap", "kerege-config").get(0).at("/data/QUARKUS_DATASOURCE_JDBC_URL").asText();
        if (!url.startsWith("jdbc:postgresql://" + Rendered.name(db) + "-rw:5432/kerege")) {
            out.add("QUARKUS_DATASOURCE_JDBC_URL " + url + " is not the primary of " + Rendered.name(db) + "/kerege");
        }
        int maxConnections = db.at("/spec/postgresql/parameters/max_connections").asInt(100);
        int connections = 0;
        for (ObjectNode d : r.kind("Deployment")) {
            int pods = r.kind("HorizontalPodAutoscaler").stream()
                    .filter(h -> h.at("/spec/scaleTargetRef/name").asText().equals(Rendered.name(d)))
                    .mapToInt(h -> h.at("/spec/maxReplicas").asInt()).findFirst().orElse(d.at("/spec/replicas").asInt(1));
            String poolSize = ServiceConfig.of(Rendered.name(d), environment(r, d.at("/spec/template/spec/containers/0")))
                    .values().get("quarkus.datasource.jdbc.max-size");
            connections += pods * Integer.parseInt(poolSize);
        }
        if (connections > maxConnections - 20) {
            out.add("at full scale the services open " + connections + " connections; max_connections is " + maxConnections
                    + " (20 kept for superuser, replication and operators)");
        }
        List<String> sql = texts(db.at("/spec/bootstrap/initdb/postInitApplicationSQL"));
        Map<String, String> roleSecrets = new LinkedHashMap<>();
        for (JsonNode role : db.at("/spec/managed/roles")) {
            roleSecrets.put(role.path("name").asText(), role.at("/passwordSecret/name").asText());
        }
        for (ObjectNode d : r.kind("Deployment")) {
            String schema = ServiceConfig.of(Rendered.name(d), Map.of()).schema();
            if (!sql.contains("CREATE SCHEMA " + schema + " AUTHORIZATION " + schema)) {
                out.add(Rendered.name(d) + ": schema " + schema + " is not created for its own role");
            }
            String secret = null;
            for (JsonNode e : d.at("/spec/template/spec/containers/0/env")) {
                if (e.path("name").asText().equals("QUARKUS_DATASOURCE_USERNAME")) {
                    secret = e.at("/valueFrom/secretKeyRef/name").asText(null);
                }
            }
            if (secret == null || !secret.equals(roleSecrets.get(schema))) {
                out.add(Rendered.name(d) + ": logs in with secret " + secret + ", role " + schema + " is managed from "
                        + roleSecrets.get(schema));
            } else if (!r.named("Secret", secret).isEmpty()
                    && !r.named("Secret", secret).get(0).at("/data/username").asText().equals(schema)) {
                out.add("Secret " + secret + ": username is not " + schema);
            }
        }
        return out;
    }

    static List<String> networkPolicyViolations(Rendered r) {
        List<String> out = new ArrayList<>();
        List<ObjectNode> policies = r.kind("NetworkPolicy");
        boolean defaultDeny = policies.stream().anyMatch(p -> p.at("/spec/podSelector").isEmpty()
                && texts(p.at("/spec/policyTypes")).containsAll(List.of("Ingress", "Egress"))
                && p.at("/spec/ingress").isMissingNode() && p.at("/spec/egress").isMissingNode());
        if (!defaultDeny) {
            out.add("no default-deny NetworkPolicy (all pods, Ingress and Egress, no rule)");
        }
        boolean dns = policies.stream().anyMatch(p -> p.at("/spec/podSelector").isEmpty()
                && p.at("/spec/egress").toString().contains("\"port\":53"));
        if (!dns) {
            out.add("no NetworkPolicy lets every pod reach DNS");
        }
        String db = r.kind("Cluster").isEmpty() ? "?" : Rendered.name(r.kind("Cluster").get(0));
        String kafka = r.kind("Kafka").isEmpty() ? "?" : Rendered.name(r.kind("Kafka").get(0));
        for (ObjectNode d : r.kind("Deployment")) {
            JsonNode labels = d.at("/spec/template/metadata/labels");
            List<ObjectNode> applying = policies.stream()
                    .filter(p -> matches(p.at("/spec/podSelector/matchLabels"), labels)).toList();
            boolean ingress = applying.stream().flatMap(p -> stream(p.at("/spec/ingress")))
                    .anyMatch(rule -> stream(rule.path("ports")).anyMatch(port -> containerPort(
                            d.at("/spec/template/spec/containers/0"), port.path("port")) != null));
            if (!ingress) {
                out.add(Rendered.name(d) + ": no NetworkPolicy admits traffic to its HTTP port");
            }
            for (String[] peer : List.of(new String[] {"cnpg.io/cluster", db, "5432"},
                    new String[] {"strimzi.io/cluster", kafka, "9092"})) {
                boolean egress = applying.stream().flatMap(p -> stream(p.at("/spec/egress")))
                        .anyMatch(rule -> rule.path("to").toString().contains("\"" + peer[0] + "\":\"" + peer[1] + "\"")
                                && rule.path("ports").toString().contains("\"port\":" + peer[2]));
                if (!egress) {
                    out.add(Rendered.name(d) + ": no NetworkPolicy lets it reach " + peer[1] + " on " + peer[2]);
                }
            }
        }
        return out;
    }

    // ------------------------------------------------------------------------------------------------------------
    // What a service reads
    // ------------------------------------------------------------------------------------------------------------

    /** The configuration keys a service reads, and the environment names that reach them. */
    record ConfigKeys(String service, Set<String> keys, List<Pattern> envNames, Set<String> required,
                      Set<String> inFiles) {

        static final Map<String, ConfigKeys> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

        static ConfigKeys of(String service) {
            return CACHE.computeIfAbsent(service, ConfigKeys::read);
        }

        private static ConfigKeys read(String service) {
            Set<String> keys = new TreeSet<>(QUARKUS_BUILT_INS);
            Set<String> inFiles = new TreeSet<>();
            for (Path file : List.of(REPO.resolve("platform/src/main/resources/META-INF/microprofile-config.properties"),
                    REPO.resolve(service).resolve("src/main/resources/application.properties"))) {
                for (String key : properties(file).stringPropertyNames()) {
                    keys.add(key.startsWith("%") ? key.substring(key.indexOf('.') + 1) : key);
                    if (!key.startsWith("%")) {
                        inFiles.add(key);
                    }
                }
            }
            SourceKeys.Found found = SourceKeys.in(List.of(REPO.resolve("platform/src/main/java"),
                    REPO.resolve(service).resolve("src/main/java")));
            keys.addAll(found.keys());
            List<Pattern> patterns = keys.stream().map(ConfigKeys::envPattern).toList();
            return new ConfigKeys(service, keys, patterns, found.required(), inFiles);
        }

        /** Keys without a default, not optional, and not set in the service's files: the environment must give them. */
        Set<String> requiredFromEnvironment() {
            Set<String> out = new TreeSet<>(required);
            out.removeAll(inFiles);
            return out;
        }

        /** MicroProfile Config: every character other than a letter or digit becomes {@code _}, upper case. */
        static Pattern envPattern(String key) {
            String env = key.replaceAll("[^A-Za-z0-9*]", "_").toUpperCase();
            return Pattern.compile(Stream.of(env.split("\\*", -1)).map(Pattern::quote)
                    .collect(Collectors.joining("[A-Z0-9_]+")));
        }

        boolean accepts(String envName) {
            return envNames.stream().anyMatch(p -> p.matcher(envName).matches());
        }
    }

    /**
     * Keys named in Java sources: {@code @ConfigProperty(name = ...)}, {@code getValue("...")}, and every leaf of a
     * {@code @ConfigMapping} interface (nested groups, {@code Optional} groups, {@code Map} keys as {@code *},
     * {@code @WithName}, {@code @WithParentName}, method names in kebab case).
     */
    static final class SourceKeys {
        private static final Pattern MAPPING = Pattern.compile("@ConfigMapping\\(\\s*prefix\\s*=\\s*\"([^\"]+)\"[^)]*\\)"
                + "[^{]*?interface\\s+(\\w+)");
        private static final Pattern PROPERTY = Pattern.compile(
                "(?:@ConfigProperty\\(\\s*name\\s*=\\s*|get(?:Optional)?Values?\\(\\s*)\"([a-z][\\w\\-]*(?:\\.[\\w\\-*]+)+)\"");
        private static final Pattern INTERFACE = Pattern.compile("\\binterface\\s+(\\w+)[^{]*\\{");
        /** A property expression in an annotation, e.g. {@code @Scheduled(every = "${kerege.x.every:1h}")}. */
        private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([a-z][\\w\\-]*(?:\\.[\\w\\-]+)+)(?::[^}]*)?}");
        /** An annotation with its arguments (strings may hold parentheses). */
        private static final String ANNOTATION = "@[\\w.]+(\\s*\\((?:\"(?:[^\"\\\\]|\\\\.)*\"|[^)\"])*\\))?";

        /** The keys named in the sources, and those of them a service cannot start without (no default, not optional). */
        record Found(Set<String> keys, Set<String> required) {
        }

        static Found in(List<Path> roots) {
            Map<String, String> sources = new LinkedHashMap<>();
            for (Path root : roots) {
                if (Files.isDirectory(root)) {
                    try (Stream<Path> files = Files.walk(root)) {
                        files.filter(f -> f.toString().endsWith(".java")).forEach(f -> sources.put(f.toString(),
                                stripComments(read(f))));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
            Map<String, String> interfaces = new LinkedHashMap<>();
            sources.values().forEach(s -> interfaces.putAll(interfaceBodies(s)));
            Set<String> keys = new TreeSet<>();
            Set<String> required = new TreeSet<>();
            for (String source : sources.values()) {
                Matcher p = PROPERTY.matcher(source);
                while (p.find()) {
                    keys.add(p.group(1));
                }
                Matcher e = EXPRESSION.matcher(source);
                while (e.find()) {
                    keys.add(e.group(1));
                }
                Matcher m = MAPPING.matcher(source);
                while (m.find()) {
                    leaves(m.group(1), m.group(2), interfaces, keys, required, false, 0);
                }
            }
            return new Found(keys, required);
        }

        static String stripComments(String source) {
            return source.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("(?m)^\\s*//.*$", "");
        }

        /** Every interface's body (nested interfaces cut out), by simple name. */
        static Map<String, String> interfaceBodies(String source) {
            Map<String, String> out = new LinkedHashMap<>();
            Matcher m = INTERFACE.matcher(source);
            while (m.find()) {
                int start = m.end();
                int end = closingBrace(source, start);
                String body = source.substring(start, end);
                StringBuilder own = new StringBuilder();
                Matcher nested = INTERFACE.matcher(body);
                int at = 0;
                while (nested.find(at)) {
                    own.append(body, at, nested.start()).append(';');
                    at = closingBrace(body, nested.end()) + 1;
                }
                own.append(body.substring(at));
                out.put(m.group(1), own.toString());
            }
            return out;
        }

        private static int closingBrace(String s, int from) {
            int depth = 1;
            for (int i = from; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '{') {
                    depth++;
                } else if (c == '}' && --depth == 0) {
                    return i;
                }
            }
            throw new IllegalArgumentException("unbalanced braces");
        }

        private static void leaves(String prefix, String type, Map<String, String> interfaces, Set<String> keys,
                                   Set<String> required, boolean optional, int depth) {
            String body = interfaces.get(type);
            if (body == null || depth > 8) {
                keys.add(prefix);
                return;
            }
            // Default and static methods have bodies: mark them (innermost braces first) and skip them.
            String previous;
            do {
                previous = body;
                body = body.replaceAll("(?s)\\{[^{}]*}", "\u00a7;");
            } while (!body.equals(previous));
            for (String piece : body.split(";")) {
                String member = piece.trim();
                if (member.contains("\u00a7")) {
                    continue;
                }
                Matcher accessor = Pattern.compile("(?s)(.*?)\\b(\\w+)\\s*\\(\\s*\\)\\s*$").matcher(member);
                if (!accessor.matches()) {
                    continue;
                }
                String bare = accessor.group(1).replaceAll(ANNOTATION, " ");
                if (bare.contains("static ") || bare.contains("=")) {
                    continue;
                }
                String head = accessor.group(1);
                String name = kebab(accessor.group(2));
                Matcher withName = Pattern.compile("@WithName\\(\\s*\"([^\"]+)\"\\s*\\)").matcher(head);
                if (withName.find()) {
                    name = withName.group(1);
                }
                String declared = bare.trim();
                String key = head.contains("@WithParentName") ? prefix : prefix + "." + name;
                String raw = declared.replaceAll("<.*", "").trim();
                String argument = declared.contains("<")
                        ? declared.substring(declared.indexOf('<') + 1, declared.lastIndexOf('>')).trim() : "";
                boolean defaulted = head.contains("@WithDefault");
                switch (raw) {
                    case "Optional", "OptionalInt", "OptionalLong", "OptionalDouble" ->
                            leaves(key, argument, interfaces, keys, required, true, depth + 1);
                    case "List", "Set", "Collection" -> {
                        if (interfaces.containsKey(argument)) {
                            leaves(key + "[*]", argument, interfaces, keys, required, true, depth + 1);
                        } else {
                            keys.add(key);
                            if (!optional && !defaulted) {
                                required.add(key);
                            }
                        }
                    }
                    case "Map" -> leaves(key + ".*", argument.substring(argument.indexOf(',') + 1).trim(), interfaces,
                            keys, required, true, depth + 1);
                    default -> {
                        if (interfaces.containsKey(raw)) {
                            leaves(key, raw, interfaces, keys, required, optional, depth + 1);
                        } else {
                            keys.add(key);
                            if (!optional && !defaulted) {
                                required.add(key);
                            }
                        }
                    }
                }
            }
        }

        static String kebab(String camel) {
            return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
        }
    }

    /** The settings of one service that decide its port and health paths (environment over files over defaults). */
    record ServiceConfig(String service, Map<String, String> values) {

        static ServiceConfig of(String service, Map<String, String> environment) {
            Map<String, String> values = new LinkedHashMap<>();
            for (Path file : List.of(REPO.resolve("platform/src/main/resources/META-INF/microprofile-config.properties"),
                    REPO.resolve(service).resolve("src/main/resources/application.properties"))) {
                Properties p = properties(file);
                p.stringPropertyNames().stream().filter(k -> !k.startsWith("%")).forEach(k -> values.put(k, p.getProperty(k)));
            }
            for (String key : new ArrayList<>(values.keySet())) {
                String env = key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase();
                if (environment.containsKey(env)) {
                    values.put(key, environment.get(env));
                }
            }
            for (String key : List.of("quarkus.http.port", "quarkus.http.root-path", "quarkus.http.non-application-root-path",
                    "quarkus.smallrye-health.root-path", "quarkus.smallrye-health.liveness-path",
                    "quarkus.smallrye-health.readiness-path", "quarkus.smallrye-health.startup-path")) {
                String env = key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase();
                if (environment.containsKey(env)) {
                    values.put(key, environment.get(env));
                }
            }
            return new ServiceConfig(service, values);
        }

        int httpPort() {
            return Integer.parseInt(values.getOrDefault("quarkus.http.port", "8080"));
        }

        String schema() {
            return values.get("kerege.schema");
        }

        /** Quarkus: non-application endpoints under {@code <root-path>/<non-application-root-path>}, default /q. */
        String healthRoot() {
            String root = values.getOrDefault("quarkus.http.root-path", "/");
            String nonApplication = values.getOrDefault("quarkus.http.non-application-root-path", "q");
            String base = nonApplication.startsWith("/") ? nonApplication : join(root, nonApplication);
            String health = values.getOrDefault("quarkus.smallrye-health.root-path", "health");
            return health.startsWith("/") ? health : join(base, health);
        }

        String livenessPath() {
            return sub("quarkus.smallrye-health.liveness-path", "live");
        }

        String readinessPath() {
            return sub("quarkus.smallrye-health.readiness-path", "ready");
        }

        String startupPath() {
            return sub("quarkus.smallrye-health.startup-path", "started");
        }

        private String sub(String key, String fallback) {
            String path = values.getOrDefault(key, fallback);
            return path.startsWith("/") ? path : join(healthRoot(), path);
        }

        private static String join(String a, String b) {
            return (a.endsWith("/") ? a : a + "/") + b;
        }

        /** The service's own pom, or the platform it depends on, brings quarkus-smallrye-health. */
        boolean hasSmallRyeHealth() {
            String pom = read(REPO.resolve(service).resolve("pom.xml"));
            return pom.contains("<artifactId>quarkus-smallrye-health</artifactId>")
                    || pom.contains("<artifactId>kerege-platform</artifactId>")
                    && read(REPO.resolve("platform/pom.xml")).contains("<artifactId>quarkus-smallrye-health</artifactId>");
        }
    }

    // ------------------------------------------------------------------------------------------------------------
    // A small Kustomize
    // ------------------------------------------------------------------------------------------------------------

    static final Map<String, Rendered> RENDERED = new java.util.concurrent.ConcurrentHashMap<>();

    /** The resources of {@code deploy/k8s/<layout>}, as kustomize would build them (a fresh copy each time). */
    static Rendered render(String layout) {
        Rendered cached = RENDERED.computeIfAbsent(layout, l -> new Rendered(Kustomize.build(K8S.resolve(l))));
        return new Rendered(cached.resources.stream().map(ObjectNode::deepCopy).collect(Collectors.toList()));
    }

    record Rendered(List<ObjectNode> resources) {

        List<ObjectNode> kind(String kind) {
            return resources.stream().filter(o -> kindOf(o).equals(kind)).toList();
        }

        List<ObjectNode> named(String kind, String name) {
            return resources.stream().filter(o -> kindOf(o).equals(kind) && name(o).equals(name)).toList();
        }

        static String kindOf(JsonNode o) {
            return o.path("kind").asText();
        }

        static String name(JsonNode o) {
            return o.at("/metadata/name").asText();
        }

        static String apiVersion(JsonNode o) {
            return o.path("apiVersion").asText();
        }
    }

    static final class Kustomize {

        static List<ObjectNode> build(Path dir) {
            JsonNode k = readYamlFile(dir.resolve("kustomization.yaml")).get(0);
            Set<String> known = Set.of("apiVersion", "kind", "resources", "namespace", "configMapGenerator",
                    "secretGenerator", "patches", "images");
            k.fieldNames().forEachRemaining(f -> {
                if (!known.contains(f)) {
                    throw new UnsupportedOperationException(dir + ": kustomization field " + f + " is not interpreted here");
                }
            });
            List<ObjectNode> out = new ArrayList<>();
            for (String resource : texts(k.path("resources"))) {
                Path p = dir.resolve(resource).normalize();
                if (Files.isDirectory(p)) {
                    out.addAll(build(p));
                } else {
                    readYamlFile(p).forEach(doc -> out.add((ObjectNode) doc));
                }
            }
            generate(dir, k.path("configMapGenerator"), "ConfigMap", out);
            generate(dir, k.path("secretGenerator"), "Secret", out);
            for (JsonNode patch : k.path("patches")) {
                JsonNode ops = patch.has("path") ? readYamlFile(dir.resolve(patch.path("path").asText())).get(0)
                        : readYaml(patch.path("patch").asText()).get(0);
                if (!ops.isArray()) {
                    throw new UnsupportedOperationException(dir + ": only JSON 6902 patches are interpreted here");
                }
                JsonNode target = patch.path("target");
                if (target.has("labelSelector") || target.has("annotationSelector")) {
                    throw new UnsupportedOperationException(dir + ": patch targets by kind and name only");
                }
                int applied = 0;
                for (ObjectNode o : out) {
                    if ((!target.has("kind") || target.path("kind").asText().equals(Rendered.kindOf(o)))
                            && (!target.has("name") || Rendered.name(o).matches(target.path("name").asText()))) {
                        JsonPatch.apply(o, ops);
                        applied++;
                    }
                }
                if (applied == 0) {
                    throw new IllegalArgumentException(dir + ": patch " + patch + " matches no resource");
                }
            }
            for (JsonNode image : k.path("images")) {
                for (ObjectNode o : out) {
                    for (JsonNode c : o.at("/spec/template/spec/containers")) {
                        String current = c.path("image").asText();
                        String name = current.replaceAll("[:@].*$", "");
                        if (name.equals(image.path("name").asText())) {
                            String tag = current.contains(":") ? current.substring(current.indexOf(':') + 1) : "latest";
                            ((ObjectNode) c).put("image", image.path("newName").asText(name) + ":"
                                    + image.path("newTag").asText(tag));
                        }
                    }
                }
            }
            if (k.has("namespace")) {
                out.stream().filter(o -> !Rendered.kindOf(o).equals("Namespace"))
                        .forEach(o -> o.with("metadata").put("namespace", k.path("namespace").asText()));
            }
            return out;
        }

        private static void generate(Path dir, JsonNode generators, String kind, List<ObjectNode> out) {
            for (JsonNode g : generators) {
                g.fieldNames().forEachRemaining(f -> {
                    if (!Set.of("name", "behavior", "envs", "literals", "type", "options").contains(f)) {
                        throw new UnsupportedOperationException(dir + ": generator field " + f + " is not interpreted here");
                    }
                });
                Map<String, String> data = new LinkedHashMap<>();
                for (String env : texts(g.path("envs"))) {
                    Path file = dir.resolve(env);
                    Path example = dir.resolve(env + ".example");
                    if (!Files.exists(file) && kind.equals("Secret") && Files.exists(example)) {
                        file = example; // the real secret file is not committed; its template names the same keys
                    }
                    data.putAll(envFile(file));
                }
                for (String literal : texts(g.path("literals"))) {
                    data.put(literal.substring(0, literal.indexOf('=')), literal.substring(literal.indexOf('=') + 1));
                }
                String name = g.path("name").asText();
                String behavior = g.path("behavior").asText("create");
                List<ObjectNode> existing = out.stream()
                        .filter(o -> Rendered.kindOf(o).equals(kind) && Rendered.name(o).equals(name)).toList();
                if (behavior.equals("create")) {
                    if (!existing.isEmpty()) {
                        throw new IllegalArgumentException(dir + ": " + kind + " " + name + " generated twice");
                    }
                    ObjectNode o = JsonNodeFactory.instance.objectNode().put("apiVersion", "v1").put("kind", kind);
                    o.with("metadata").put("name", name);
                    if (g.has("type")) {
                        o.put("type", g.path("type").asText());
                    }
                    o.set("data", JsonNodeFactory.instance.objectNode());
                    out.add(o);
                    existing = List.of(o);
                } else if (existing.isEmpty()) {
                    throw new IllegalArgumentException(dir + ": " + behavior + " of a missing " + kind + " " + name);
                } else if (behavior.equals("replace")) {
                    existing.get(0).set("data", JsonNodeFactory.instance.objectNode());
                }
                ObjectNode target = existing.get(0).with("data");
                data.forEach(target::put);
            }
        }
    }

    /** RFC 6902 {@code add}, {@code replace}, {@code remove}; a path that does not exist is an error. */
    static final class JsonPatch {

        static void apply(ObjectNode document, JsonNode operations) {
            for (JsonNode op : operations) {
                List<String> path = new ArrayList<>();
                for (String token : op.path("path").asText().substring(1).split("/", -1)) {
                    path.add(token.replace("~1", "/").replace("~0", "~"));
                }
                JsonNode parent = document;
                for (String token : path.subList(0, path.size() - 1)) {
                    parent = parent.isArray() ? parent.path(Integer.parseInt(token)) : parent.path(token);
                    if (parent.isMissingNode()) {
                        throw new IllegalArgumentException("no " + op.path("path").asText() + " in " + Rendered.name(document));
                    }
                }
                String last = path.get(path.size() - 1);
                String kind = op.path("op").asText();
                boolean exists = parent.isArray() ? !last.equals("-") && Integer.parseInt(last) < parent.size() : parent.has(last);
                if ((kind.equals("replace") || kind.equals("remove")) && !exists) {
                    throw new IllegalArgumentException("no " + op.path("path").asText() + " in " + Rendered.name(document));
                }
                switch (kind) {
                    case "add", "replace" -> {
                        if (parent instanceof ArrayNode array) {
                            if (last.equals("-")) {
                                array.add(op.path("value").deepCopy());
                            } else if (kind.equals("add")) {
                                array.insert(Integer.parseInt(last), op.path("value").deepCopy());
                            } else {
                                array.set(Integer.parseInt(last), op.path("value").deepCopy());
                            }
                        } else {
                            ((ObjectNode) parent).set(last, op.path("value").deepCopy());
                        }
                    }
                    case "remove" -> {
                        if (parent instanceof ArrayNode array) {
                            array.remove(Integer.parseInt(last));
                        } else {
                            ((ObjectNode) parent).remove(last);
                        }
                    }
                    default -> throw new UnsupportedOperationException("JSON patch op " + kind);
                }
            }
        }
    }

    // ------------------------------------------------------------------------------------------------------------
    // Helpers
    // ------------------------------------------------------------------------------------------------------------

    /** The container port a probe or Service port refers to (by name or number), or null. */
    static Integer containerPort(JsonNode container, JsonNode port) {
        for (JsonNode p : container.path("ports")) {
            if (port.isInt() ? p.path("containerPort").asInt() == port.asInt() : p.path("name").asText().equals(port.asText())) {
                return p.path("containerPort").asInt();
            }
        }
        return null;
    }

    /** The container's environment with values: literal {@code value}s and the data of {@code envFrom} ConfigMaps. */
    static Map<String, String> environment(Rendered r, JsonNode container) {
        Map<String, String> env = new LinkedHashMap<>();
        for (JsonNode from : container.path("envFrom")) {
            String name = from.at("/configMapRef/name").asText(null);
            if (name != null && !r.named("ConfigMap", name).isEmpty()) {
                r.named("ConfigMap", name).get(0).path("data").fields()
                        .forEachRemaining(e -> env.put(from.path("prefix").asText("") + e.getKey(), e.getValue().asText()));
            }
        }
        env.putAll(literalEnv(container));
        return env;
    }

    /** The container's literal environment ({@code value}, not references). */
    static Map<String, String> literalEnv(JsonNode container) {
        Map<String, String> env = new LinkedHashMap<>();
        container.path("env").forEach(e -> {
            if (e.has("value")) {
                env.put(e.path("name").asText(), e.path("value").asText());
            }
        });
        return env;
    }

    static boolean matches(JsonNode selector, JsonNode labels) {
        if (selector == null || !selector.isObject() || selector.isEmpty()) {
            return false;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = selector.fields(); it.hasNext(); ) {
            var e = it.next();
            if (!labels.path(e.getKey()).asText("\0").equals(e.getValue().asText())) {
                return false;
            }
        }
        return true;
    }

    static Stream<JsonNode> stream(JsonNode array) {
        List<JsonNode> list = new ArrayList<>();
        array.forEach(list::add);
        return list.stream();
    }

    static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    static Map<String, String> envFile(Path file) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : read(file).split("\n")) {
            String l = line.strip();
            if (!l.isEmpty() && !l.startsWith("#")) {
                int eq = l.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException(file + ": not KEY=value: " + l);
                }
                out.put(l.substring(0, eq), l.substring(eq + 1));
            }
        }
        return out;
    }

    static Properties properties(Path file) {
        Properties p = new Properties();
        if (Files.exists(file)) {
            try {
                p.load(new StringReader(read(file)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return p;
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<JsonNode> readYamlFile(Path file) {
        return readYaml(read(file));
    }

    /** Every document of a (multi-document) YAML text, empty documents skipped. */
    static List<JsonNode> readYaml(String text) {
        try (var parser = YAML.getFactory().createParser(text)) {
            List<JsonNode> docs = new ArrayList<>();
            var it = YAML.readValues(parser, JsonNode.class);
            while (it.hasNext()) {
                JsonNode doc = it.next();
                if (doc != null && !doc.isNull() && !doc.isMissingNode()) {
                    docs.add(doc);
                }
            }
            return docs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

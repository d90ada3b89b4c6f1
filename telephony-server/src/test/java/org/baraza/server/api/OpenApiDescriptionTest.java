package org.baraza.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.baraza.core.db.Stores;
import org.baraza.core.testing.PostgresExtension;
import org.baraza.server.TelephonyServer;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * Keeps {@code openapi.yaml} true: it describes exactly the server's routes (method, path and permission, both
 * ways), its examples fit their schemas, it is what the server serves, and what the server answers to every
 * documented JSON read fits the documented schema.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiDescriptionTest {

    private static final Pattern PARAMETER = Pattern.compile("\\{([a-z]+)}");

    private final Stores stores;
    private final ConsoleWorld world;
    private final JsonNode description;
    private TelephonyServer server;
    private List<ApiRoute> routes;

    OpenApiDescriptionTest(Jdbi jdbi) throws IOException {
        this.stores = Stores.on(jdbi);
        this.world = new ConsoleWorld(stores, jdbi);
        this.description = new YAMLMapper().readTree(DescriptionRoutes.read());
    }

    @BeforeAll
    void start(@TempDir Path directory) {
        server = ConsoleServer.start(stores, directory);
        routes = ConsoleServer.routes(stores, directory);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void theDescriptionHasExactlyTheServersRoutesWithTheirPermissions() {
        Map<String, String> described = new TreeMap<>();
        description.get("paths").properties().forEach(path -> path.getValue().properties().forEach(operation ->
                described.put(operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey(),
                        operation.getValue().path("x-permission").asText())));
        Map<String, String> served = new TreeMap<>();
        routes.forEach(route -> served.put(route.toString(), route.permission().name()));

        assertThat(described).isEqualTo(served);
    }

    @Test
    void theExamplesFitTheirSchemas() {
        SchemaCheck check = new SchemaCheck(description);
        int examples = 0;
        for (var schema : description.at("/components/schemas").properties()) {
            if (schema.getValue().has("example")) {
                assertThat(check.problems(schema.getValue().get("example"), schema.getValue())).as(schema.getKey()).isEmpty();
                examples++;
            }
        }
        assertThat(examples).isGreaterThanOrEqualTo(5);
    }

    @Test
    void theServerServesTheDescription() {
        ConsoleClient.Response served = ConsoleClient.at(server.httpPort()).get("/api/openapi.yaml");
        assertThat(served.status()).isEqualTo(200);
        assertThat(served.body()).isEqualTo(DescriptionRoutes.read());
    }

    @Test
    void everyDocumentedJsonReadAnswersInTheDocumentedShape() {
        SchemaCheck check = new SchemaCheck(description);
        ConsoleClient admin = ConsoleClient.at(server.httpPort()).bearer(world.adminOne.token());
        Map<String, String> ids = new HashMap<>(Map.of(
                "station", id(world.a.station().id().value()), "schedule", id(world.a.schedule().id().value()),
                "airing", id(world.a.airing().value()), "call", world.a.call().toString(),
                "recording", id(world.a.recording().id().value()), "poll", id(world.a.poll().id().value()),
                "media", id(world.a.media().id().value()), "playlist", id(world.a.playlist().id().value()),
                "host", id(world.a.host().id().value()), "caller", id(world.callerOne.id().value())));
        ids.put("program", id(world.programOne.id().value()));
        ids.put("user", id(world.managerA.user().id().value()));
        int checked = 0;
        for (ApiRoute route : routes) {
            JsonNode schema = description.at("/paths/" + route.path().replace("~", "~0").replace("/", "~1")
                    + "/get/responses/200/content/application~1json/schema");
            if (!route.method().name().equals("GET") || schema.isMissingNode()) {
                continue;
            }
            ConsoleClient.Response response = admin.get(fill(route.path(), ids));
            assertThat(response.status()).as(route + ": " + response.body()).isEqualTo(200);
            assertThat(check.problems(response.json(), schema)).as(route + ": " + response.body()).isEmpty();
            checked++;
        }
        assertThat(checked).isGreaterThan(30);
    }

    private static String id(long value) {
        return String.valueOf(value);
    }

    private static String fill(String template, Map<String, String> ids) {
        Matcher parameter = PARAMETER.matcher(template);
        StringBuilder path = new StringBuilder();
        while (parameter.find()) {
            parameter.appendReplacement(path, ids.get(parameter.group(1)));
        }
        return parameter.appendTail(path).toString();
    }
}

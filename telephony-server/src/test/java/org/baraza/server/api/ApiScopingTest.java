package org.baraza.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.baraza.core.db.Stores;
import org.baraza.server.TelephonyServer;
import org.baraza.server.auth.Permission;
import org.baraza.core.testing.PostgresExtension;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every route of the API, walked from the route table so that a new one cannot skip the check: a station manager
 * asking for another station's things is refused (403 or 404) and a network admin asking for another network's
 * things finds nothing (404), whatever the route. Routes without an id either need the network admin or are about
 * the user themself, and are checked as such.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiScopingTest {

    private static final Pattern PARAMETER = Pattern.compile("\\{([a-z]+)}");
    /** Routes without an id that act on the signed-in user themself, or list only what the user may see. */
    private static final Set<String> ABOUT_THE_USER = Set.of("DELETE /api/session", "GET /api/me", "POST /api/me/password",
            "GET /api/me/programs", "GET /api/me/tokens", "POST /api/me/tokens", "GET /api/stations", "GET /api/programs",
            "GET /api/live");

    private final Stores stores;
    private final ConsoleWorld world;
    private TelephonyServer server;
    private List<ApiRoute> routes;

    ApiScopingTest(Jdbi jdbi) {
        this.stores = Stores.on(jdbi);
        this.world = new ConsoleWorld(stores, jdbi);
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
    void aStationManagerIsRefusedAnotherStationsThingsOnEveryRoute() {
        ConsoleWorld.StationThings other = world.b;
        Map<String, String> ids = ids(other);
        ids.put("caller", id(world.callerOne.id().value()));
        ids.put("program", id(world.programTwo.id().value()));
        ids.put("user", id(world.plainUserOne.user().id().value()));
        ids.put("token", id(stores.apiTokens().list(world.adminOne.user().id()).getFirst().id()));
        ConsoleClient manager = client().bearer(world.managerA.token());

        int checked = 0;
        for (ApiRoute route : routes) {
            if (route.permission() == Permission.PUBLIC || ABOUT_THE_USER.contains(route.toString())) {
                continue;
            }
            ConsoleClient.Response response = manager.send(route.method().name(), fill(route, ids), "{}", "application/json");
            assertThat(response.status()).as(route + " for another station's manager: " + response.body()).isIn(403, 404);
            checked++;
        }
        assertThat(checked).isGreaterThan(60);
    }

    @Test
    void aNetworkAdminFindsNothingOfAnotherNetworkOnAnyRouteThatNamesIt() {
        Map<String, String> ids = ids(world.a);
        ids.put("caller", id(world.callerOne.id().value()));
        ids.put("program", id(world.programOne.id().value()));
        ids.put("user", id(world.managerA.user().id().value()));
        ids.put("token", id(stores.apiTokens().list(world.managerA.user().id()).getFirst().id()));
        ConsoleClient admin = client().bearer(world.adminTwo.token());

        for (ApiRoute route : routes) {
            if (!route.path().contains("{")) {
                continue;
            }
            ConsoleClient.Response response = admin.send(route.method().name(), fill(route, ids), "{}", "application/json");
            assertThat(response.status()).as(route + " for another network's admin: " + response.body()).isEqualTo(404);
        }
    }

    @Test
    void everyRouteWithoutAnIdIsTheAdminsOrAboutTheUser() {
        for (ApiRoute route : routes) {
            if (!route.path().contains("{") && route.permission() != Permission.PUBLIC && !ABOUT_THE_USER.contains(route.toString())) {
                assertThat(route.permission()).as(route + " names no station, so only the network admin may use it")
                        .isEqualTo(Permission.NETWORK_ADMIN);
            }
        }
    }

    @Test
    void nobodySignedInGetsOnlyAskedToSignIn() {
        Map<String, String> ids = ids(world.a);
        ids.putAll(Map.of("caller", "1", "program", "1", "user", "1", "token", "1"));
        for (ApiRoute route : routes) {
            if (route.permission() != Permission.PUBLIC) {
                ConsoleClient.Response response = client().send(route.method().name(), fill(route, ids), "{}", "application/json");
                assertThat(response.status()).as(route + " unsigned").isEqualTo(401);
            }
        }
    }

    @Test
    void theListsWithoutAnIdShowOnlyWhatTheUserMaySee() {
        ConsoleClient manager = client().bearer(world.managerA.token());

        assertThat(manager.get("/api/stations").json().findValues("id")).extracting(node -> node.asLong())
                .containsExactly(world.a.station().id().value());
        assertThat(manager.get("/api/programs").json().findValues("networkId")).extracting(node -> node.asLong())
                .containsOnly(world.one.id().value());
        assertThat(client().bearer(world.hostA.token()).get("/api/stations").json().findValues("id"))
                .extracting(node -> node.asLong()).containsExactly(world.a.station().id().value());
        assertThat(client().bearer(world.plainUserOne.token()).get("/api/stations").json()).isEmpty();
    }

    @Test
    void aHostReadsTheirStationsScheduleButCannotEditIt() {
        ConsoleClient host = client().bearer(world.hostA.token());
        long station = world.a.station().id().value();
        long schedule = world.a.schedule().id().value();

        assertThat(host.get("/api/stations/" + station + "/schedules").status()).isEqualTo(200);
        assertThat(host.get("/api/stations/" + station + "/sms").status()).isEqualTo(200);
        assertThat(host.post("/api/stations/" + station + "/schedules", Map.of()).status()).isEqualTo(403);
        assertThat(host.put("/api/schedules/" + schedule, Map.of()).status()).isEqualTo(403);
        assertThat(host.delete("/api/schedules/" + schedule).status()).isEqualTo(403);
        assertThat(host.get("/api/stations/" + station + "/calls").status()).isEqualTo(403);
        assertThat(host.get("/api/stations/" + world.b.station().id().value() + "/schedules").status()).isEqualTo(403);
    }

    private ConsoleClient client() {
        return ConsoleClient.at(server.httpPort());
    }

    private static Map<String, String> ids(ConsoleWorld.StationThings things) {
        Map<String, String> ids = new HashMap<>();
        ids.put("station", id(things.station().id().value()));
        ids.put("schedule", id(things.schedule().id().value()));
        ids.put("airing", id(things.airing().value()));
        ids.put("call", things.call().toString());
        ids.put("recording", id(things.recording().id().value()));
        ids.put("poll", id(things.poll().id().value()));
        ids.put("media", id(things.media().id().value()));
        ids.put("playlist", id(things.playlist().id().value()));
        ids.put("host", id(things.host().id().value()));
        ids.put("number", "%2B256700000999");
        return ids;
    }

    private static String id(long value) {
        return String.valueOf(value);
    }

    /** The route's path with each parameter replaced; a parameter the world has no value for fails the test. */
    private static String fill(ApiRoute route, Map<String, String> ids) {
        Matcher parameter = PARAMETER.matcher(route.path());
        StringBuilder path = new StringBuilder();
        while (parameter.find()) {
            String value = ids.get(parameter.group(1));
            assertThat(value).as(route + ": give ConsoleWorld and this test a thing for {" + parameter.group(1) + "}").isNotNull();
            parameter.appendReplacement(path, value);
        }
        return parameter.appendTail(path).toString();
    }
}

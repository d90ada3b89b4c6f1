package org.baraza.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The HTTP control API over a real socket, on a manual clock: scripting, observing and its errors. */
class ControlApiTest {
    private static final String PHONE = "256700000001";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Softswitch sim = SimFixture.start(SimFixture.config().manualClock(true)
            .controlAddress(new InetSocketAddress("127.0.0.1", 0)));
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        http.close();
        sim.close();
    }

    @Test
    void healthTellsWhereTheSwitchListensAndHowItsClockRuns() throws Exception {
        Reply health = get("/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asText()).isEqualTo("up");
        assertThat(health.json().get("esl").asText()).isEqualTo("127.0.0.1:" + sim.eslAddress().getPort());
        assertThat(health.json().get("manualClock").asBoolean()).isTrue();
        assertThat(health.json().get("now").asText()).isEqualTo(sim.clock().now().toString());
    }

    @Test
    void aScriptedPhoneIsCalledAndSeenThroughTheApi() throws Exception {
        assertThat(send("PUT", "/phones/" + PHONE, "{\"pickup\":\"answer\",\"ringingMs\":2000}").status()).isEqualTo(204);
        Reply originate = send("POST", "/api", "{\"command\":\"bgapi originate sofia/gateway/gsm/" + PHONE + " &park()\"}");
        assertThat(originate.status()).isEqualTo(202);
        assertThat(originate.json().get("jobUuid").asText()).hasSize(36);
        JsonNode channels = awaitChannels(1);
        String uuid = channels.get(0).get("uuid").asText();
        assertThat(channels.get(0).get("answerState").asText()).isEqualTo("ringing");
        assertThat(send("POST", "/clock/advance", "{\"ms\":2000}").status()).isEqualTo(200);
        assertThat(get("/channels/" + uuid).json().get("answerState").asText()).isEqualTo("answered");
        assertThat(send("POST", "/channels/" + uuid + "/keys", "{\"digits\":\"7\"}").status()).isEqualTo(204);
        assertThat(send("POST", "/channels/" + uuid + "/hangup", "").status()).isEqualTo(204);
        sim.awaitGone(uuid, Duration.ofSeconds(5));
        assertThat(get("/channels/" + uuid).status()).isEqualTo(404);
    }

    @Test
    void aListenerCallsInAndJoinsAConference() throws Exception {
        try (Softswitch withNumber = SimFixture.start(SimFixture.config().manualClock(true)
                .publicNumber("256700100008", java.util.List.of("answer", "conference studio-a@default"))
                .controlAddress(new InetSocketAddress("127.0.0.1", 0)))) {
            Reply call = send(withNumber, "POST", "/calls",
                    "{\"from\":\"256700000042\",\"to\":\"256700100008\",\"caller\":{\"talks\":[{\"fromMs\":0,\"untilMs\":500}]}}");
            assertThat(call.status()).isEqualTo(201);
            String uuid = call.json().get("uuid").asText();
            withNumber.awaitEvent(0, e -> "add-member".equals(e.action()), Duration.ofSeconds(5));
            JsonNode studio = send(withNumber, "GET", "/conferences/studio-a", null).json();
            assertThat(studio.get("members").get(0).get("uuid").asText()).isEqualTo(uuid);
            assertThat(send(withNumber, "GET", "/conferences/studio-z", null).status()).isEqualTo(404);
        }
    }

    @Test
    void theEventLogIsReadFromAPositionAndLongPolled() throws Exception {
        sim.phone(PHONE, PhoneScript.answersAtOnce());
        long start = sim.eventPosition();
        sim.api("originate sofia/gateway/gsm/" + PHONE + " &park()");
        Reply page = get("/events?after=" + start + "&limit=3");
        assertThat(page.json().get("events")).hasSize(3);
        JsonNode first = page.json().get("events").get(0);
        assertThat(first.get("position").asLong()).isEqualTo(start);
        assertThat(first.get("headers").get("Event-Name").asText()).isEqualTo(first.get("name").asText());
        long next = page.json().get("next").asLong();
        assertThat(next).isEqualTo(start + 3);
        long end = sim.eventPosition();
        Reply idle = get("/events?after=" + end + "&waitMs=50");
        assertThat(idle.json().get("events")).isEmpty();
        assertThat(idle.json().get("next").asLong()).isEqualTo(end);
    }

    @Test
    void badRequestsAreRefusedWithTheProblemNamed() throws Exception {
        assertError(send("PUT", "/phones/" + PHONE, "{\"pickup\":\"teleport\"}"), 400, "pickup must be");
        assertError(send("PUT", "/phones/" + PHONE, "{\"pickup\":\"answer\",\"colour\":\"red\"}"), 400, "colour");
        assertError(send("PUT", "/phones/" + PHONE, "{not json"), 400, "bad JSON");
        assertError(send("PUT", "/phones/" + PHONE, "{\"keys\":[{\"atMs\":0,\"digits\":\"x\"}]}"), 400, "DTMF digits");
        assertError(send("POST", "/calls", "{\"from\":\"a b\",\"to\":\"1\"}"), 400, "caller must be");
        assertError(send("POST", "/channels/nope/hangup", ""), 404, "channel nope");
        assertError(send("DELETE", "/channels", null), 405, "use GET");
        assertError(get("/nowhere"), 404, "/nowhere");
        assertError(get("/events?limit=0"), 400, "limit");
        assertError(send("POST", "/api", "{\"command\":\"status\"" + " ".repeat(70_000) + "}"), 413, "larger than");
    }

    @Test
    void aClockThatRunsByItselfCannotBeAdvanced() throws Exception {
        try (Softswitch scaled = SimFixture.start(SimFixture.config().timeScale(10)
                .controlAddress(new InetSocketAddress("127.0.0.1", 0)))) {
            assertError(send(scaled, "POST", "/clock/advance", "{\"ms\":1000}"), 409, "runs by itself");
        }
    }

    private JsonNode awaitChannels(int count) {
        return org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5))
                .until(() -> get("/channels").json(), c -> c.size() == count);
    }

    private static void assertError(Reply reply, int status, String part) {
        assertThat(reply.status()).isEqualTo(status);
        assertThat(reply.json().get("error").asText()).contains(part);
    }

    private record Reply(int status, JsonNode json) {
    }

    private Reply get(String path) throws IOException, InterruptedException {
        return send("GET", path, null);
    }

    private Reply send(String method, String path, String body) throws IOException, InterruptedException {
        return send(sim, method, path, body);
    }

    private Reply send(Softswitch target, String method, String path, String body)
            throws IOException, InterruptedException {
        InetSocketAddress control = target.controlAddress().orElseThrow();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + control.getPort() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json").build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        JsonNode json = response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
        return new Reply(response.statusCode(), json);
    }
}

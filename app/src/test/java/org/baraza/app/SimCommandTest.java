package org.baraza.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** {@code baraza sim} as a user runs it: it says where it listens, serves there, and stops when interrupted. */
class SimCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void runsUntilInterruptedAndSaysWhereItListens() throws Exception {
        AtomicInteger exit = new AtomicInteger(-1);
        Thread runner = Thread.ofPlatform().name("baraza-sim").start(() -> exit.set(run(
                "sim", "--esl-port", "0", "--control-port", "0", "--time-scale", "10")));
        await().atMost(Duration.ofSeconds(20)).until(() -> out.toString().contains("Press Ctrl-C to stop."));
        int eslPort = port("event socket  127\\.0\\.0\\.1:(\\d+) \\(password ClueCon\\)");
        int controlPort = port("control API   http://127\\.0\\.0\\.1:(\\d+)/health");
        assertThat(out.toString()).contains("time          10.0x the wall clock")
                .contains("phones        unscripted ones answer after 2000 ms");
        try (Socket esl = new Socket("127.0.0.1", eslPort)) {
            BufferedReader in = new BufferedReader(new InputStreamReader(esl.getInputStream(), StandardCharsets.UTF_8));
            assertThat(in.readLine()).isEqualTo("Content-Type: auth/request");
        }
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + controlPort + "/health")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"up\"");
        }
        runner.interrupt();
        runner.join(Duration.ofSeconds(10));
        assertThat(runner.isAlive()).isFalse();
        assertThat(exit.get()).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).endsWith("baraza sim: stopped" + System.lineSeparator());
        assertThat(greetsLikeFreeSwitch(eslPort)).as("the event socket is closed").isFalse();
    }

    /**
     * Whether something on the port answers with ESL's greeting. Not just "can connect": on a shared machine
     * another process may take a freed ephemeral port at once.
     */
    private static boolean greetsLikeFreeSwitch(int port) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(500);
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            return "Content-Type: auth/request".equals(in.readLine());
        } catch (IOException refusedOrSilent) {
            return false;
        }
    }

    @Test
    void badOptionsAreRefusedBeforeAnythingStarts() {
        assertThat(run("sim", "--esl-port", "0", "--phones", "teleport")).isEqualTo(ExitCode.BAD_CONFIGURATION);
        assertThat(err.toString()).contains("--phones must be answer, busy, ring-out or unreachable: teleport");
        assertThat(run("sim", "--esl-port", "0", "--time-scale", "0")).isEqualTo(ExitCode.BAD_CONFIGURATION);
        assertThat(err.toString()).contains("the time scale must be a positive number");
        assertThat(run("sim", "--esl-port", "0", "--webhook-url", "ftp://example.org/")).isEqualTo(ExitCode.BAD_CONFIGURATION);
        assertThat(err.toString()).contains("the webhook URL must be http:// or https://");
        assertThat(run("sim", "--esl-port", "x")).isEqualTo(ExitCode.BAD_CONFIGURATION);
    }

    @Test
    void aPortInUseFails() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            assertThat(run("sim", "--esl-port", Integer.toString(taken.getLocalPort()))).isEqualTo(ExitCode.FAILED);
            assertThat(err.toString()).contains("baraza sim: cannot listen on 127.0.0.1");
        }
    }

    private int run(String... args) {
        return Baraza.run(args, Map.of(), new PrintWriter(out, true), new PrintWriter(err, true));
    }

    private int port(String pattern) {
        Matcher m = Pattern.compile(pattern).matcher(out.toString());
        assertThat(m.find()).as("%s in %s", pattern, out).isTrue();
        return Integer.parseInt(m.group(1));
    }
}

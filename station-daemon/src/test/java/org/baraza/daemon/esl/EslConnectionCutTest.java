package org.baraza.daemon.esl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.baraza.core.testing.ManualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code api} commands in flight when the event socket is cut: FreeSWITCH never answers them. Against a small
 * event socket of the test's own that speaks just enough of the protocol and can leave {@code api} unanswered,
 * which the simulator (answering at once) cannot.
 */
class EslConnectionCutTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final AtomicBoolean answerApi = new AtomicBoolean(true);
    private final AtomicInteger apiReceived = new AtomicInteger();
    private final List<Socket> clients = new CopyOnWriteArrayList<>();
    private final List<SwitchEvent> events = new CopyOnWriteArrayList<>();
    private volatile boolean rejectEveryClient;
    private ServerSocket listener;
    private EslConnection esl;

    @AfterEach
    void close() throws IOException {
        if (esl != null) {
            esl.close();
        }
        listener.close();
        for (Socket client : clients) {
            client.close();
        }
    }

    @Test
    void commandsLeftUnansweredByACutFailAtOnceAndTheNextConnectionAnswersEveryCommand() throws Exception {
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(this::accept);
        esl = EslConnection.open(new SwitchNode("fs1", "127.0.0.1", listener.getLocalPort(), "ClueCon"), Clock.systemUTC(),
                events::add);
        await().atMost(WAIT).until(() -> connections() == 1);
        assertThat(esl.api("status", "").get(5, TimeUnit.SECONDS)).isEqualTo("UP 0 years");

        // More than the client's own pool of threads for commands (twice the cores) left waiting.
        answerApi.set(false);
        int before = apiReceived.get();
        List<CompletableFuture<String>> unanswered = new ArrayList<>();
        for (int i = 0; i < 4 * Runtime.getRuntime().availableProcessors() + 4; i++) {
            unanswered.add(esl.api("status", ""));
        }
        await().atMost(WAIT).until(() -> apiReceived.get() - before == unanswered.size());
        cutEveryClient();

        for (CompletableFuture<String> command : unanswered) {
            assertThatThrownBy(() -> command.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(SwitchException.class)
                    .hasMessageContaining("connection lost");
        }
        answerApi.set(true);
        await().atMost(WAIT).until(() -> connections() == 2);
        List<CompletableFuture<String>> after = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            after.add(esl.api("status", ""));
        }
        for (CompletableFuture<String> command : after) {
            assertThat(command.get(5, TimeUnit.SECONDS)).isEqualTo("UP 0 years");
        }
    }

    @Test
    void aConnectionThatWasUpIsReplacedAtOnceButNotTwiceWithinASecond() throws Exception {
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(this::accept);
        ManualClock clock = new ManualClock(Instant.parse("2026-12-05T10:00:00Z"));
        // The client's own pause made a minute long: a reconnect within the test's wait can only be the quick one.
        esl = EslConnection.open(new SwitchNode("fs1", "127.0.0.1", listener.getLocalPort(), "ClueCon"), clock,
                events::add, 60);
        await().atMost(WAIT).until(() -> connections() == 1);

        cutEveryClient();
        await().atMost(WAIT).until(() -> connections() == 2);
        assertThat(esl.api("status", "").get(5, TimeUnit.SECONDS)).isEqualTo("UP 0 years");

        // Lost again in the same second: left to the client's minute, so no new connection comes.
        cutEveryClient();
        await().atMost(WAIT).until(() -> !esl.isReady());
        int accepted = clients.size();
        await().during(Duration.ofMillis(500)).atMost(WAIT).until(() -> clients.size() == accepted);
        assertThat(connections()).isEqualTo(2);
    }

    @Test
    void aConnectionNeverReadyIsLeftToTheClientsPause() throws Exception {
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        rejectEveryClient = true;
        Thread.ofVirtual().start(this::accept);
        esl = EslConnection.open(new SwitchNode("fs1", "127.0.0.1", listener.getLocalPort(), "ClueCon"),
                new ManualClock(Instant.parse("2026-12-05T10:00:00Z")), events::add, 60);
        await().atMost(WAIT).until(() -> clients.size() == 1);

        // Turned away before it authenticated (FreeSWITCH's ACL does this): no quick retry, whatever the clock says.
        await().during(Duration.ofMillis(500)).atMost(WAIT).until(() -> clients.size() == 1);
        assertThat(connections()).isZero();
    }

    private void cutEveryClient() throws IOException {
        for (Socket client : clients) {
            client.close();
        }
    }

    private long connections() {
        return events.stream().filter(e -> e instanceof SwitchEvent.Connected).count();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                clients.add(client);
                if (rejectEveryClient) {
                    // What mod_event_socket sends a client its ACL refuses, before it hangs up.
                    String body = "Access Denied, go away.\n";
                    write(client.getOutputStream(), "Content-Type: text/rude-rejection\nContent-Length: " + body.length()
                            + "\n\n" + body);
                    client.close();
                    continue;
                }
                Thread.ofVirtual().start(() -> serve(client));
            } catch (IOException closed) {
                return;
            }
        }
    }

    /** mod_event_socket's side, as little of it as the client needs: auth, command replies, api responses. */
    private void serve(Socket client) {
        try (client) {
            OutputStream out = client.getOutputStream();
            BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
            write(out, "Content-Type: auth/request\n\n");
            for (String command = readCommand(in); command != null; command = readCommand(in)) {
                if (command.startsWith("api ")) {
                    apiReceived.incrementAndGet();
                    if (answerApi.get()) {
                        String body = "UP 0 years";
                        write(out, "Content-Type: api/response\nContent-Length: " + body.length() + "\n\n" + body);
                    }
                } else if (command.startsWith("auth ")) {
                    write(out, "Content-Type: command/reply\nReply-Text: +OK accepted\n\n");
                } else {
                    write(out, "Content-Type: command/reply\nReply-Text: +OK\n\n");
                }
            }
        } catch (IOException cut) {
            // the test cut it, or the client went away
        }
    }

    private static String readCommand(BufferedReader in) throws IOException {
        String first = in.readLine();
        while (first != null && first.isEmpty()) {
            first = in.readLine();
        }
        for (String line = first; line != null && !line.isEmpty(); line = in.readLine()) {
            // a command's other lines (sendmsg headers) are not needed here
        }
        return first;
    }

    private static synchronized void write(OutputStream out, String frame) throws IOException {
        out.write(frame.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}

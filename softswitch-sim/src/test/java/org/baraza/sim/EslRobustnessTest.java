package org.baraza.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.baraza.sim.testing.RawEslClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * One client's garbage, sudden disconnects or refusal to read never break the simulator or the other clients.
 * Each test keeps a well-behaved client connected and checks it is served throughout.
 */
class EslRobustnessTest {
    private static final String PHONE = "256700000001";
    private static final int EVENT_QUEUE = 16;

    // A hundred times faster than real time, so each call rings and answers in a blink.
    private final Softswitch sim = SimFixture.start(SimFixture.config().timeScale(100).eventQueueCapacity(EVENT_QUEUE));

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void binaryGarbageBeforeAndAfterLoginIsAnsweredAsUnknownCommands() throws IOException {
        try (RawEslClient good = RawEslClient.login(sim.eslAddress(), "ClueCon");
                RawEslClient stranger = RawEslClient.connect(sim.eslAddress());
                RawEslClient member = RawEslClient.login(sim.eslAddress(), "ClueCon")) {
            stranger.next();
            stranger.sendRaw("\u0000\u00ff\u0016\u0003\u0001 binary\r\n\r\n");
            assertThat(stranger.nextMatching(f -> "command/reply".equals(f.contentType())).replyText())
                    .isEqualTo("-ERR command not found");
            member.sendRaw("\u0001\u0002\u0003\ngarbage: \u00fe\u00fd\n\n");
            assertThat(member.nextMatching(f -> "command/reply".equals(f.contentType())).replyText())
                    .isEqualTo("-ERR command not found");
            assertThat(member.api("status")).startsWith("UP ");
            assertThat(good.api("status")).startsWith("UP ");
        }
    }

    @Test
    void aHeaderBlockWithoutLineBreaksIsCutAtTheLimitAndServingGoesOn() throws IOException {
        try (RawEslClient good = RawEslClient.login(sim.eslAddress(), "ClueCon");
                RawEslClient noisy = RawEslClient.login(sim.eslAddress(), "ClueCon")) {
            noisy.sendRaw("x".repeat(200 * 1024) + "\n\n");
            assertThat(noisy.nextMatching(f -> "command/reply".equals(f.contentType())).replyText())
                    .isEqualTo("-ERR command not found");
            assertThat(good.api("status")).startsWith("UP ");
        }
    }

    @Test
    void clientsVanishingInTheMiddleOfACommandOrBodyAreForgotten() throws IOException {
        try (RawEslClient good = RawEslClient.login(sim.eslAddress(), "ClueCon")) {
            RawEslClient halfCommand = RawEslClient.login(sim.eslAddress(), "ClueCon");
            RawEslClient halfBody = RawEslClient.login(sim.eslAddress(), "ClueCon");
            RawEslClient halfLogin = RawEslClient.connect(sim.eslAddress());
            await().atMost(Duration.ofSeconds(5)).until(() -> sim.eslConnections() == 4);
            halfCommand.sendRaw("api stat");
            halfBody.sendRaw("sendevent CUSTOM\nContent-Length: 100\n\nonly part of it");
            halfLogin.sendRaw("auth Clue");
            halfCommand.close();
            halfBody.close();
            halfLogin.close();
            await().atMost(Duration.ofSeconds(5)).until(() -> sim.eslConnections() == 1);
            assertThat(good.api("status")).startsWith("UP ");
        }
    }

    @Test
    void aClientFloodingCommandsWithoutReadingHoldsUpOnlyItself() throws IOException {
        try (RawEslClient good = RawEslClient.login(sim.eslAddress(), "ClueCon");
                RawEslClient flooder = RawEslClient.login(RawEslClient.connect(sim.eslAddress(), 4096), "ClueCon")) {
            // Far more replies than the flooder's socket buffers and its queue bound hold.
            Thread writer = Thread.ofVirtual().name("flooder").start(() -> {
                try {
                    flooder.sendRaw("api version\n\n".repeat(50_000));
                } catch (IOException e) {
                    // Closed at the end of the test while still blocked writing: expected.
                }
            });
            for (int i = 0; i < 20; i++) {
                assertThat(good.api("version")).startsWith("FreeSWITCH Version 1.10.12");
            }
            flooder.close();
            await().atMost(Duration.ofSeconds(10)).until(() -> sim.eslConnections() == 1 && !writer.isAlive());
            assertThat(good.api("status")).startsWith("UP ");
        }
    }

    /** mod_event_socket drops events for a client that does not read and disconnects it after 500 lost. */
    @Test
    void aSubscriberThatStopsReadingIsDisconnectedWhileOthersGetEveryEvent() throws Exception {
        sim.phone(PHONE, PhoneScript.answersAtOnce());
        try (RawEslClient good = RawEslClient.login(sim.eslAddress(), "ClueCon");
                RawEslClient slow = RawEslClient.login(RawEslClient.connect(sim.eslAddress(), 4096), "ClueCon")) {
            good.command("event plain CHANNEL_HANGUP_COMPLETE");
            slow.command("event plain ALL");
            AtomicInteger hangups = new AtomicInteger();
            Thread reader = Thread.ofVirtual().name("good-subscriber").start(() -> {
                try {
                    while (true) {
                        good.nextMatching(f -> f.isEvent());
                        hangups.incrementAndGet();
                    }
                } catch (IOException e) {
                    // The test closes the client when done.
                }
            });
            int calls = 0;
            while (sim.eslConnections() == 2 && calls < 5_000) {
                callAndHangUp();
                calls++;
            }
            assertThat(sim.eslConnections()).as("the slow subscriber was disconnected").isEqualTo(1);
            assertThat(slow.drainUntilClosed()).isTrue();
            int expected = calls;
            await().atMost(Duration.ofSeconds(10)).until(() -> hangups.get() == expected);
            callAndHangUp();
            await().atMost(Duration.ofSeconds(10)).until(() -> hangups.get() == expected + 1);
            good.close();
            reader.join(Duration.ofSeconds(5));
        }
    }

    private void callAndHangUp() {
        String reply = sim.api("originate sofia/gateway/gsm/" + PHONE + " &park()");
        if (!reply.startsWith("+OK ")) {
            throw new UncheckedIOException(new IOException("originate failed: " + reply));
        }
        assertThat(sim.api("hupall")).startsWith("+OK");
        sim.awaitGone(reply.substring(4).trim(), Duration.ofSeconds(5));
    }

    @Test
    void droppedConnectionsLeaveTheCallsUpForClientsThatComeBack() throws IOException {
        sim.phone("256700000001", PhoneScript.answersAtOnce());
        String uuid = sim.api("originate sofia/gateway/gsm/256700000001 &park()").substring(4).trim();
        try (RawEslClient before = RawEslClient.login(sim.eslAddress(), "ClueCon")) {
            sim.dropEslConnections();

            assertThat(before.closedByServer()).isTrue();
        }
        assertThat(sim.channel(uuid)).isPresent();
        try (RawEslClient after = RawEslClient.login(sim.eslAddress(), "ClueCon")) {
            assertThat(after.api("uuid_exists " + uuid)).isEqualTo("true");
        }
    }
}

package org.baraza.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.baraza.sim.testing.Transcript;
import org.baraza.sim.testing.WireEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import link.thingscloud.freeswitch.esl.IEslEventListener;
import link.thingscloud.freeswitch.esl.InboundClient;
import link.thingscloud.freeswitch.esl.ServerConnectionListener;
import link.thingscloud.freeswitch.esl.inbound.option.ConnectState;
import link.thingscloud.freeswitch.esl.inbound.option.InboundClientOption;
import link.thingscloud.freeswitch.esl.inbound.option.ServerOption;
import link.thingscloud.freeswitch.esl.transport.event.EslEvent;
import link.thingscloud.freeswitch.esl.transport.message.EslMessage;

/**
 * The simulator through the ESL client the station daemon uses (link.thingscloud:freeswitch-esl 2.2.0):
 * it logs in, subscribes, runs api and bgapi commands and hears events exactly as from FreeSWITCH. As the
 * daemon must, listeners only enqueue: a call made inside a listener would deadlock the library. The library's
 * client is a JVM-wide singleton, so the class shares one client and one simulator.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EslClientLibraryTest {
    private final Softswitch sim = SimFixture.realTime();
    private final LinkedBlockingQueue<EslEvent> events = new LinkedBlockingQueue<>();
    private final LinkedBlockingQueue<EslEvent> jobs = new LinkedBlockingQueue<>();
    private InboundClient client;
    private String address;

    @BeforeAll
    void connect() throws InterruptedException {
        CountDownLatch opened = new CountDownLatch(1);
        address = "127.0.0.1:" + sim.eslAddress().getPort();
        ServerOption server = new ServerOption("127.0.0.1", sim.eslAddress().getPort());
        InboundClientOption option = new InboundClientOption()
                .defaultPassword("ClueCon")
                .addServerOption(server)
                .addEvents("CHANNEL_CREATE", "CHANNEL_ANSWER", "CHANNEL_HANGUP_COMPLETE", "BACKGROUND_JOB", "CUSTOM",
                        "conference::maintenance")
                .serverConnectionListener(new ServerConnectionListener() {
                    @Override
                    public void onOpened(ServerOption serverOption) {
                        opened.countDown();
                    }

                    @Override
                    public void onClosed(ServerOption serverOption) {
                        // The test ends by closing it.
                    }
                })
                .addListener(new IEslEventListener() {
                    @Override
                    public void eventReceived(String addr, EslEvent event) {
                        events.add(event);
                    }

                    @Override
                    public void backgroundJobResultReceived(String addr, EslEvent event) {
                        jobs.add(event);
                    }
                });
        client = InboundClient.newInstance(option);
        client.start();
        assertThat(opened.await(10, TimeUnit.SECONDS)).as("connected").isTrue();
        // Opened is said on connecting; commands are refused until the password has been taken.
        await().atMost(Duration.ofSeconds(10)).until(() -> server.state() == ConnectState.AUTHED);
        await().atMost(Duration.ofSeconds(5)).until(() -> sim.eslConnections() == 1);
    }

    @BeforeEach
    void forgetEarlierEvents() {
        events.clear();
        jobs.clear();
    }

    @AfterAll
    void close() {
        client.shutdown();
        sim.close();
    }

    @Test
    void anApiCommandAnswersLikeFreeswitch() {
        EslMessage status = client.sendSyncApiCommand(address, "status", null);
        assertThat(status.getContentType()).isEqualTo("api/response");
        assertThat(status.getBodyLines().getFirst()).startsWith("UP 0 years, 0 days");
        assertThat(status.getBodyLines()).contains("1000 session(s) max");
    }

    /** Scenario: originate into conference with our own uuid and variables. */
    @Test
    void anOriginateIsAnsweredAndItsEventsCarryTheRecordedHeaders() throws InterruptedException {
        EslMessage reply = client.sendSyncApiCommand(address, "originate",
                "{origination_uuid=0a5598b2-2354-48ec-8e3a-2383dec61dee,baraza_station=7,baraza_role=transmitter,"
                        + "origination_caller_id_number=256700000001,originate_timeout=20}loopback/9100 &park()");
        assertThat(reply.getBodyLines()).containsExactly("+OK 0a5598b2-2354-48ec-8e3a-2383dec61dee");
        EslEvent answer = next(e -> e.getEventName().equals("CHANNEL_ANSWER")
                && "0a5598b2-2354-48ec-8e3a-2383dec61dee".equals(e.getEventHeaders().get("Unique-ID")));
        assertThat(answer.getEventHeaders()).containsEntry("variable_baraza_station", "7")
                .containsEntry("Caller-Caller-ID-Number", "256700000001")
                .containsEntry("Answer-State", "answered");
        assertThat(nonVariables(answer.getEventHeaders().keySet())).isEqualTo(recordedNames("CHANNEL_ANSWER"));
        EslEvent addMember = next(e -> "add-member".equals(e.getEventHeaders().get("Action")));
        assertThat(addMember.getEventHeaders()).containsEntry("Conference-Name", "studio-a")
                .containsEntry("Event-Subclass", "conference::maintenance");
    }

    /** Scenario: bgapi originate to park extension, BACKGROUND_JOB event. */
    @Test
    void aBackgroundOriginateReportsThroughABackgroundJob() throws InterruptedException {
        String job = client.sendAsyncApiCommand(address, "originate",
                "{origination_uuid=01155d88-0fe3-4de6-8807-e0a036a7f211}loopback/9102 &park()");
        EslEvent result = jobs.poll(10, TimeUnit.SECONDS);
        assertThat(result).as("BACKGROUND_JOB").isNotNull();
        assertThat(result.getEventHeaders()).containsEntry("Job-UUID", job).containsEntry("Job-Command", "originate");
        assertThat(result.getEventBodyLines()).containsExactly("+OK 01155d88-0fe3-4de6-8807-e0a036a7f211");
    }

    @Test
    void aFailedOriginateSaysWhy() {
        sim.phone("256700000003", PhoneScript.busy());
        EslMessage reply = client.sendSyncApiCommand(address, "originate", "sofia/gateway/gsm/256700000003 &park()");
        assertThat(reply.getBodyLines()).containsExactly("-ERR USER_BUSY");
    }

    private EslEvent next(java.util.function.Predicate<EslEvent> wanted) throws InterruptedException {
        while (true) {
            EslEvent e = events.poll(10, TimeUnit.SECONDS);
            assertThat(e).as("an awaited event").isNotNull();
            if (wanted.test(e)) {
                return e;
            }
        }
    }

    /**
     * The header names apart from channel variables. The library also reports an empty name for the blank line
     * that ends every text/event-plain body (FreeSWITCH sends it too; the framing tests check it), so that goes.
     */
    private static Set<String> nonVariables(Set<String> names) {
        Set<String> out = new TreeSet<>();
        names.stream().filter(n -> !n.isEmpty() && !n.startsWith("variable_")).forEach(out::add);
        return out;
    }

    private static Set<String> recordedNames(String eventName) {
        WireEvent recorded = Transcript.load("events-plain.log").events().stream()
                .filter(e -> eventName.equals(e.name())).findFirst().orElseThrow();
        return nonVariables(new TreeSet<>(recorded.names()));
    }
}

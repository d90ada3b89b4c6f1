package org.baraza.daemon.esl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.baraza.daemon.esl.SwitchCommands.Originated;
import org.baraza.sim.PhoneScript;
import org.baraza.sim.Softswitch;
import org.baraza.sim.SoftswitchConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The ESL connection and the commands Baraza uses, through the real ESL client, against the simulator over TCP. */
class SwitchCommandsTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private Softswitch sim;
    private EslConnection esl;
    private SwitchCommands commands;
    private final List<SwitchEvent> events = new CopyOnWriteArrayList<>();

    @BeforeEach
    void connect() throws IOException {
        sim = Softswitch.start(SoftswitchConfig.builder().eslPort(0).heartbeat(Duration.ZERO).conferenceSounds(false).build());
        esl = EslConnection.open(new SwitchNode("fs1", "127.0.0.1", sim.eslAddress().getPort(), "ClueCon"),
                Clock.systemUTC(), events::add);
        commands = new SwitchCommands(esl, "radio");
        await().atMost(WAIT).until(() -> events.stream().anyMatch(e -> e instanceof SwitchEvent.Connected));
    }

    @AfterEach
    void close() {
        esl.close();
        sim.close();
    }

    @Test
    void anOriginateThatIsAnsweredCarriesOurUuidAndVariables() throws Exception {
        sim.phone("0772100200", PhoneScript.answersAtOnce());
        UUID uuid = UUID.randomUUID();

        Originated result = commands.originateParked(uuid, Map.of("baraza_station", "7", "baraza_role", "transmitter"),
                "sofia/gateway/gsm1/0772100200").get(5, TimeUnit.SECONDS);

        assertThat(result).isEqualTo(new Originated.Answered(uuid));
        assertThat(sim.channel(uuid.toString()).orElseThrow().variable("baraza_station")).isEqualTo("7");
        SwitchEvent.ChannelAnswered answered = (SwitchEvent.ChannelAnswered) await().atMost(WAIT).until(
                () -> events.stream().filter(e -> e instanceof SwitchEvent.ChannelAnswered a && a.uuid().equals(uuid))
                        .findFirst().orElse(null), found -> found != null);
        assertThat(answered.variables()).containsEntry("baraza_role", "transmitter");
        assertThat(commands.liveChannels().get(5, TimeUnit.SECONDS)).contains(uuid);
    }

    @Test
    void stationsAskingForTheLiveChannelsAtOnceShareOneListAndNeverGetOneOlderThanTheirQuestion() throws Exception {
        sim.phone("0772100203", PhoneScript.answersAtOnce());
        UUID before = UUID.randomUUID();
        commands.originateParked(before, Map.of(), "sofia/gateway/gsm1/0772100203").get(5, TimeUnit.SECONDS);
        long position = sim.eventPosition();

        List<CompletableFuture<Set<UUID>>> asked = new ArrayList<>();
        for (int station = 0; station < 200; station++) {
            asked.add(commands.liveChannels());
        }
        UUID after = UUID.randomUUID();
        commands.originateParked(after, Map.of(), "sofia/gateway/gsm1/0772100203").get(5, TimeUnit.SECONDS);
        CompletableFuture<Set<UUID>> last = commands.liveChannels();

        for (CompletableFuture<Set<UUID>> answer : asked) {
            assertThat(answer.get(5, TimeUnit.SECONDS)).contains(before);
        }
        assertThat(last.get(5, TimeUnit.SECONDS)).as("asked after the leg was up").contains(before, after);
        long shows = sim.eventsSince(position).stream()
                .filter(event -> "API".equals(event.name()) && "show".equals(event.header("API-Command"))).count();
        assertThat(shows).as("show channels sent for 201 questions").isBetween(1L, 3L);
    }

    @Test
    void aBusyPhoneFailsTheOriginateWithFreeSwitchsCause() throws Exception {
        sim.phone("0772100201", PhoneScript.busy());

        Originated result = commands.originateParked(UUID.randomUUID(), Map.of(), "sofia/gateway/gsm1/0772100201")
                .get(5, TimeUnit.SECONDS);

        assertThat(result).isEqualTo(new Originated.Failed("USER_BUSY"));
    }

    @Test
    void aLegMovedIntoAConferenceIsAMemberThereAndHangsUpOnRequest() throws Exception {
        sim.phone("0772100202", PhoneScript.answersAtOnce());
        UUID uuid = UUID.randomUUID();
        commands.originateParked(uuid, Map.of(), "sofia/gateway/gsm1/0772100202").get(5, TimeUnit.SECONDS);

        commands.moveToConference(uuid, "baraza-s1-a2").get(5, TimeUnit.SECONDS);

        await().atMost(WAIT).until(() -> commands.members("baraza-s1-a2").get().contains(uuid));
        assertThat(commands.members("baraza-s9-a9").get(5, TimeUnit.SECONDS)).isEmpty();
        commands.hangup(uuid).get(5, TimeUnit.SECONDS);
        await().atMost(WAIT).until(() -> events.stream().anyMatch(e -> e instanceof SwitchEvent.ChannelHungUp h
                && h.uuid().equals(uuid)));
        // Hanging up what is gone already is not an error.
        commands.hangup(uuid).get(5, TimeUnit.SECONDS);
    }

    @Test
    void playingAFileThatIsNotThereFailsWithFreeSwitchsWords() {
        sim.phone("0772100203", PhoneScript.answersAtOnce());
        UUID uuid = UUID.randomUUID();
        commands.originateIntoConference(uuid, Map.of(), "sofia/gateway/gsm1/0772100203", "baraza-s1-a3").join();
        await().atMost(WAIT).until(() -> commands.members("baraza-s1-a3").get().contains(uuid));

        assertThatThrownBy(() -> commands.play("baraza-s1-a3", "/var/lib/baraza/media/missing.wav").join())
                .isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(SwitchException.class)
                .hasMessageContaining("play /var/lib/baraza/media/missing.wav into baraza-s1-a3: -ERR");
    }

    @Test
    void aCutConnectionFailsWhatIsPendingReconnectsAndSaysSo() {
        sim.phone("0772100204", PhoneScript.ringsOut());
        var pending = commands.originateParked(UUID.randomUUID(), Map.of("originate_timeout", "30"),
                "sofia/gateway/gsm1/0772100204");
        await().atMost(WAIT).until(() -> sim.channels().size() == 1);

        sim.dropEslConnections();

        assertThatThrownBy(() -> pending.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(SwitchException.class)
                .hasMessageContaining("connection lost");
        await().atMost(WAIT).until(() -> events.stream().filter(e -> e instanceof SwitchEvent.Connected).count() == 2);
        assertThat(events).anyMatch(e -> e instanceof SwitchEvent.Disconnected);
        assertThat(esl.isReady()).isTrue();
    }

    @Test
    void commandLinesRefuseValuesFreeSwitchWouldReadAsSyntax() {
        assertThatThrownBy(() -> commands.originateParked(UUID.randomUUID(), Map.of("x", "a,b=c"), "loopback/9102"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("syntax");
        assertThatThrownBy(() -> commands.play("studio; kill", "/x.wav"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

package org.baraza.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.baraza.sim.testing.Media;
import org.baraza.sim.testing.RawEslClient;
import org.baraza.sim.testing.TestWebhook;
import org.baraza.sim.testing.WireEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An on-air conference as Baraza runs one, over the event socket: a host joining as moderator, a listener's
 * call joined muted by an httapi document ({@code <execute application="conference"
 * data="name@radio+flags{mute}"/>}), then mute, unmute, kick and a file played to one member, answered as
 * mod_conference 1.10.12 answers (+OK mute 2, +OK kicked 2, +OK (play) Playing file ... to member 2), and
 * the host's keys arriving as DTMF events for Baraza's host keypad.
 */
class ConferenceMembersTest {
    private static final String HOST = "256700000011";
    private static final String LISTENER = "256700000042";
    private static final String STATION = "256700100001";
    private static final String JINGLE = "/var/lib/baraza/media/jingle.wav";
    private static final Duration JINGLE_LENGTH = Duration.ofMillis(2_500);
    private static final Duration WAIT = Duration.ofSeconds(5);

    @TempDir
    Path root;

    private final TestWebhook webhook = new TestWebhook();
    private Softswitch sim;
    private RawEslClient esl;
    private String host;
    private String listener;

    @BeforeEach
    void onAir() throws Exception {
        Media.wav(root.resolve(JINGLE.substring(1)), JINGLE_LENGTH, 8000);
        sim = SimFixture.start(SimFixture.config().manualClock(true).fileRoot(root).conferenceSounds(false)
                .httapiProfile(HttapiProfile.baraza(webhook.url(), "freeswitch", "s3cret"))
                .publicNumber(STATION, List.of("httapi {httapi_profile=baraza}")));
        esl = RawEslClient.login(sim.eslAddress(), SoftswitchConfig.DEFAULT_PASSWORD);
        sim.phone(HOST, PhoneScript.answersAtOnce());
        long from = sim.eventPosition();
        String reply = esl.api("originate sofia/gateway/baraza/" + HOST + " &conference(studio-b@radio+flags{moderator})");
        host = reply.substring("+OK ".length()).trim();
        sim.awaitEvent(from, e -> "add-member".equals(e.action()) && host.equals(e.uniqueId()), WAIT);
        webhook.answer("<document type=\"text/freeswitch-httapi\"><work><execute application=\"answer\"/>"
                + "<execute application=\"conference\" data=\"studio-b@radio+flags{mute}\"/></work></document>");
        listener = sim.placeCall(LISTENER, STATION, PhoneScript.answersAtOnce());
        sim.awaitEvent(from, e -> "add-member".equals(e.action()) && listener.equals(e.uniqueId()), WAIT);
    }

    @AfterEach
    void stop() throws Exception {
        esl.close();
        sim.close();
        webhook.close();
    }

    @Test
    void theFlagsOfTheJoinSayWhoMaySpeakAndWhoModerates() throws Exception {
        assertThat(esl.api("conference studio-b list")).isEqualTo(
                id(listener) + ";sofia/external/" + LISTENER + "@127.0.0.1:5060;" + listener + ";" + LISTENER + ";"
                        + LISTENER + ";hear;0;0;100\n"
                + id(host) + ";sofia/external/" + HOST + "@baraza;" + host + ";Outbound Call;" + HOST
                        + ";hear|speak|floor|moderator;0;0;100\n");
        long from = sim.eventPosition();
        sim.talk(listener, true);
        sim.talk(host, true);
        RecordedEvent talking = sim.awaitEvent(from, e -> "start-talking".equals(e.action()), WAIT);
        assertThat(talking.uniqueId()).as("a muted member cannot speak").isEqualTo(host);
        assertThat(talking.header("Member-Type")).isEqualTo("moderator");
    }

    @Test
    void aDeafMemberSpeaksButHearsNothing() throws Exception {
        sim.phone("256700000077", PhoneScript.answersAtOnce());
        long from = sim.eventPosition();
        String guest = esl.api("originate sofia/gateway/baraza/256700000077 &conference(studio-b@radio+flags{deaf})")
                .substring("+OK ".length()).trim();
        RecordedEvent added = sim.awaitEvent(from, e -> "add-member".equals(e.action()) && guest.equals(e.uniqueId()), WAIT);
        assertThat(added.header("Hear")).isEqualTo("false");
        assertThat(added.header("Speak")).isEqualTo("true");
        assertThat(esl.api("conference studio-b list").lines().findFirst().orElseThrow()).contains(";speak;");
    }

    @Test
    void aMutedListenerIsUnmutedMutedAndKickedByMemberId() throws Exception {
        int id = id(listener);
        long from = sim.eventPosition();
        assertThat(esl.api("conference studio-b unmute " + id)).isEqualTo("+OK unmute " + id + "\n");
        sim.talk(listener, true);
        assertThat(sim.awaitEvent(from, e -> "start-talking".equals(e.action()), WAIT).header("Member-ID"))
                .isEqualTo(Integer.toString(id));
        assertThat(esl.api("conference studio-b mute " + id)).isEqualTo("+OK mute " + id + "\n");
        assertThat(esl.api("conference studio-b kick " + id)).isEqualTo("+OK kicked " + id + "\n");
        RecordedEvent kicked = sim.awaitEvent(from, e -> "kick-member".equals(e.action()), WAIT);
        assertThat(kicked.header("Member-ID")).isEqualTo(Integer.toString(id));
        assertThat(sim.conference("studio-b").orElseThrow().members()).extracting(ConferenceView.Member::uuid)
                .containsExactly(host);
        assertThat(sim.eventsSince(from)).filteredOn(e -> e.action() != null).extracting(RecordedEvent::action)
                .containsSubsequence("unmute-member", "start-talking", "mute-member", "kick-member", "del-member");
    }

    @Test
    void aFilePlayedToOneMemberIsThatMembersAlone() throws Exception {
        int id = id(listener);
        long from = sim.eventPosition();
        assertThat(esl.api("conference studio-b play " + JINGLE + " " + id))
                .isEqualTo("+OK (play) Playing file " + JINGLE + " to member " + id + "\n");
        RecordedEvent play = sim.awaitEvent(from, e -> "play-file-member".equals(e.action()), WAIT);
        assertThat(play.header("Member-ID")).isEqualTo(Integer.toString(id));
        assertThat(play.header("File")).isEqualTo(JINGLE);
        sim.clock().advance(JINGLE_LENGTH);
        RecordedEvent done = sim.awaitEvent(from, e -> "play-file-member-done".equals(e.action()), WAIT);
        assertThat(done.header("Member-ID")).isEqualTo(Integer.toString(id));
        assertThat(done.header("File")).isEqualTo(JINGLE);
        assertThat(sim.eventsSince(from)).noneMatch(e -> "play-file".equals(e.action()) || "play-file-done".equals(e.action()));

        assertThat(esl.api("conference studio-b play " + JINGLE + " 99")).isEqualTo("-ERR Member: 99 not found.\n");
        assertThat(esl.api("conference studio-b play /var/lib/baraza/media/missing.wav " + id))
                .isEqualTo("-ERR (play) File: /var/lib/baraza/media/missing.wav not found.\n");
    }

    /** mod_file_string: a quarter second of silence, then each file that opens; one that does not is skipped. */
    @Test
    void aFileStringPlaysItsFilesOneAfterAnother() throws Exception {
        String files = "file_string://" + JINGLE + "!/var/lib/baraza/media/missing.wav!" + JINGLE;
        long from = sim.eventPosition();
        assertThat(esl.api("conference studio-b play " + files)).isEqualTo("+OK (play) Playing file " + files + "\n");
        sim.clock().advance(JINGLE_LENGTH.multipliedBy(2).plusMillis(249));
        assertThat(sim.eventsSince(from)).noneMatch(e -> "play-file-done".equals(e.action()));
        sim.clock().advance(Duration.ofMillis(1));
        assertThat(sim.awaitEvent(from, e -> "play-file-done".equals(e.action()), WAIT).header("File")).isEqualTo(files);
    }

    @Test
    void keysPressedInTheConferenceReachTheEventSocket() throws Exception {
        try (RawEslClient keypad = RawEslClient.login(sim.eslAddress(), SoftswitchConfig.DEFAULT_PASSWORD)) {
            keypad.command("event plain DTMF");
            sim.pressKeys(host, "5");
            WireEvent dtmf = keypad.eventsUntil(e -> "DTMF".equals(e.name())).getLast();
            assertThat(dtmf.header("Unique-ID")).isEqualTo(host);
            assertThat(dtmf.header("DTMF-Digit")).isEqualTo("5");
            assertThat(dtmf.header("Channel-Name")).isEqualTo("sofia/external/" + HOST + "@baraza");
        }
        await().atMost(WAIT).until(() -> sim.conference("studio-b").orElseThrow().size() == 2);
    }

    private int id(String uuid) {
        return sim.conference("studio-b").orElseThrow().members().stream().filter(m -> m.uuid().equals(uuid))
                .findFirst().orElseThrow().id();
    }
}

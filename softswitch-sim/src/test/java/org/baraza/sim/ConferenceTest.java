package org.baraza.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioSystem;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Conferences as the Java API sees them, on a manual clock: members, locks, recordings and their end. */
class ConferenceTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final String RECORDING = "/var/lib/baraza/recordings/studio-b.wav";

    @TempDir
    Path root;

    private Softswitch sim;

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void membersAreListedWithWhatTheyMayDo() {
        start();
        String first = join("256700000001");
        String second = join("256700000002");
        ConferenceView studio = sim.conference("studio-b").orElseThrow();
        assertThat(studio.members()).extracting(ConferenceView.Member::uuid).containsExactly(first, second);
        int secondId = studio.members().get(1).id();
        assertThat(sim.api("conference studio-b mute " + secondId)).isEqualTo("+OK mute " + secondId + "\n");
        ConferenceView.Member muted = sim.conference("studio-b").orElseThrow().members().get(1);
        assertThat(muted.canSpeak()).isFalse();
        assertThat(muted.canHear()).isTrue();
    }

    @Test
    void aLockedConferenceTurnsNewcomersAwayUntilUnlocked() {
        start();
        join("256700000001");
        assertThat(sim.api("conference studio-b lock")).isEqualTo("+OK studio-b locked\n");
        sim.phone("256700000002", PhoneScript.answersAtOnce());
        String turnedAway = originate("256700000002");
        sim.awaitGone(turnedAway, WAIT);
        assertThat(sim.conference("studio-b").orElseThrow().size()).isEqualTo(1);
        assertThat(sim.api("conference studio-b unlock")).isEqualTo("+OK studio-b unlocked\n");
        join("256700000003");
        assertThat(sim.conference("studio-b").orElseThrow().size()).isEqualTo(2);
    }

    @Test
    void aRecordingIsAWavFileAsLongAsItRan() throws Exception {
        start();
        join("256700000001");
        long from = sim.eventPosition();
        assertThat(sim.api("conference studio-b record " + RECORDING)).isEqualTo("+OK Record file " + RECORDING + "\n");
        assertThat(sim.conference("studio-b").orElseThrow().recording()).isTrue();
        sim.clock().advance(Duration.ofSeconds(90));
        assertThat(sim.api("conference studio-b norecord " + RECORDING))
                .isEqualTo("Stopped recording file " + RECORDING + "\n+OK Stopped recording 0 files\n");
        RecordedEvent stopped = sim.awaitEvent(from, e -> "stop-recording".equals(e.action()), WAIT);
        assertThat(stopped.header("Milliseconds-Elapsed")).isEqualTo("90000");
        AudioFileFormat wav = AudioSystem.getAudioFileFormat(root.resolve(RECORDING.substring(1)).toFile());
        assertThat(wav.getFrameLength() / wav.getFormat().getFrameRate()).isEqualTo(90.0f);
    }

    @Test
    void theConferenceEndsWhenItsLastMemberLeaves() {
        start();
        String only = join("256700000001");
        long from = sim.eventPosition();
        sim.hangUp(only);
        sim.awaitEvent(from, e -> "conference-destroy".equals(e.action()), WAIT);
        assertThat(sim.conference("studio-b")).isEmpty();
        assertThat(sim.api("conference studio-b list")).isEqualTo("-ERR Conference studio-b not found\n");
    }

    @Test
    void aParkedLegTransferredWithTheInlineDialplanJoinsTheConferenceItNames() {
        start();
        sim.phone("256700000009", PhoneScript.answersAtOnce());
        String reply = sim.api("originate sofia/gateway/gsm/256700000009 &park()");
        String uuid = reply.substring(4).trim();
        long from = sim.eventPosition();

        assertThat(sim.api("uuid_transfer " + uuid + " conference:baraza-s1-a2@radio inline")).isEqualTo("+OK\n");

        sim.awaitEvent(from, e -> "add-member".equals(e.action()) && uuid.equals(e.uniqueId()), WAIT);
        assertThat(sim.conference("baraza-s1-a2").orElseThrow().members()).extracting(ConferenceView.Member::uuid)
                .containsExactly(uuid);
    }

    private void start() {
        sim = SimFixture.start(SimFixture.config().manualClock(true).fileRoot(root));
    }

    private String join(String phone) {
        sim.phone(phone, PhoneScript.answersAtOnce());
        long from = sim.eventPosition();
        String uuid = originate(phone);
        sim.awaitEvent(from, e -> "add-member".equals(e.action()) && uuid.equals(e.uniqueId()), WAIT);
        return uuid;
    }

    private String originate(String phone) {
        String reply = sim.api("originate sofia/gateway/gsm/" + phone + " &conference(studio-b)");
        assertThat(reply).startsWith("+OK ");
        return reply.substring(4).trim();
    }
}

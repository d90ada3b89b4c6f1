package org.baraza.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.baraza.sim.testing.Media;
import org.baraza.sim.testing.RawEslClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Media lasts as long as the file says: the length comes from the WAV header, plays end after that much
 * simulated time, and a file FreeSWITCH could not open fails as it does in the recordings (FILE NOT FOUND for
 * a channel, {@code -ERR (play) File: … not found.} for a conference).
 */
class MediaTest {
    private static final String PHONE = "256700000001";
    private static final String UUID = "7c1b0d55-5a3b-4c8e-9f7e-2d6a4e1f0b22";
    private static final String JINGLE = "/var/lib/baraza/media/jingle.wav";
    private static final Duration JINGLE_LENGTH = Duration.ofMillis(2_500);
    private static final Duration WAIT = Duration.ofSeconds(5);

    @TempDir
    Path root;

    private Softswitch sim;

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    @Test
    void aBroadcastPlaysForTheLengthInTheWavHeader() {
        manualSimWithParkedCall();
        long from = sim.eventPosition();
        assertThat(sim.api("uuid_broadcast " + UUID + " " + JINGLE + " aleg")).isEqualTo("+OK Message sent\n");
        RecordedEvent start = sim.awaitEvent(from, e -> e.name().equals("PLAYBACK_START"), WAIT);
        assertThat(start.header("Playback-File-Path")).isEqualTo(JINGLE);
        sim.clock().advance(JINGLE_LENGTH.minusMillis(1));
        assertThat(names(from)).doesNotContain("PLAYBACK_STOP");
        sim.clock().advance(Duration.ofMillis(1));
        RecordedEvent stop = sim.awaitEvent(from, e -> e.name().equals("PLAYBACK_STOP"), WAIT);
        assertThat(stop.header("Playback-Status")).isEqualTo("done");
        assertThat(micros(stop) - micros(start)).isEqualTo(JINGLE_LENGTH.toNanos() / 1000);
    }

    /**
     * As Baraza plays a prompt to a parked leg, over the event socket: mod_commands answers "+OK Message sent"
     * (1.10.12's wording), only the leg named hears the file, and it goes back to its park after.
     */
    @Test
    void aBroadcastOverTheEventSocketPlaysToTheOneLegNamedAndParksItAgain() throws Exception {
        manualSimWithParkedCall();
        sim.phone("256700000002", PhoneScript.answersAtOnce());
        try (RawEslClient esl = RawEslClient.login(sim.eslAddress(), SoftswitchConfig.DEFAULT_PASSWORD)) {
            String other = esl.api("originate sofia/gateway/gsm/256700000002 &park()").substring("+OK ".length()).trim();
            // The originate answers as the leg is answered; its park follows on the switch's thread.
            sim.awaitChannel(other, channel -> "park".equals(channel.application()), WAIT);
            sim.awaitEvent(0, e -> "CHANNEL_PARK".equals(e.name()) && other.equals(e.uniqueId()), WAIT);
            long from = sim.eventPosition();
            assertThat(esl.api("uuid_broadcast " + UUID + " " + JINGLE + " aleg")).isEqualTo("+OK Message sent\n");
            RecordedEvent start = sim.awaitEvent(from, e -> e.name().equals("PLAYBACK_START"), WAIT);
            sim.clock().advance(JINGLE_LENGTH);
            RecordedEvent stop = sim.awaitEvent(from, e -> e.name().equals("PLAYBACK_STOP"), WAIT);

            assertThat(List.of(start.uniqueId(), stop.uniqueId())).containsOnly(UUID);
            assertThat(sim.eventsSince(from)).filteredOn(e -> other.equals(e.uniqueId())).isEmpty();
            assertThat(sim.channel(UUID).orElseThrow().application()).isEqualTo("park");
        }
    }

    @Test
    void aBroadcastIsAnsweredAsSentEvenForAChannelThatDoesNotExist() {
        sim = SimFixture.start(SimFixture.config().fileRoot(root).manualClock(true));
        // mod_commands answers without waiting to hear whether switch_ivr_broadcast found the channel.
        assertThat(sim.api("uuid_broadcast " + UUID + " " + JINGLE + " aleg")).isEqualTo("+OK Message sent\n");
    }

    @Test
    void aMissingOrUnreadableFileFailsAtOnceWithFileNotFound() throws IOException {
        manualSimWithParkedCall();
        Files.writeString(root.resolve("var/lib/baraza/media/broken.wav"), "not a wav at all");
        for (String file : List.of("/var/lib/baraza/media/missing.wav", "/var/lib/baraza/media/broken.wav")) {
            long from = sim.eventPosition();
            assertThat(sim.api("uuid_broadcast " + UUID + " " + file + " aleg")).isEqualTo("+OK Message sent\n");
            RecordedEvent done = sim.awaitEvent(from, e -> e.name().equals("CHANNEL_EXECUTE_COMPLETE")
                    && "playback".equals(e.header("Application")), WAIT);
            assertThat(done.header("Application-Data")).isEqualTo(file);
            assertThat(done.header("Application-Response")).isEqualTo("FILE NOT FOUND");
            assertThat(names(from)).doesNotContain("PLAYBACK_START", "PLAYBACK_STOP");
        }
        assertThat(sim.channel(UUID)).as("the call goes on").isPresent();
    }

    @Test
    void silenceStreamsLastTheirMilliseconds() {
        manualSimWithParkedCall();
        long from = sim.eventPosition();
        sim.api("uuid_broadcast " + UUID + " silence_stream://1500 aleg");
        sim.awaitEvent(from, e -> e.name().equals("PLAYBACK_START"), WAIT);
        sim.clock().advance(Duration.ofMillis(1_499));
        assertThat(names(from)).doesNotContain("PLAYBACK_STOP");
        sim.clock().advance(Duration.ofMillis(1));
        sim.awaitEvent(from, e -> e.name().equals("PLAYBACK_STOP"), WAIT);
    }

    /** Scenario: play a file into the conference and wait for play-file-done. */
    @Test
    void aConferencePlayEndsWithPlayFileDoneAfterTheFilesLength() {
        manualSimWithConference();
        long from = sim.eventPosition();
        assertThat(sim.api("conference studio-b play " + JINGLE)).isEqualTo("+OK (play) Playing file " + JINGLE + "\n");
        RecordedEvent play = sim.awaitEvent(from, e -> "play-file".equals(e.action()), WAIT);
        assertThat(play.header("File")).isEqualTo(JINGLE);
        sim.clock().advance(JINGLE_LENGTH.minusMillis(1));
        assertThat(actions(from)).doesNotContain("play-file-done");
        sim.clock().advance(Duration.ofMillis(1));
        RecordedEvent done = sim.awaitEvent(from, e -> "play-file-done".equals(e.action()), WAIT);
        assertThat(done.header("File")).isEqualTo(JINGLE);
    }

    @Test
    void aConferenceCannotPlayAMissingFile() {
        manualSimWithConference();
        long from = sim.eventPosition();
        assertThat(sim.api("conference studio-b play /var/lib/baraza/media/missing.wav"))
                .isEqualTo("-ERR (play) File: /var/lib/baraza/media/missing.wav not found.\n");
        // conference_file_play reports the failure as a play-file event with an Error header; nothing is done.
        RecordedEvent failed = sim.awaitEvent(from, e -> "play-file".equals(e.action()), WAIT);
        assertThat(failed.header("File")).isEqualTo("/var/lib/baraza/media/missing.wav");
        assertThat(failed.header("Error")).isEqualTo("File could not be played");
        sim.clock().advance(Duration.ofSeconds(10));
        assertThat(sim.eventsSince(from)).noneMatch(e -> "play-file-done".equals(e.action())
                && "/var/lib/baraza/media/missing.wav".equals(e.header("File")));
    }

    @Test
    void aTimeScaleRunsSimulatedTimeFasterThanTheWallClock() {
        Media.wav(root.resolve(JINGLE.substring(1)), Duration.ofMinutes(10), 8000);
        sim = SimFixture.start(SimFixture.config().fileRoot(root).timeScale(600));
        sim.phone(PHONE, PhoneScript.answersAtOnce());
        assertThat(sim.api("originate {origination_uuid=" + UUID + "}sofia/gateway/gsm/" + PHONE + " &park()"))
                .startsWith("+OK");
        long from = sim.eventPosition();
        long wallStart = System.nanoTime();
        sim.api("uuid_broadcast " + UUID + " " + JINGLE + " aleg");
        RecordedEvent start = sim.awaitEvent(from, e -> e.name().equals("PLAYBACK_START"), WAIT);
        RecordedEvent stop = sim.awaitEvent(from, e -> e.name().equals("PLAYBACK_STOP"), Duration.ofSeconds(10));
        Duration wall = Duration.ofNanos(System.nanoTime() - wallStart);
        // Never shorter than the file; longer only by the wall clock's scheduling delay times the scale
        // (a minute of simulated time is 100 ms of wall time at 600x: room for a loaded machine).
        assertThat(Duration.ofNanos((micros(stop) - micros(start)) * 1000))
                .isBetween(Duration.ofMinutes(10), Duration.ofMinutes(11));
        assertThat(wall).as("ten minutes of audio at 600x").isLessThan(Duration.ofSeconds(5));
    }

    private void manualSimWithParkedCall() {
        Media.wav(root.resolve(JINGLE.substring(1)), JINGLE_LENGTH, 8000);
        sim = SimFixture.start(SimFixture.config().fileRoot(root).manualClock(true));
        sim.phone(PHONE, PhoneScript.answersAtOnce());
        assertThat(sim.api("originate {origination_uuid=" + UUID + "}sofia/gateway/gsm/" + PHONE + " &park()"))
                .isEqualTo("+OK " + UUID + "\n");
    }

    private void manualSimWithConference() {
        Media.wav(root.resolve(JINGLE.substring(1)), JINGLE_LENGTH, 8000);
        sim = SimFixture.start(SimFixture.config().fileRoot(root).manualClock(true));
        sim.phone(PHONE, PhoneScript.answersAtOnce());
        assertThat(sim.api("originate {origination_uuid=" + UUID + "}sofia/gateway/gsm/" + PHONE
                + " &conference(studio-b)")).startsWith("+OK");
        sim.awaitEvent(0, e -> "add-member".equals(e.action()), WAIT);
    }

    private List<String> names(long from) {
        return sim.eventsSince(from).stream().map(RecordedEvent::name).toList();
    }

    private List<String> actions(long from) {
        return sim.eventsSince(from).stream().map(RecordedEvent::action).filter(a -> a != null).toList();
    }

    private static long micros(RecordedEvent e) {
        return Long.parseLong(e.header("Event-Date-Timestamp"));
    }
}

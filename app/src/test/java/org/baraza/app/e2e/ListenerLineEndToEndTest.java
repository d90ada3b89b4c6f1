package org.baraza.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sql.DataSource;

import org.baraza.core.PhoneNumber;
import org.baraza.core.call.CallDetail;
import org.baraza.core.call.CallDirection;
import org.baraza.core.call.CallDisposition;
import org.baraza.core.call.Callback;
import org.baraza.core.call.LegRole;
import org.baraza.core.poll.OptionTally;
import org.baraza.core.poll.Poll;
import org.baraza.core.poll.PollOptionSettings;
import org.baraza.core.poll.PollSettings;
import org.baraza.core.poll.VoteChannel;
import org.baraza.core.recording.Recording;
import org.baraza.core.recording.RecordingKind;
import org.baraza.core.station.CallSettings;
import org.baraza.core.testing.Fixtures;
import org.baraza.daemon.StationDaemon;
import org.baraza.sim.PhoneScript;
import org.baraza.sim.RecordedEvent;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * A listener's call end to end (the telephony server, a station daemon, the simulator and PostgreSQL over
 * their real sockets): a message left for moderation, a flash called back, a vote by keypad counted once whatever
 * the channel, and a station whose daemon is away answering with its fallback prompt within a second.
 */
class ListenerLineEndToEndTest extends StudioTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    ListenerLineEndToEndTest(Jdbi jdbi, DataSource dataSource) {
        super(jdbi, dataSource);
    }

    @Test
    void aListenerLeavesAMessageThatWaitsForModerationAsAPlayableRecording() throws Exception {
        PhoneNumber listener = Fixtures.uniquePhoneNumber();
        try (StationDaemon daemon = studio.daemon(Fixtures.unique("daemon"))) {
            studio.awaitDaemons(1);
            // English (1) in the language menu, 2 during the welcome; the message starts after "leave your
            // message" (4.4 s) and the beep; # ends it.
            String call = studio.call(listener, PhoneScript.answersAtOnce()
                    .withKeyPress(Duration.ofSeconds(1), "1")
                    .withKeyPress(Duration.ofMillis(2500), "2")
                    .withKeyPress(Duration.ofSeconds(11), "#"));

            studio.sim.awaitGone(call, PATIENCE);
            Recording message = await().atMost(PATIENCE).until(() -> stores.recordings().pending(studio.station.id()),
                    pending -> !pending.isEmpty()).getFirst();

            assertThat(message.kind()).isEqualTo(RecordingKind.LISTENER_MESSAGE);
            assertThat(message.callerNumber()).isEqualTo(Studio.digits(listener));
            assertThat(message.legUuid()).isEqualTo(UUID.fromString(call));
            Path file = studio.recordings().resolve(message.filePath());
            assertThat(file).isRegularFile();
            try (AudioInputStream audio = AudioSystem.getAudioInputStream(file.toFile())) {
                double seconds = audio.getFrameLength() / audio.getFormat().getFrameRate();
                assertThat(seconds).as("a message of about 3 s").isBetween(1.0, 5.0);
            }
            assertThat(played(call)).anyMatch(path -> path.endsWith("/message-saved.wav"));
            CallDetail log = await().atMost(PATIENCE).until(() -> studio.callLog(call),
                    detail -> detail.call().endedAt() != null && detail.legs().stream().allMatch(leg -> leg.hangupCause() != null));
            assertThat(log.call().disposition()).isEqualTo(CallDisposition.COMPLETED);
            assertThat(log.legs()).singleElement().satisfies(leg -> {
                assertThat(leg.role()).isEqualTo(LegRole.LISTENER);
                assertThat(leg.hangupCause()).isEqualTo("NORMAL_CLEARING");
            });
        }
    }

    @Test
    void aListenerWhoFlashesTheStationIsCalledBackAndMeetsTheLine() {
        stores.stations().setCallSettings(studio.station.id(),
                new CallSettings(Duration.ofSeconds(3), true, Duration.ofMinutes(10), 3, null));
        PhoneNumber listener = Fixtures.uniquePhoneNumber();
        // Called back (at the number their call came from), the listener hears the welcome back (3.6 s), chooses
        // English and presses 1 to listen: nothing is on air, so they hear so, and goodbye.
        studio.sim.phone(Studio.digits(listener), PhoneScript.answersAfter(Duration.ofMillis(500))
                .withKeyPress(Duration.ofSeconds(5), "1").withKeyPress(Duration.ofMillis(6500), "1"));
        try (StationDaemon daemon = studio.daemon(Fixtures.unique("daemon"))) {
            studio.awaitDaemons(1);
            String flash = studio.call(listener, PhoneScript.answersAtOnce().withHangUpAfter(Duration.ofSeconds(1)));

            Callback callback = await().atMost(PATIENCE).until(() -> stores.callbacks().recent(studio.station.id(), 5),
                    recent -> !recent.isEmpty() && recent.getFirst().status() == Callback.Status.ANSWERED).getFirst();
            assertThat(callback.number().value()).isEqualTo(Studio.digits(listener));
            assertThat(callback.missedCallId()).isEqualTo(UUID.fromString(flash));
            String back = callback.callId().toString();
            studio.sim.awaitGone(back, PATIENCE);

            assertThat(played(back)).anyMatch(path -> path.endsWith("/callback-welcome.wav"))
                    .anyMatch(path -> path.endsWith("/off-air.wav"));
            assertThat(played(flash)).as("a flash is never answered").isEmpty();
            assertThat(studio.callLog(flash).call().disposition()).isEqualTo(CallDisposition.MISSED);
            assertThat(studio.callLog(flash).call().answeredAt()).isNull();
            CallDetail calledBack = await().atMost(PATIENCE).until(() -> studio.callLog(back),
                    detail -> detail.call().endedAt() != null);
            assertThat(calledBack.call().direction()).isEqualTo(CallDirection.OUTBOUND);
            assertThat(calledBack.legs()).singleElement().satisfies(leg -> {
                assertThat(leg.role()).isEqualTo(LegRole.LISTENER);
                assertThat(leg.answeredAt()).isNotNull();
                assertThat(leg.hangupCause()).isNotBlank();
            });

            // A second flash within the cooldown is not called back.
            String again = studio.call(listener, PhoneScript.answersAtOnce().withHangUpAfter(Duration.ofSeconds(1)));
            Callback refused = await().atMost(PATIENCE).until(() -> stores.callbacks().recent(studio.station.id(), 5),
                    recent -> recent.size() == 2).getFirst();
            assertThat(refused.missedCallId()).isEqualTo(UUID.fromString(again));
            assertThat(refused.status()).isEqualTo(Callback.Status.REFUSED);
        }
    }

    @Test
    void aListenerVotesByKeypadAndANumberThatVotedByAnyChannelHearsItHasVotedAlready() {
        Instant now = Instant.now();
        Poll poll = stores.polls().create(new PollSettings(studio.station.id(), null, "Move the market to Tuesday?",
                now.minusSeconds(60), now.plus(Duration.ofHours(1)), List.of(new PollOptionSettings(1, "Yes", "YES", "1", null),
                new PollOptionSettings(2, "No", "NO", "2", null))));
        PhoneNumber listener = Fixtures.uniquePhoneNumber();
        PhoneNumber texter = Fixtures.uniquePhoneNumber();
        stores.polls().vote(poll.id(), poll.options().get(1).id(), texter, VoteChannel.SMS, now);
        try (StationDaemon daemon = studio.daemon(Fixtures.unique("daemon"))) {
            studio.awaitDaemons(1);
            String call = studio.call(listener, voting("1"));
            studio.sim.awaitGone(call, PATIENCE);
            assertThat(played(call)).anyMatch(path -> path.contains("/poll-offer.wav"))
                    .anyMatch(path -> path.contains("/poll-question.wav")).anyMatch(path -> path.endsWith("/vote-counted.wav"));
            assertThat(stores.polls().tally(poll.id()).options()).extracting(OptionTally::votes).containsExactly(1L, 1L);

            // The same phone again, by keypad; and the phone that voted by SMS: neither counts twice.
            String again = studio.call(listener, voting("2"));
            String texted = studio.call(texter, voting("1"));
            studio.sim.awaitGone(again, PATIENCE);
            studio.sim.awaitGone(texted, PATIENCE);
            assertThat(played(again)).anyMatch(path -> path.endsWith("/already-voted.wav")).noneMatch(path -> path.endsWith("/vote-counted.wav"));
            assertThat(played(texted)).anyMatch(path -> path.endsWith("/already-voted.wav")).noneMatch(path -> path.endsWith("/vote-counted.wav"));
            assertThat(stores.polls().tally(poll.id()).options()).extracting(OptionTally::votes).containsExactly(1L, 1L);
        }
    }

    /**
     * A listener who chooses English (1), presses 4 during the welcome and the poll's offer (7.8 s and 2.9 s), then
     * {@code answer} as the answers are read, and hangs up as they hear whether it counted.
     */
    private static PhoneScript voting(String answer) {
        return PhoneScript.answersAtOnce().withKeyPress(Duration.ofSeconds(1), "1").withKeyPress(Duration.ofMillis(2500), "4")
                .withKeyPress(Duration.ofSeconds(5), answer).withHangUpAfter(Duration.ofSeconds(9));
    }

    @Test
    void withNoDaemonTheCallerHearsTheFallbackWithinASecondAndTheCallIsLoggedMissed() {
        studio.awaitDaemons(0);
        String call = studio.call(Fixtures.uniquePhoneNumber(), PhoneScript.answersAtOnce());

        assertFallbackWithinASecond(call);
    }

    @Test
    void whenTheDaemonStopsTheNextCallerHearsTheFallbackWithinASecondAndTheCallIsLoggedMissed() {
        try (StationDaemon daemon = studio.daemon(Fixtures.unique("daemon"))) {
            studio.awaitDaemons(1);
        }
        String call = studio.call(Fixtures.uniquePhoneNumber(), PhoneScript.answersAtOnce());

        assertFallbackWithinASecond(call);
    }

    private void assertFallbackWithinASecond(String call) {
        studio.sim.awaitGone(call, PATIENCE);
        long created = timestamp(call, "CHANNEL_CREATE");
        long prompt = studio.sim.events().stream()
                .filter(event -> "PLAYBACK_START".equals(event.name()) && call.equals(event.uniqueId())
                        && String.valueOf(event.header("Playback-File-Path")).endsWith("/station-unavailable.wav"))
                .mapToLong(event -> Long.parseLong(event.header("Event-Date-Timestamp"))).findFirst().orElseThrow();
        assertThat(Duration.ofNanos((prompt - created) * 1000)).as("silence before the fallback").isLessThan(Duration.ofSeconds(1));
        CallDetail log = await().atMost(PATIENCE).until(() -> studio.callLog(call), detail -> detail.call().endedAt() != null);
        assertThat(log.call().disposition()).isEqualTo(CallDisposition.MISSED);
        assertThat(log.legs()).singleElement().satisfies(leg -> assertThat(leg.endedAt()).isNotNull());
    }

    /** The files played to a channel, in order. */
    private List<String> played(String uuid) {
        return studio.sim.events().stream()
                .filter(event -> "PLAYBACK_START".equals(event.name()) && uuid.equals(event.uniqueId()))
                .map(event -> String.valueOf(event.header("Playback-File-Path")))
                .toList();
    }

    private long timestamp(String uuid, String eventName) {
        Optional<RecordedEvent> event = studio.sim.events().stream()
                .filter(e -> eventName.equals(e.name()) && uuid.equals(e.uniqueId())).findFirst();
        return Long.parseLong(event.orElseThrow().header("Event-Date-Timestamp"));
    }
}

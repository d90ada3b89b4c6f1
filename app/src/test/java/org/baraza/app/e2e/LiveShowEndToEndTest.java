package org.baraza.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.baraza.core.PhoneNumber;
import org.baraza.core.airing.Airing;
import org.baraza.core.airing.AiringStatus;
import org.baraza.core.call.CallDisposition;
import org.baraza.core.call.Leg;
import org.baraza.core.call.LegRole;
import org.baraza.core.people.Host;
import org.baraza.core.poll.Poll;
import org.baraza.core.poll.PollOptionSettings;
import org.baraza.core.poll.PollSettings;
import org.baraza.core.poll.VoteChannel;
import org.baraza.core.testing.Fixtures;
import org.baraza.daemon.StationDaemon;
import org.baraza.daemon.station.AiringSetup;
import org.baraza.sim.ConferenceView;
import org.baraza.sim.PhoneScript;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * A live talk show end to end: the telephony server, a station daemon, the simulator, PostgreSQL, all over
 * their real sockets. The host is called at the prepare trigger and presses 1; a listener calls and listens;
 * another asks to speak, waits, is put on air by the host and dropped; the host alone hears the slot's
 * warning; the show ends at the slot end; every leg is in the call log. A host who calls in hears the poll's tally
 * alone (8) and ends the show from the keypad.
 */
class LiveShowEndToEndTest extends StudioTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Duration SLOT = Duration.ofSeconds(40);

    LiveShowEndToEndTest(Jdbi jdbi, DataSource dataSource) {
        super(jdbi, dataSource);
    }

    @Test
    void theHostPresentsPutsACallerOnAirDropsThemHearsTheWarningsAloneAndTheShowEndsAtTheSlotEnd() {
        PhoneNumber hostPhone = Fixtures.uniquePhoneNumber();
        Host host = studio.host(hostPhone, "4321");
        studio.sim.phone(Studio.TRANSMITTER, PhoneScript.answersAfter(Duration.ofMillis(200)));
        // The host answers Baraza's call and presses 1 while "press 1 when you are ready" plays.
        studio.sim.phone(hostPhone.value(), PhoneScript.answersAfter(Duration.ofMillis(300))
                .withKeyPress(Duration.ofSeconds(2), "1"));

        try (StationDaemon daemon = studio.daemon(Fixtures.unique("daemon"))) {
            studio.awaitDaemons(1);
            Airing airing = studio.airing(studio.liveShow(host), Instant.now().plusSeconds(6), SLOT);
            String conference = AiringSetup.conferenceOf(studio.station.id(), airing.id());

            // The host is in the airing's conference as its moderator before the slot begins.
            Leg hostLeg = await().atMost(PATIENCE).until(() -> leg(LegRole.HOST), Optional::isPresent).orElseThrow();
            String hostUuid = hostLeg.uuid().toString();
            ConferenceView.Member hostMember = await().atMost(PATIENCE).until(() -> member(conference, hostUuid),
                    Optional::isPresent).orElseThrow();
            assertThat(hostMember.moderator()).isTrue();
            assertThat(hostMember.canSpeak()).isTrue();
            await().atMost(PATIENCE).until(() -> stores.airings().get(airing.id()).status() == AiringStatus.ON_AIR);

            // A listener chooses English (1), presses 1 and listens: in the conference, hearing, muted.
            String listener = studio.call(Fixtures.uniquePhoneNumber(), PhoneScript.answersAtOnce()
                    .withKeyPress(Duration.ofSeconds(1), "1").withKeyPress(Duration.ofMillis(2500), "1"));
            ConferenceView.Member listening = await().atMost(PATIENCE).until(() -> member(conference, listener),
                    Optional::isPresent).orElseThrow();
            assertThat(listening.canHear()).isTrue();
            assertThat(listening.canSpeak()).isFalse();

            // A caller presses 3: queued, muted in the conference, told their place in the queue.
            PhoneNumber callerPhone = Fixtures.uniquePhoneNumber();
            String caller = studio.call(callerPhone, PhoneScript.answersAtOnce()
                    .withKeyPress(Duration.ofSeconds(1), "1").withKeyPress(Duration.ofMillis(2500), "3"));
            ConferenceView.Member waiting = await().atMost(PATIENCE).until(() -> member(conference, caller),
                    Optional::isPresent).orElseThrow();
            assertThat(waiting.canSpeak()).isFalse();
            await().atMost(PATIENCE).until(() -> memberHeard(conference, waiting.id(), "queue-position"));

            // The host puts them on air (1), then drops them (2).
            studio.sim.pressKeys(hostUuid, "1");
            await().atMost(PATIENCE).until(() -> member(conference, caller).map(ConferenceView.Member::canSpeak).orElse(false));
            studio.sim.pressKeys(hostUuid, "2");
            studio.sim.awaitGone(caller, PATIENCE);

            // Thirty seconds before the end, only the host hears so: played to their member, never to the air.
            await().atMost(PATIENCE).until(() -> memberHeard(conference, hostMember.id(), "thirty-seconds-left"));
            assertThat(conferencePlays(conference)).noneMatch(file -> file.contains("seconds-left") || file.contains("minutes-left"));

            // The show ends at the slot end: the host hears that it ended and is hung up, and so is everyone else.
            Airing aired = await().atMost(PATIENCE.plus(SLOT)).until(() -> stores.airings().get(airing.id()),
                    found -> found.status().isFinal());
            assertThat(aired.status()).isEqualTo(AiringStatus.AIRED);
            assertThat(Duration.between(aired.plannedEnd(), aired.actualEnd()).abs()).isLessThan(Duration.ofSeconds(2));
            await().atMost(PATIENCE).until(() -> memberHeard(conference, hostMember.id(), "show-ended"));
            studio.sim.awaitGone(hostUuid, PATIENCE);
            studio.sim.awaitGone(listener, PATIENCE);
            await().atMost(PATIENCE).until(() -> studio.sim.channels().isEmpty());

            // Every leg is in the call log: its role, station, airing (for the show's), times and hangup cause.
            await().atMost(PATIENCE).until(() -> studio.legs().stream().noneMatch(Leg::isOpen));
            List<Leg> legs = studio.legs();
            assertThat(legs).extracting(Leg::role).contains(LegRole.TRANSMITTER, LegRole.ANCHOR, LegRole.HOST,
                    LegRole.LISTENER, LegRole.CALLER);
            assertThat(legs).allSatisfy(leg -> {
                assertThat(leg.stationId()).isEqualTo(studio.station.id());
                assertThat(leg.createdAt()).isNotNull();
                assertThat(leg.endedAt()).isNotNull();
                assertThat(leg.hangupCause()).as("the cause of %s (%s)", leg.uuid(), leg.role()).isNotBlank();
            });
            assertThat(legs).filteredOn(leg -> leg.role() == LegRole.HOST || leg.role() == LegRole.CALLER)
                    .extracting(Leg::airingId).containsOnly(airing.id());
            assertThat(legs).filteredOn(leg -> leg.uuid().toString().equals(caller)).singleElement()
                    .satisfies(leg -> assertThat(leg.callerIdNumber()).isEqualTo(Studio.digits(callerPhone)));
            assertThat(studio.callLog(listener).call().disposition()).isEqualTo(CallDisposition.COMPLETED);
            assertThat(studio.callLog(caller).call().disposition()).isEqualTo(CallDisposition.COMPLETED);
        }
    }

    @Test
    void aHostWhoCallsInWithTheirPinPresentsTheirShowAndCanEndItFromTheKeypad() {
        PhoneNumber hostPhone = Fixtures.uniquePhoneNumber();
        Host host = studio.host(hostPhone, "4321");
        studio.sim.phone(Studio.TRANSMITTER, PhoneScript.answersAfter(Duration.ofMillis(200)));
        // Baraza's calls to the host find them busy: they call in instead.
        studio.sim.phone(hostPhone.value(), PhoneScript.busy());

        try (StationDaemon daemon = studio.daemon(Fixtures.unique("daemon"))) {
            studio.awaitDaemons(1);
            Airing airing = studio.airing(studio.liveShow(host), Instant.now().plusSeconds(6), SLOT);
            String conference = AiringSetup.conferenceOf(studio.station.id(), airing.id());
            await().atMost(PATIENCE).until(() -> stores.airings().get(airing.id()).status() == AiringStatus.PREPARING);

            // "Enter your PIN, then press hash" (3.1 s): the host keys it in as it plays.
            String hostCall = studio.call(hostPhone, PhoneScript.answersAtOnce().withKeyPress(Duration.ofSeconds(1), "4321#"));
            ConferenceView.Member hostMember = await().atMost(PATIENCE).until(() -> member(conference, hostCall),
                    Optional::isPresent).orElseThrow();
            assertThat(hostMember.moderator()).isTrue();
            assertThat(hostMember.canSpeak()).isTrue();
            await().atMost(PATIENCE).until(() -> stores.airings().get(airing.id()).status() == AiringStatus.ON_AIR);

            // 8: the host alone hears the poll's tally; with none open, that there is none.
            studio.sim.pressKeys(hostCall, "8");
            await().atMost(PATIENCE).until(() -> memberHeard(conference, hostMember.id(), "no-poll"));
            Instant now = Instant.now();
            Poll poll = stores.polls().create(new PollSettings(studio.station.id(), airing.id(), "Rain today?", now.minusSeconds(1),
                    now.plus(SLOT), List.of(new PollOptionSettings(1, "Yes", "YES", "1", null),
                    new PollOptionSettings(2, "No", "NO", "2", null))));
            stores.polls().vote(poll.id(), poll.options().getFirst().id(), Fixtures.uniquePhoneNumber(), VoteChannel.SMS, now);
            studio.sim.pressKeys(hostCall, "8");
            await().atMost(PATIENCE).until(() -> memberHeard(conference, hostMember.id(), "votes"));
            assertThat(conferencePlays(conference)).noneMatch(file -> file.contains("poll") || file.contains("votes"));

            // * then 9 ends the show now: the host hears that it ended, and is hung up.
            studio.sim.pressKeys(hostCall, "*9");
            await().atMost(PATIENCE).until(() -> memberHeard(conference, hostMember.id(), "show-ended"));
            studio.sim.awaitGone(hostCall, PATIENCE);

            Leg hostLeg = await().atMost(PATIENCE).until(() -> studio.callLog(hostCall).legs().getFirst(),
                    leg -> leg.hangupCause() != null);
            assertThat(hostLeg.role()).isEqualTo(LegRole.HOST);
            assertThat(hostLeg.airingId()).isEqualTo(airing.id());
            assertThat(studio.callLog(hostCall).call().disposition()).isEqualTo(CallDisposition.COMPLETED);
        }
    }

    private Optional<Leg> leg(LegRole role) {
        return studio.legs().stream().filter(leg -> leg.role() == role).findFirst();
    }

    private Optional<ConferenceView.Member> member(String conference, String uuid) {
        return studio.sim.conference(conference).flatMap(view -> view.members().stream()
                .filter(member -> uuid.equals(member.uuid())).findFirst());
    }

    /** Whether a prompt named {@code prompt} was played to the member alone. */
    private boolean memberHeard(String conference, int memberId, String prompt) {
        return studio.sim.events().stream().anyMatch(event -> "play-file-member".equals(event.action())
                && conference.equals(event.header("Conference-Name"))
                && String.valueOf(memberId).equals(event.header("Member-ID"))
                && event.header("File") != null && event.header("File").contains(prompt));
    }

    /** The files played to the whole conference (what went on air). */
    private List<String> conferencePlays(String conference) {
        return studio.sim.events().stream()
                .filter(event -> "play-file".equals(event.action()) && conference.equals(event.header("Conference-Name")))
                .map(event -> String.valueOf(event.header("File")))
                .toList();
    }
}

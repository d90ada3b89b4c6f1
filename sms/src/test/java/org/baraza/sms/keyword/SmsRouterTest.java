package org.baraza.sms.keyword;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.baraza.core.Ids.AiringId;
import org.baraza.core.PhoneNumber;
import org.baraza.core.airing.Airing;
import org.baraza.core.airing.AiringPlan;
import org.baraza.core.airing.AiringStatus;
import org.baraza.core.call.CallDirection;
import org.baraza.core.call.LegRole;
import org.baraza.core.call.NewCall;
import org.baraza.core.call.NewLeg;
import org.baraza.core.db.Stores;
import org.baraza.core.people.Host;
import org.baraza.core.poll.Poll;
import org.baraza.core.program.Program;
import org.baraza.core.program.ProgramDetails;
import org.baraza.core.program.ProgramType;
import org.baraza.core.sms.SmsMessage;
import org.baraza.core.station.Network;
import org.baraza.core.station.Station;
import org.baraza.core.station.StationSettings;
import org.baraza.core.testing.Fixtures;
import org.baraza.core.testing.PostgresExtension;
import org.baraza.sms.keyword.Routed.Outcome;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class SmsRouterTest {

    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

    private final Jdbi jdbi;
    private final Stores stores;
    private final Fixtures fixtures;
    private final SmsRouter router;
    private final Network network;
    private final Station station;
    private final PhoneNumber listener = Fixtures.uniquePhoneNumber();

    SmsRouterTest(Jdbi jdbi) {
        this.jdbi = jdbi;
        this.stores = Stores.on(jdbi);
        this.fixtures = new Fixtures(stores);
        this.router = new SmsRouter(stores);
        this.network = fixtures.network();
        this.station = stores.stations().create(network.id(),
                StationSettings.of(Fixtures.unique("fm"), "Radio Baraza", ZoneId.of("Africa/Nairobi"), "en", "sw"));
    }

    @Test
    void stopOptsTheNumberOutForGoodAndIsTheLastReplyItGetsUntilStart() {
        Routed stopped = text(listener, "  Stop. ");

        assertThat(stopped).isEqualTo(Routed.of(Outcome.OPTED_OUT,
                "You will get no more messages from Radio Baraza. Text START to get them again."));
        assertThat(stores.subscriptions().isOptedOut(network.id(), listener)).isTrue();
        assertThat(text(listener, "help")).isEqualTo(Routed.silently(Outcome.HELP));
        assertThat(text(listener, "ACHA")).isEqualTo(Routed.of(Outcome.OPTED_OUT,
                "Hutapokea ujumbe zaidi kutoka Radio Baraza. Tuma ANZA kupokea tena."));

        Routed started = text(listener, "anza");

        assertThat(started).isEqualTo(Routed.of(Outcome.OPTED_IN, "Karibu tena: utapokea ujumbe kutoka Radio Baraza tena."));
        assertThat(stores.subscriptions().isOptedOut(network.id(), listener)).isFalse();
        assertThat(text(listener, "HELP").reply()).isPresent();
    }

    @Test
    void subAndUnsubFindAShowByItsNameWhateverTheCaseAccentsOrSpacing() {
        Program show = stores.programs().create(network.id(), ProgramDetails.of("Café Asubuhi", ProgramType.LIVE_TALK));

        assertThat(text(listener, "sub   cafe  ASUBUHI")).isEqualTo(Routed.of(Outcome.SUBSCRIBED,
                "You will be reminded before Café Asubuhi. Text UNSUB Café Asubuhi to stop."));
        assertThat(stores.subscriptions().subscribers(station.id(), show.id())).containsExactly(listener);

        assertThat(text(listener, "JITOE café asubuhi")).isEqualTo(Routed.of(Outcome.UNSUBSCRIBED,
                "Hutakumbushwa tena kuhusu Café Asubuhi."));
        assertThat(stores.subscriptions().subscribers(station.id(), show.id())).isEmpty();
    }

    @Test
    void subWithoutAShowSubscribesToTheStationAndAnUnknownShowIsNamedBack() {
        assertThat(text(listener, "SUB").outcome()).isEqualTo(Outcome.SUBSCRIBED);
        assertThat(stores.subscriptions().subscribers(station.id(), null)).containsExactly(listener);

        assertThat(text(listener, "sub Night <b>Owls</b>")).isEqualTo(Routed.of(Outcome.NO_SUCH_SHOW,
                "There is no show called \"NIGHT B>OWLS</B\". Text HELP for help."));
    }

    @Test
    void aPollAnswerIsAVoteAndASecondAnswerFromTheSameNumberIsRefused() {
        Poll poll = fixtures.poll(station, null, NOW.minusSeconds(60), NOW.plusSeconds(600));

        assertThat(text(listener, "yes!")).isEqualTo(Routed.of(Outcome.VOTED, "Thank you: your vote for Yes is counted."));
        assertThat(text(listener, "No")).isEqualTo(Routed.of(Outcome.ALREADY_VOTED,
                "You have already voted in this poll: one vote per phone."));
        assertThat(stores.polls().tally(poll.id()).options()).extracting(tally -> tally.votes()).containsExactly(1L, 0L);
    }

    @Test
    void anythingElseDuringALiveShowGoesToItsInboxWithAnAutoReply() {
        AiringId live = fixtures.airingRow(jdbi, station, NOW.minusSeconds(600), Duration.ofHours(1));
        stores.airings().markOnAir(live, NOW.minusSeconds(600));
        String program = stores.programs().get(stores.airings().get(live).programId()).name();

        Routed routed = text(listener, "Greetings to my mother <3 & everyone in Gulu");

        assertThat(routed).isEqualTo(Routed.of(Outcome.TO_SHOW, "Thank you: " + program + " received your message."));
        assertThat(stores.sms().inbox(live)).extracting(SmsMessage::body)
                .containsExactly("Greetings to my mother <3 & everyone in Gulu");
    }

    @Test
    void anythingElseOffAirIsKeptWithoutAReply() {
        assertThat(text(listener, "hello station")).isEqualTo(Routed.silently(Outcome.KEPT));
        assertThat(text(listener, "LISTENERS")).isEqualTo(Routed.silently(Outcome.KEPT));
    }

    @Test
    void aHostCountsTheStationsListenersOnTheLine() {
        Host host = presenter();
        listeningLeg(LegRole.LISTENER);
        listeningLeg(LegRole.CALLER);
        listeningLeg(LegRole.TRANSMITTER);

        assertThat(text(host.phoneNumber(), "listeners")).isEqualTo(Routed.of(Outcome.HOST_COMMAND, "Listeners on the line now: 2."));
    }

    @Test
    void aHostSkipsTheirNextShow() {
        Host host = presenter();
        Airing next = showOf(host, NOW.plus(Duration.ofHours(2)));

        Routed routed = text(host.phoneNumber(), "SKIP");

        assertThat(routed).isEqualTo(Routed.of(Outcome.HOST_COMMAND, stores.programs().get(next.programId()).name()
                + " on Mon 2 Mar 14:00 is cancelled."));
        assertThat(stores.airings().get(next.id()).status()).isEqualTo(AiringStatus.CANCELLED);
    }

    @Test
    void aHostPostponesTheirNextShowUnlessItWouldOverlapAnother() {
        Host host = presenter();
        Airing next = showOf(host, NOW.plus(Duration.ofHours(2)));
        String name = stores.programs().get(next.programId()).name();

        assertThat(text(host.phoneNumber(), "postpone 30")).isEqualTo(Routed.of(Outcome.HOST_COMMAND,
                name + " now starts on Mon 2 Mar 14:30."));
        assertThat(stores.airings().get(next.id()).status()).isEqualTo(AiringStatus.CANCELLED);
        Airing moved = stores.airings().list(station.id(), NOW, NOW.plus(Duration.ofDays(1))).stream()
                .filter(airing -> airing.status() == AiringStatus.SCHEDULED).findFirst().orElseThrow();
        assertThat(moved.plannedStart()).isEqualTo(next.plannedStart().plus(Duration.ofMinutes(30)));

        AiringId later = fixtures.airingRow(jdbi, station, moved.plannedEnd(), Duration.ofHours(1));
        String other = stores.programs().get(stores.airings().get(later).programId()).name();
        assertThat(text(host.phoneNumber(), "POSTPONE 10")).isEqualTo(Routed.of(Outcome.HOST_COMMAND,
                name + " cannot move to Mon 2 Mar 14:40: it would overlap " + other + "."));
        assertThat(text(host.phoneNumber(), "postpone soon").reply()).contains(
                "Text POSTPONE and the minutes to move your next show by, such as 30.");
    }

    private Routed text(PhoneNumber from, String body) {
        SmsMessage message = stores.sms().storeInbound(fixtures.inboundSms(station, from.value(), body, NOW));
        return router.route(message, station, NOW);
    }

    private Host presenter() {
        Host host = fixtures.host(network);
        stores.hosts().assign(host.id(), station.id());
        return host;
    }

    private Airing showOf(Host host, Instant start) {
        Program show = stores.programs().create(network.id(), ProgramDetails.of(Fixtures.unique("Talk"), ProgramType.LIVE_TALK));
        stores.programs().setHosts(show.id(), List.of(host.id()));
        return stores.airings().plan(AiringPlan.oneOff(network.id(), station.id(), show.id(), start, start.plus(Duration.ofHours(1))));
    }

    private void listeningLeg(LegRole role) {
        UUID call = UUID.randomUUID();
        stores.calls().start(new NewCall(call, station.id(), null, CallDirection.INBOUND, Fixtures.uniquePhoneNumber().value(),
                "+254700000000", NOW));
        stores.calls().addLeg(new NewLeg(call, call, role, CallDirection.INBOUND, null, null, null, "fs1", NOW));
    }
}

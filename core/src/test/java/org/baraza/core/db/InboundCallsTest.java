package org.baraza.core.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.baraza.core.Ids.AiringId;
import org.baraza.core.PhoneNumber;
import org.baraza.core.call.Call;
import org.baraza.core.call.CallDirection;
import org.baraza.core.call.CallDisposition;
import org.baraza.core.call.InboundCalls.Turn;
import org.baraza.core.call.Leg;
import org.baraza.core.call.LegRole;
import org.baraza.core.call.NewCall;
import org.baraza.core.people.Caller;
import org.baraza.core.people.Host;
import org.baraza.core.people.HostDetails;
import org.baraza.core.people.Pin;
import org.baraza.core.poll.Poll;
import org.baraza.core.station.Station;
import org.baraza.core.testing.Fixtures;
import org.baraza.core.testing.PostgresExtension;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class InboundCallsTest {

    private static final Instant RING = Instant.parse("2026-03-02T07:10:00Z");
    private static final String NODE = "fs1";

    private final Jdbi jdbi;
    private final Stores stores;
    private final Fixtures fixtures;
    private final Station station;
    /** The station's number, unique to the test: the database is shared. */
    private final String number;
    /** The first ten digits of the test's listeners' numbers (2567xxxxxx). */
    private final String callers;

    InboundCallsTest(Jdbi jdbi) {
        this.jdbi = jdbi;
        this.stores = Stores.on(jdbi);
        this.fixtures = new Fixtures(stores);
        this.station = fixtures.station(fixtures.network());
        PhoneNumber stationNumber = new PhoneNumber(Fixtures.uniquePhoneNumber().value().replace("+2567", "+2563"));
        this.number = stationNumber.value();
        this.callers = Fixtures.uniquePhoneNumber().value().substring(1, 11);
        stores.stations().addNumber(station.id(), stationNumber, true, true, null);
    }

    @Test
    void aFirstRequestLogsTheCallItsLegAndTheStationTheNumberReachesEvenWithoutThePlus() {
        UUID id = UUID.randomUUID();

        Turn turn = take(arriving(id, caller("", 0), number.substring(1)), 0, false).orElseThrow();

        Call call = stores.calls().get(id).call();
        assertThat(turn).isEqualTo(new Turn(call, 1, station, PhoneNumber.candidates(caller("", 0)), false, false,
                Optional.empty(), false));
        assertThat(call).isEqualTo(new Call(id, station.id(), null, CallDirection.INBOUND, caller("", 0), number.substring(1),
                RING, null, null, null));
        assertThat(stores.calls().get(id).legs()).extracting(Leg::uuid, Leg::role, Leg::stationId, Leg::freeswitchNode)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(id, LegRole.LISTENER, station.id(), NODE));
        assertThat(stores.callers().find(station.networkId(), new PhoneNumber(caller("", 0))))
                .map(Caller::lastSeenAt).contains(RING);
        assertThat(stores.calls().httapiRequests(id)).hasValue(1);
    }

    @Test
    void aCallerWhoCalledBeforeIsKnownAndABlockOnTheStationOrItsNetworkIsSeen() {
        PhoneNumber listener = new PhoneNumber(caller("+", 1));
        Caller caller = stores.callers().seen(station.networkId(), listener, RING.minusSeconds(3600));

        Turn known = take(arriving(UUID.randomUUID(), caller("+", 1), number), 0, false).orElseThrow();
        stores.callers().block(caller.id(), null, "abuse", null);
        Turn blocked = take(arriving(UUID.randomUUID(), caller("+", 1), number), 0, false).orElseThrow();

        assertThat(known.known()).isTrue();
        assertThat(known.blocked()).isFalse();
        assertThat(blocked.blocked()).isTrue();
    }

    @Test
    void eachLaterRequestMustCarryTheCountOfTheLastElseNothingChanges() {
        UUID id = UUID.randomUUID();
        NewCall call = arriving(id, caller("+", 2), number);
        take(call, 0, false).orElseThrow();

        Optional<Turn> replayedFirst = take(call, 0, false);
        Turn second = take(call, 1, false).orElseThrow();
        Optional<Turn> replayedSecond = take(call, 1, false);
        Optional<Turn> fromTheFuture = take(call, 7, false);
        Optional<Turn> neverSeen = take(arriving(UUID.randomUUID(), caller("+", 2), number), 3, false);

        assertThat(replayedFirst).isEmpty();
        assertThat(second.seq()).isEqualTo(2);
        assertThat(replayedSecond).isEmpty();
        assertThat(fromTheFuture).isEmpty();
        assertThat(neverSeen).isEmpty();
        assertThat(stores.calls().httapiRequests(id)).hasValue(2);
        assertThat(stores.calls().get(id).legs()).hasSize(1);
    }

    @Test
    void aNumberNoStationHasIsLoggedWithoutAStation() {
        UUID id = UUID.randomUUID();

        Turn turn = take(arriving(id, caller("+", 3), "+256399999999"), 0, false).orElseThrow();

        assertThat(turn.station()).isNull();
        assertThat(turn.call().stationId()).isNull();
        assertThat(stores.calls().get(id).legs()).hasSize(1);
    }

    @Test
    void aCallBarazaPlacedIsCountedNotLoggedAgainAndItsCallerIsTheNumberCalled() {
        UUID id = UUID.randomUUID();
        stores.calls().start(new NewCall(id, station.id(), null, CallDirection.OUTBOUND, number, local(4), RING));

        Turn turn = take(arriving(id, number, local(4)), 0, false).orElseThrow();

        assertThat(turn.call().direction()).isEqualTo(CallDirection.OUTBOUND);
        assertThat(turn.seq()).isEqualTo(1);
        assertThat(turn.caller()).isEqualTo(PhoneNumber.candidates(local(4)));
        assertThat(stores.calls().get(id).legs()).isEmpty();
    }

    @Test
    void theExitingRequestEndsTheCallAndItsLegOnce() {
        UUID id = UUID.randomUUID();
        take(arriving(id, caller("+", 5), number), 0, false).orElseThrow();
        Instant hangup = RING.plusSeconds(30);

        Optional<Call> ended = stores.inboundCalls().end(id, 1, CallDisposition.COMPLETED, hangup);
        Optional<Call> again = stores.inboundCalls().end(id, 1, CallDisposition.COMPLETED, hangup.plusSeconds(1));
        Optional<Call> outOfTurn = stores.inboundCalls().end(UUID.randomUUID(), 0, CallDisposition.MISSED, hangup);

        assertThat(ended.map(Call::endedAt)).contains(hangup);
        assertThat(ended.map(Call::disposition)).contains(CallDisposition.COMPLETED);
        assertThat(again).isEmpty();
        assertThat(outOfTurn).isEmpty();
        assertThat(stores.calls().get(id).legs()).extracting(Leg::endedAt, Leg::hangupCause)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(hangup, null));
    }

    @Test
    void theExitingRequestOfACallBarazaPlacedEndsOnlyItsLegAndCannotBeReplayed() {
        UUID id = UUID.randomUUID();
        stores.calls().start(new NewCall(id, station.id(), null, CallDirection.OUTBOUND, number, local(6), RING));
        stores.calls().addLeg(new org.baraza.core.call.NewLeg(id, id, LegRole.LISTENER, CallDirection.OUTBOUND,
                "sofia/gateway/gsm/" + local(6), number, local(6), NODE, RING));
        take(arriving(id, number, local(6)), 0, false).orElseThrow();

        Optional<Call> ended = stores.inboundCalls().end(id, 1, CallDisposition.MISSED, RING.plusSeconds(9));
        Optional<Call> again = stores.inboundCalls().end(id, 1, CallDisposition.MISSED, RING.plusSeconds(9));

        assertThat(ended.map(Call::endedAt)).isEmpty();
        assertThat(again).isEmpty();
        assertThat(stores.calls().get(id).legs()).extracting(Leg::endedAt).containsExactly(RING.plusSeconds(9));
    }

    @Test
    void aHostOfALiveShowOnNowIsFoundOnlyWhenAskedAndOnlyWhileTheShowIsLive() {
        Host host = stores.hosts().create(station.networkId(), new HostDetails("Host Amina", new PhoneNumber(caller("+", 7))),
                new Pin("4321"));
        AiringId airing = fixtures.airingRow(jdbi, station, RING.minusSeconds(60), Duration.ofHours(1));
        jdbi.useHandle(h -> {
            h.execute("insert into program_hosts (network_id, program_id, host_id) select network_id, program_id, ? from airings where id = ?",
                    host.id().value(), airing.value());
        });

        Optional<Host> beforeAir = take(arriving(UUID.randomUUID(), caller("", 7), number), 0, true)
                .orElseThrow().hostOnNow();
        jdbi.useHandle(h -> h.execute("update airings set status = 'on_air' where id = ?", airing.value()));
        Optional<Host> onAir = take(arriving(UUID.randomUUID(), caller("", 7), number), 0, true)
                .orElseThrow().hostOnNow();
        Optional<Host> notAsked = take(arriving(UUID.randomUUID(), caller("", 7), number), 0, false)
                .orElseThrow().hostOnNow();

        assertThat(beforeAir).isEmpty();
        assertThat(onAir).map(Host::id).contains(host.id());
        assertThat(notAsked).isEmpty();
    }

    @Test
    void aCallToTheNumberOfAnAnswerOfAnOpenPollIsSaidToBeOneOnlyWhileThePollIsOpen() {
        Poll poll = fixtures.poll(station, null, RING.minusSeconds(60), RING.plusSeconds(600));
        PhoneNumber yes = poll.options().getFirst().missedCallNumber();
        stores.stations().addNumber(station.id(), yes, true, false, "poll: yes");

        Turn vote = take(arriving(UUID.randomUUID(), caller("+", 8), yes.value().substring(1)), 0, false).orElseThrow();
        Turn call = take(arriving(UUID.randomUUID(), caller("+", 8), number), 0, false).orElseThrow();
        Turn afterwards = stores.inboundCalls().take(arriving(UUID.randomUUID(), caller("+", 8), yes.value()), 0,
                List.of(yes), NODE, false, RING.plusSeconds(600)).orElseThrow();

        assertThat(vote.station()).isEqualTo(station);
        assertThat(vote.pollAnswer()).isTrue();
        assertThat(call.pollAnswer()).isFalse();
        assertThat(afterwards.pollAnswer()).isFalse();
    }

    private Optional<Turn> take(NewCall call, int seen, boolean findHost) {
        List<PhoneNumber> dialled = PhoneNumber.candidates(call.toNumber());
        return stores.inboundCalls().take(call, seen, dialled, NODE, findHost, RING);
    }

    /** A listener's number unique to the test, with or without its plus. */
    private String caller(String plus, int n) {
        return plus + callers + String.format("%02d", n);
    }

    /** The same listener's number as a national number (0772...). */
    private String local(int n) {
        return "0" + callers.substring(3) + String.format("%02d", n);
    }

    private static NewCall arriving(UUID id, String from, String to) {
        return new NewCall(id, null, null, CallDirection.INBOUND, from, to, RING);
    }
}

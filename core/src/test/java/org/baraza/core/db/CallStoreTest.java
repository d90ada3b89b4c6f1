package org.baraza.core.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.baraza.core.DomainException;
import org.baraza.core.Ids.AiringId;
import org.baraza.core.Ids.StationId;
import org.baraza.core.call.Call;
import org.baraza.core.call.CallDetail;
import org.baraza.core.call.CallDirection;
import org.baraza.core.call.CallDisposition;
import org.baraza.core.call.Hangup;
import org.baraza.core.call.Leg;
import org.baraza.core.call.LegRole;
import org.baraza.core.call.NewCall;
import org.baraza.core.call.NewLeg;
import org.baraza.core.station.Station;
import org.baraza.core.testing.Fixtures;
import org.baraza.core.testing.PostgresExtension;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class CallStoreTest {

    private static final Instant RING = Instant.parse("2026-03-02T07:10:00Z");

    private final Jdbi jdbi;
    private final Stores stores;
    private final Fixtures fixtures;

    CallStoreTest(Jdbi jdbi) {
        this.jdbi = jdbi;
        this.stores = Stores.on(jdbi);
        this.fixtures = new Fixtures(stores);
    }

    @Test
    void anInboundCallIsRecordedWithItsLegFromRingToHangup() {
        Station station = fixtures.station(fixtures.network());
        AiringId airing = fixtures.airingRow(jdbi, station, RING.minusSeconds(600), Duration.ofHours(1));
        UUID id = UUID.randomUUID();
        // Caller ids are whatever the network delivered, not necessarily a number.
        Call call = stores.calls().start(new NewCall(id, station.id(), airing, CallDirection.INBOUND, "0772 100200<script>",
                "+256312100100", RING));
        Leg leg = stores.calls().addLeg(new NewLeg(id, id, LegRole.CALLER, CallDirection.INBOUND, null, "0772 100200<script>",
                "+256312100100", "fs1.example.org", RING));

        stores.calls().markLegAnswered(id, RING.plusSeconds(2));
        stores.calls().markAnswered(id, RING.plusSeconds(2));
        Leg ended = stores.calls().markLegEnded(id, new Hangup(RING.plusSeconds(95), "NORMAL_CLEARING", "recv_bye"));
        Call done = stores.calls().markEnded(id, RING.plusSeconds(95), CallDisposition.COMPLETED);

        assertThat(call.fromNumber()).isEqualTo("0772 100200<script>");
        assertThat(leg.stationId()).isEqualTo(station.id());
        assertThat(leg.airingId()).isEqualTo(airing);
        assertThat(ended).isEqualTo(new Leg(id, id, station.id(), airing, LegRole.CALLER, CallDirection.INBOUND, null,
                "0772 100200<script>", "+256312100100", "fs1.example.org", RING, RING.plusSeconds(2), RING.plusSeconds(95),
                "NORMAL_CLEARING", "recv_bye"));
        assertThat(done).isEqualTo(new Call(id, station.id(), airing, CallDirection.INBOUND, "0772 100200<script>",
                "+256312100100", RING, RING.plusSeconds(2), RING.plusSeconds(95), CallDisposition.COMPLETED));
        assertThat(stores.calls().get(id)).isEqualTo(new CallDetail(done, List.of(ended)));
    }

    @Test
    void anOutboundCallKeepsItsLegsInOrderWithTheirDialStrings() {
        Station station = fixtures.station(fixtures.network());
        UUID call = UUID.randomUUID();
        stores.calls().start(new NewCall(call, station.id(), null, CallDirection.OUTBOUND, "+256312100100", "0772100200", RING));
        UUID transmitter = UUID.randomUUID();
        UUID host = UUID.randomUUID();
        stores.calls().addLeg(outbound(transmitter, call, LegRole.TRANSMITTER, "sofia/gateway/gsm1/0772100200", RING));
        stores.calls().addLeg(outbound(host, call, LegRole.HOST, "sofia/gateway/gsm1/0752100300", RING.plusSeconds(1)));

        CallDetail detail = stores.calls().get(call);

        assertThat(detail.legs()).extracting(Leg::uuid).containsExactly(transmitter, host);
        assertThat(detail.legs()).extracting(Leg::dialString)
                .containsExactly("sofia/gateway/gsm1/0772100200", "sofia/gateway/gsm1/0752100300");
        assertThat(stores.calls().findLeg(host)).map(Leg::role).contains(LegRole.HOST);
    }

    @Test
    void aCallOrLegRecordedTwiceIsRefused() {
        Station station = fixtures.station(fixtures.network());
        UUID id = UUID.randomUUID();
        NewCall call = new NewCall(id, station.id(), null, CallDirection.INBOUND, "+256772100200", "+256312100100", RING);
        stores.calls().start(call);
        NewLeg leg = new NewLeg(id, id, LegRole.UNKNOWN, CallDirection.INBOUND, null, null, null, null, RING);
        stores.calls().addLeg(leg);

        assertThatThrownBy(() -> stores.calls().start(call))
                .isInstanceOf(DomainException.AlreadyExists.class)
                .hasMessage("call " + id + " is recorded already")
                .satisfies(e -> ScheduleStoreTest.assertRefusedBy(e, "calls_pkey"));
        assertThatThrownBy(() -> stores.calls().addLeg(leg))
                .isInstanceOf(DomainException.AlreadyExists.class)
                .hasMessage("leg " + id + " is recorded already")
                .satisfies(e -> ScheduleStoreTest.assertRefusedBy(e, "legs_pkey"));
    }

    @Test
    void aLegOfAMissingCallAndACallOfAMissingStationOrAiringAreNotFound() {
        Station station = fixtures.station(fixtures.network());
        UUID missing = UUID.fromString("00000000-0000-0000-0000-000000000001");

        assertThatThrownBy(() -> stores.calls().addLeg(new NewLeg(UUID.randomUUID(), missing, LegRole.CALLER,
                CallDirection.INBOUND, null, null, null, null, RING)))
                .isInstanceOf(DomainException.NotFound.class)
                .hasMessage("call 00000000-0000-0000-0000-000000000001 does not exist");
        assertThatThrownBy(() -> stores.calls().start(new NewCall(UUID.randomUUID(), new StationId(999_999), null,
                CallDirection.INBOUND, null, null, RING)))
                .isInstanceOf(DomainException.NotFound.class).hasMessage("station 999999 does not exist")
                .satisfies(e -> ScheduleStoreTest.assertRefusedBy(e, "calls_station_fk"));
        assertThatThrownBy(() -> stores.calls().start(new NewCall(UUID.randomUUID(), station.id(), new AiringId(999_999),
                CallDirection.INBOUND, null, null, RING)))
                .isInstanceOf(DomainException.NotFound.class).hasMessage("airing 999999 does not exist")
                .satisfies(e -> ScheduleStoreTest.assertRefusedBy(e, "calls_airing_fk"));
        assertThatThrownBy(() -> stores.calls().get(missing))
                .isInstanceOf(DomainException.NotFound.class);
    }

    @Test
    void aLegIsAnsweredOnceAndEndsOnce() {
        UUID leg = callWithLeg(fixtures.station(fixtures.network()));
        stores.calls().markLegAnswered(leg, RING.plusSeconds(3));

        assertThatThrownBy(() -> stores.calls().markLegAnswered(leg, RING.plusSeconds(4)))
                .isInstanceOf(DomainException.Conflict.class)
                .hasMessage("leg " + leg + " was answered already, at 2026-03-02T07:10:03Z");
        stores.calls().markLegEnded(leg, new Hangup(RING.plusSeconds(30), "NORMAL_CLEARING", "send_bye"));
        assertThatThrownBy(() -> stores.calls().markLegEnded(leg, new Hangup(RING.plusSeconds(31), "NORMAL_CLEARING", null)))
                .isInstanceOf(DomainException.Conflict.class)
                .hasMessage("leg " + leg + " ended already, at 2026-03-02T07:10:30Z");
        assertThat(stores.calls().findLeg(leg)).map(Leg::sipHangupDisposition).contains("send_bye");
    }

    @Test
    void aLegEndedWithoutACauseTakesTheCauseWhenItComesAndKeepsItsFirstEnd() {
        UUID leg = callWithLeg(fixtures.station(fixtures.network()));
        stores.calls().markLegEnded(leg, new Hangup(RING.plusSeconds(30), null, null));

        Leg ended = stores.calls().markLegEnded(leg, new Hangup(RING.plusSeconds(31), "NORMAL_CLEARING", "recv_bye"));

        assertThat(ended.endedAt()).isEqualTo(RING.plusSeconds(30));
        assertThat(ended.hangupCause()).isEqualTo("NORMAL_CLEARING");
        assertThat(ended.sipHangupDisposition()).isEqualTo("recv_bye");
        assertThatThrownBy(() -> stores.calls().markLegEnded(leg, new Hangup(RING.plusSeconds(32), "USER_BUSY", null)))
                .isInstanceOf(DomainException.Conflict.class)
                .hasMessage("leg " + leg + " ended already, at 2026-03-02T07:10:30Z");
        assertThat(stores.calls().findLeg(leg)).map(Leg::hangupCause).contains("NORMAL_CLEARING");
    }

    @Test
    void aLegTakesTheRoleAndAiringItTurnedOutToHaveUntilItEnds() {
        Station station = fixtures.station(fixtures.network());
        AiringId airing = fixtures.airingRow(jdbi, station, RING.minusSeconds(600), Duration.ofHours(1));
        UUID leg = callWithLeg(station);

        Leg caller = stores.calls().markLegRole(leg, LegRole.CALLER, airing);
        Leg stillCaller = stores.calls().markLegRole(leg, LegRole.CALLER, null);

        assertThat(caller.role()).isEqualTo(LegRole.CALLER);
        assertThat(caller.airingId()).isEqualTo(airing);
        assertThat(stillCaller.airingId()).isEqualTo(airing);
        stores.calls().markLegEnded(leg, new Hangup(RING.plusSeconds(40), "NORMAL_CLEARING", null));
        assertThatThrownBy(() -> stores.calls().markLegRole(leg, LegRole.HOST, null))
                .isInstanceOf(DomainException.Conflict.class)
                .hasMessage("leg " + leg + " ended at 2026-03-02T07:10:40Z; its role stays");
        assertThatThrownBy(() -> stores.calls().markLegRole(UUID.fromString("00000000-0000-0000-0000-000000000003"),
                LegRole.HOST, null)).isInstanceOf(DomainException.NotFound.class);
    }

    @Test
    void httapiRequestsAreTakenInOrderOnceAndNotAfterTheCallEnded() {
        UUID call = callWithLeg(fixtures.station(fixtures.network()));

        assertThat(stores.calls().nextHttapiRequest(call, 0)).hasValue(1);
        assertThat(stores.calls().nextHttapiRequest(call, 0)).isEmpty();
        assertThat(stores.calls().nextHttapiRequest(call, 1)).hasValue(2);
        assertThat(stores.calls().nextHttapiRequest(call, 5)).isEmpty();
        assertThat(stores.calls().httapiRequests(call)).hasValue(2);
        stores.calls().markEnded(call, RING.plusSeconds(50), CallDisposition.COMPLETED);
        assertThat(stores.calls().nextHttapiRequest(call, 2)).isEmpty();
        assertThat(stores.calls().httapiRequests(UUID.fromString("00000000-0000-0000-0000-000000000004"))).isEmpty();
    }

    @Test
    void anEndedLegCannotBeAnsweredAndAMissingLegIsNotFound() {
        UUID leg = callWithLeg(fixtures.station(fixtures.network()));
        stores.calls().markLegEnded(leg, new Hangup(RING.plusSeconds(20), "NO_ANSWER", null));

        assertThatThrownBy(() -> stores.calls().markLegAnswered(leg, RING.plusSeconds(21)))
                .isInstanceOf(DomainException.Conflict.class)
                .hasMessage("leg " + leg + " ended at 2026-03-02T07:10:20Z; it cannot be answered");
        UUID missing = UUID.fromString("00000000-0000-0000-0000-000000000002");
        assertThatThrownBy(() -> stores.calls().markLegEnded(missing, new Hangup(RING, "NORMAL_CLEARING", null)))
                .isInstanceOf(DomainException.NotFound.class)
                .hasMessage("leg 00000000-0000-0000-0000-000000000002 does not exist");
    }

    @Test
    void legTimesCannotPrecedeTheLegsCreation() {
        UUID leg = callWithLeg(fixtures.station(fixtures.network()));

        assertThatThrownBy(() -> stores.calls().markLegAnswered(leg, RING.minusSeconds(1)))
                .isInstanceOf(DomainException.Invalid.class)
                .hasMessage("leg " + leg + " cannot be answered at 2026-03-02T07:09:59Z, before it was created")
                .satisfies(e -> ScheduleStoreTest.assertRefusedBy(e, "legs_answer_order"));
        assertThatThrownBy(() -> stores.calls().markLegEnded(leg, new Hangup(RING.minusSeconds(1), "NORMAL_CLEARING", null)))
                .isInstanceOf(DomainException.Invalid.class)
                .hasMessage("leg " + leg + " cannot end at 2026-03-02T07:09:59Z, before it was created")
                .satisfies(e -> ScheduleStoreTest.assertRefusedBy(e, "legs_end_order"));
    }

    @Test
    void callTimesCannotPrecedeTheStartAndACallEndsOnce() {
        Station station = fixtures.station(fixtures.network());
        UUID call = UUID.randomUUID();
        stores.calls().start(new NewCall(call, station.id(), null, CallDirection.INBOUND, null, null, RING));

        assertThatThrownBy(() -> stores.calls().markAnswered(call, RING.minusSeconds(5)))
                .isInstanceOf(DomainException.Invalid.class)
                .hasMessage("call " + call + " cannot be answered at 2026-03-02T07:09:55Z, before it started")
                .satisfies(e -> ScheduleStoreTest.assertRefusedBy(e, "calls_answer_order"));
        assertThatThrownBy(() -> stores.calls().markEnded(call, RING.minusSeconds(5), CallDisposition.MISSED))
                .isInstanceOf(DomainException.Invalid.class)
                .hasMessage("call " + call + " cannot end at 2026-03-02T07:09:55Z, before it started")
                .satisfies(e -> ScheduleStoreTest.assertRefusedBy(e, "calls_end_order"));
        stores.calls().markEnded(call, RING.plusSeconds(1), CallDisposition.MISSED);
        assertThatThrownBy(() -> stores.calls().markEnded(call, RING.plusSeconds(2), CallDisposition.COMPLETED))
                .isInstanceOf(DomainException.Conflict.class)
                .hasMessage("call " + call + " ended already, at 2026-03-02T07:10:01Z (missed)");
        assertThatThrownBy(() -> stores.calls().markAnswered(call, RING.plusSeconds(2)))
                .isInstanceOf(DomainException.Conflict.class)
                .hasMessage("call " + call + " ended at 2026-03-02T07:10:01Z; it cannot be answered");
    }

    @Test
    void hangupCausesAndSipDispositionsMustHaveFreeswitchsShape() {
        assertThatThrownBy(() -> new Hangup(RING, "normal clearing", null))
                .isInstanceOf(DomainException.Invalid.class)
                .hasMessage("a hangup cause must be upper-case letters, digits and '_' such as NORMAL_CLEARING,"
                        + " got \"normal clearing\"");
        assertThatThrownBy(() -> new Hangup(RING, "USER_BUSY", "recv-bye"))
                .isInstanceOf(DomainException.Invalid.class)
                .hasMessage("a SIP hangup disposition must be lower-case letters and '_' such as recv_bye, got \"recv-bye\"");
        assertThat(new Hangup(RING, null, null).cause()).isNull();
    }

    @Test
    void openLegsOfAStationAreWhatAReconcilerChecks() {
        Station station = fixtures.station(fixtures.network());
        UUID stillUp = callWithLeg(station);
        UUID hungUp = callWithLeg(station);
        stores.calls().markLegEnded(hungUp, new Hangup(RING.plusSeconds(10), "NORMAL_CLEARING", null));
        callWithLeg(fixtures.station(fixtures.network()));

        assertThat(stores.calls().openLegs(station.id())).extracting(Leg::uuid).containsExactly(stillUp);
    }

    @Test
    void aStationsCallsAreListedInAWindowAndByNumber() {
        Station station = fixtures.station(fixtures.network());
        Call early = startInbound(station, "+256772000001", RING);
        Call later = startInbound(station, "+256772000002", RING.plusSeconds(60));
        startInbound(station, "+256772000001", RING.plusSeconds(3600));

        assertThat(stores.calls().list(station.id(), RING, RING.plusSeconds(3600), null)).containsExactly(early, later);
        assertThat(stores.calls().list(station.id(), RING, RING.plusSeconds(3600), "+256772000002")).containsExactly(later);
        assertThat(stores.calls().list(station.id(), RING, RING.plusSeconds(3600), "+256312100100")).containsExactly(early, later);
    }

    @Test
    void aStationWithCallsCannotBeDeleted() {
        Station station = fixtures.station(fixtures.network());
        startInbound(station, "+256772000001", RING);

        assertThatThrownBy(() -> stores.stations().delete(station.id()))
                .isInstanceOf(DomainException.InUse.class)
                .hasMessage(station.id() + " still has calls in its call log; it cannot be deleted");
    }

    private Call startInbound(Station station, String from, Instant at) {
        return stores.calls().start(new NewCall(UUID.randomUUID(), station.id(), null, CallDirection.INBOUND, from,
                "+256312100100", at));
    }

    private UUID callWithLeg(Station station) {
        UUID id = UUID.randomUUID();
        stores.calls().start(new NewCall(id, station.id(), null, CallDirection.OUTBOUND, null, "0772100200", RING));
        stores.calls().addLeg(outbound(id, id, LegRole.TRANSMITTER, "loopback/9100", RING));
        return id;
    }

    private static NewLeg outbound(UUID uuid, UUID call, LegRole role, String dialString, Instant at) {
        return new NewLeg(uuid, call, role, CallDirection.OUTBOUND, dialString, "+256312100100", null, "fs1", at);
    }

    @Test
    void aPlacedCallAndItsLegAreLoggedTogetherAndEndTogether() {
        Station station = fixtures.station(fixtures.network());
        UUID id = UUID.randomUUID();

        Leg leg = stores.calls().startWithLeg(new NewCall(id, station.id(), null, CallDirection.OUTBOUND, null, "0772100300", RING),
                outbound(id, id, LegRole.LISTENER, "sofia/gateway/gsm1/0772100300", RING));
        Leg ended = stores.calls().markEndedWithLeg(id, new Hangup(RING.plusSeconds(20), "USER_BUSY", null), CallDisposition.FAILED);

        assertThat(leg.stationId()).isEqualTo(station.id());
        assertThat(ended.hangupCause()).isEqualTo("USER_BUSY");
        assertThat(stores.calls().get(id).call().endedAt()).isEqualTo(RING.plusSeconds(20));
        assertThat(stores.calls().get(id).call().disposition()).isEqualTo(CallDisposition.FAILED);
        assertThatThrownBy(() -> stores.calls().markEndedWithLeg(id, new Hangup(RING.plusSeconds(30), "NORMAL_CLEARING", null),
                CallDisposition.COMPLETED)).isInstanceOf(DomainException.Conflict.class);
        assertThatThrownBy(() -> stores.calls().startWithLeg(new NewCall(id, station.id(), null, CallDirection.OUTBOUND, null,
                "0772100300", RING), outbound(UUID.randomUUID(), id, LegRole.LISTENER, "sofia/gateway/gsm1/0772100300", RING)))
                .isInstanceOf(DomainException.AlreadyExists.class);
        assertThat(stores.calls().get(id).legs()).hasSize(1);
    }
}

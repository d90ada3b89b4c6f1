package org.baraza.core.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.baraza.core.DomainException;
import org.baraza.core.PhoneNumber;
import org.baraza.core.call.CallDirection;
import org.baraza.core.call.Callback;
import org.baraza.core.call.Callback.Status;
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
class CallbackStoreTest {

    private static final Instant NOON = Instant.parse("2026-03-02T12:00:00Z");
    private static final PhoneNumber LISTENER = new PhoneNumber("+256772100200");
    private static final Duration COOLDOWN = Duration.ofMinutes(30);

    private final Stores stores;
    private final Fixtures fixtures;
    private UUID lastPlacing;

    CallbackStoreTest(Jdbi jdbi) {
        this.stores = Stores.on(jdbi);
        this.fixtures = new Fixtures(stores);
    }

    @Test
    void aMissedCallIsCalledBackAndItsCallFollowed() {
        Station station = fixtures.station(fixtures.network());
        UUID missed = missedCall(station, NOON);

        Callback callback = request(station, LISTENER, missed, NOON, COOLDOWN, 3);
        UUID back = callback.callId();
        stores.callbacks().answered(back);

        assertThat(callback.status()).isEqualTo(Status.DIALLING);
        assertThat(callback.reason()).isNull();
        // The call placed to call back is in the call log with its leg, written with the decision.
        assertThat(stores.calls().find(back)).isPresent();
        assertThat(stores.calls().findLeg(back)).get()
                .extracting(Leg::callId, Leg::stationId, Leg::role, Leg::dialString)
                .containsExactly(back, station.id(), LegRole.LISTENER, "sofia/gateway/gsm/" + LISTENER.value());
        assertThat(stores.callbacks().find(callback.id())).get()
                .extracting(Callback::status, Callback::callId, Callback::missedCallId)
                .containsExactly(Status.ANSWERED, back, missed);
    }

    @Test
    void aNumberCalledBackWithinTheCooldownIsRefusedSayingWhy() {
        Station station = fixtures.station(fixtures.network());
        request(station, LISTENER, missedCall(station, NOON), NOON, COOLDOWN, 3);

        Callback again = request(station, LISTENER, missedCall(station, NOON.plusSeconds(600)),
                NOON.plusSeconds(600), COOLDOWN, 3);
        UUID notPlaced = lastPlacing;
        Callback later = request(station, LISTENER, missedCall(station, NOON.plusSeconds(1860)),
                NOON.plusSeconds(1860), COOLDOWN, 3);
        Callback someoneElse = request(station, new PhoneNumber("+256772100201"),
                missedCall(station, NOON.plusSeconds(600)), NOON.plusSeconds(600), COOLDOWN, 3);

        assertThat(again.status()).isEqualTo(Status.REFUSED);
        assertThat(again.reason()).isEqualTo("called back within the last 30 min");
        assertThat(again.callId()).isNull();
        assertThat(stores.calls().find(notPlaced)).as("a refused call-back places no call").isEmpty();
        assertThat(later.status()).isEqualTo(Status.DIALLING);
        assertThat(someoneElse.status()).isEqualTo(Status.DIALLING);
    }

    @Test
    void aNumberHasAtMostSoManyCallBacksADayAndRefusalsDoNotCount() {
        Station station = fixtures.station(fixtures.network());
        Duration minute = Duration.ofMinutes(1);
        for (int i = 0; i < 2; i++) {
            Instant at = NOON.plus(Duration.ofMinutes(2L * i));
            assertThat(request(station, LISTENER, missedCall(station, at), at, minute, 2).status())
                    .isEqualTo(Status.DIALLING);
        }
        Instant third = NOON.plus(Duration.ofMinutes(10));
        Callback refused = request(station, LISTENER, missedCall(station, third), third, minute, 2);
        Instant nextDay = NOON.plus(Duration.ofHours(24)).plusSeconds(60);
        Callback tomorrow = request(station, LISTENER, missedCall(station, nextDay), nextDay, minute, 2);

        assertThat(refused.status()).isEqualTo(Status.REFUSED);
        assertThat(refused.reason()).isEqualTo("called back 2 times in 24 hours already");
        assertThat(tomorrow.status()).isEqualTo(Status.DIALLING);
        assertThat(stores.callbacks().recent(station.id(), 10)).hasSize(4).first().isEqualTo(tomorrow);
    }

    @Test
    void aMissedCallAsksOnceAndAFailedCallBackSaysWhy() {
        Station station = fixtures.station(fixtures.network());
        UUID missed = missedCall(station, NOON);
        Callback first = request(station, LISTENER, missed, NOON, COOLDOWN, 3);
        Callback repeated = request(station, LISTENER, missed, NOON.plusSeconds(5), COOLDOWN, 3);
        UUID back = first.callId();
        stores.callbacks().failed(back, "USER_BUSY");

        // Asked again, the first answer, holding the first call: the second request placed nothing.
        assertThat(repeated).isEqualTo(first);
        assertThat(repeated.callId()).isNotEqualTo(lastPlacing);
        assertThat(stores.calls().find(lastPlacing)).isEmpty();
        assertThat(stores.callbacks().find(first.id())).get().extracting(Callback::status, Callback::reason)
                .containsExactly(Status.FAILED, "USER_BUSY");
        assertThatThrownBy(() -> request(station, LISTENER, UUID.randomUUID(), NOON, COOLDOWN, 3))
                .isInstanceOf(DomainException.NotFound.class);
    }

    private UUID missedCall(Station station, Instant at) {
        UUID id = UUID.randomUUID();
        stores.calls().start(new NewCall(id, station.id(), null, CallDirection.INBOUND, LISTENER.value(), "+256312100100", at));
        return id;
    }

    @Test
    void aLegNotOfTheCallPlacedIsRefusedAndNothingWritten() {
        Station station = fixtures.station(fixtures.network());
        UUID missed = missedCall(station, NOON);
        UUID call = UUID.randomUUID();

        assertThatThrownBy(() -> stores.callbacks().request(station.id(), LISTENER, missed, NOON, COOLDOWN, 3,
                outboundCall(station, call, NOON), outboundLeg(UUID.randomUUID(), UUID.randomUUID(), NOON)))
                .isInstanceOf(DomainException.Invalid.class);
        assertThat(stores.callbacks().recent(station.id(), 10)).isEmpty();
    }

    /** A call-back request placing a new call (the one the station would dial), remembered in {@link #lastPlacing}. */
    private Callback request(Station station, PhoneNumber number, UUID missed, Instant at, Duration cooldown, int perDay) {
        lastPlacing = UUID.randomUUID();
        return stores.callbacks().request(station.id(), number, missed, at, cooldown, perDay,
                outboundCall(station, lastPlacing, at), outboundLeg(lastPlacing, lastPlacing, at));
    }

    private static NewCall outboundCall(Station station, UUID id, Instant at) {
        return new NewCall(id, station.id(), null, CallDirection.OUTBOUND, null, LISTENER.value(), at);
    }

    private static NewLeg outboundLeg(UUID uuid, UUID call, Instant at) {
        return new NewLeg(uuid, call, LegRole.LISTENER, CallDirection.OUTBOUND, "sofia/gateway/gsm/" + LISTENER.value(),
                null, LISTENER.value(), "fs1", at);
    }
}

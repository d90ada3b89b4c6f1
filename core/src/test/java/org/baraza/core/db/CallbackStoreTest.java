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
import org.baraza.core.call.NewCall;
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

    CallbackStoreTest(Jdbi jdbi) {
        this.stores = Stores.on(jdbi);
        this.fixtures = new Fixtures(stores);
    }

    @Test
    void aMissedCallIsCalledBackAndItsCallFollowed() {
        Station station = fixtures.station(fixtures.network());
        UUID missed = missedCall(station, NOON);

        Callback callback = stores.callbacks().request(station.id(), LISTENER, missed, NOON, COOLDOWN, 3);
        UUID back = placedCall(station, NOON.plusSeconds(1));
        stores.callbacks().placed(callback.id(), back);
        stores.callbacks().answered(back);

        assertThat(callback.status()).isEqualTo(Status.DIALLING);
        assertThat(callback.reason()).isNull();
        assertThat(stores.callbacks().find(callback.id())).get()
                .extracting(Callback::status, Callback::callId, Callback::missedCallId)
                .containsExactly(Status.ANSWERED, back, missed);
    }

    @Test
    void aNumberCalledBackWithinTheCooldownIsRefusedSayingWhy() {
        Station station = fixtures.station(fixtures.network());
        stores.callbacks().request(station.id(), LISTENER, missedCall(station, NOON), NOON, COOLDOWN, 3);

        Callback again = stores.callbacks().request(station.id(), LISTENER, missedCall(station, NOON.plusSeconds(600)),
                NOON.plusSeconds(600), COOLDOWN, 3);
        Callback later = stores.callbacks().request(station.id(), LISTENER, missedCall(station, NOON.plusSeconds(1860)),
                NOON.plusSeconds(1860), COOLDOWN, 3);
        Callback someoneElse = stores.callbacks().request(station.id(), new PhoneNumber("+256772100201"),
                missedCall(station, NOON.plusSeconds(600)), NOON.plusSeconds(600), COOLDOWN, 3);

        assertThat(again.status()).isEqualTo(Status.REFUSED);
        assertThat(again.reason()).isEqualTo("called back within the last 30 min");
        assertThat(later.status()).isEqualTo(Status.DIALLING);
        assertThat(someoneElse.status()).isEqualTo(Status.DIALLING);
    }

    @Test
    void aNumberHasAtMostSoManyCallBacksADayAndRefusalsDoNotCount() {
        Station station = fixtures.station(fixtures.network());
        Duration minute = Duration.ofMinutes(1);
        for (int i = 0; i < 2; i++) {
            Instant at = NOON.plus(Duration.ofMinutes(2L * i));
            assertThat(stores.callbacks().request(station.id(), LISTENER, missedCall(station, at), at, minute, 2).status())
                    .isEqualTo(Status.DIALLING);
        }
        Instant third = NOON.plus(Duration.ofMinutes(10));
        Callback refused = stores.callbacks().request(station.id(), LISTENER, missedCall(station, third), third, minute, 2);
        Instant nextDay = NOON.plus(Duration.ofHours(24)).plusSeconds(60);
        Callback tomorrow = stores.callbacks().request(station.id(), LISTENER, missedCall(station, nextDay), nextDay, minute, 2);

        assertThat(refused.status()).isEqualTo(Status.REFUSED);
        assertThat(refused.reason()).isEqualTo("called back 2 times in 24 hours already");
        assertThat(tomorrow.status()).isEqualTo(Status.DIALLING);
        assertThat(stores.callbacks().recent(station.id(), 10)).hasSize(4).first().isEqualTo(tomorrow);
    }

    @Test
    void aMissedCallAsksOnceAndAFailedCallBackSaysWhy() {
        Station station = fixtures.station(fixtures.network());
        UUID missed = missedCall(station, NOON);
        Callback first = stores.callbacks().request(station.id(), LISTENER, missed, NOON, COOLDOWN, 3);
        Callback repeated = stores.callbacks().request(station.id(), LISTENER, missed, NOON.plusSeconds(5), COOLDOWN, 3);
        UUID back = placedCall(station, NOON.plusSeconds(1));
        stores.callbacks().placed(first.id(), back);
        stores.callbacks().failed(back, "USER_BUSY");

        assertThat(repeated).isEqualTo(first);
        assertThat(stores.callbacks().find(first.id())).get().extracting(Callback::status, Callback::reason)
                .containsExactly(Status.FAILED, "USER_BUSY");
        assertThatThrownBy(() -> stores.callbacks().placed(first.id(), back)).isInstanceOf(DomainException.Conflict.class)
                .hasMessage(first.id() + " is not a call-back waiting to be placed");
        assertThatThrownBy(() -> stores.callbacks().request(station.id(), LISTENER, UUID.randomUUID(), NOON, COOLDOWN, 3))
                .isInstanceOf(DomainException.NotFound.class);
    }

    private UUID missedCall(Station station, Instant at) {
        UUID id = UUID.randomUUID();
        stores.calls().start(new NewCall(id, station.id(), null, CallDirection.INBOUND, LISTENER.value(), "+256312100100", at));
        return id;
    }

    private UUID placedCall(Station station, Instant at) {
        UUID id = UUID.randomUUID();
        stores.calls().start(new NewCall(id, station.id(), null, CallDirection.OUTBOUND, "+256312100100", LISTENER.value(), at));
        return id;
    }
}

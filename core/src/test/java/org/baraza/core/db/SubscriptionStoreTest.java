package org.baraza.core.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.baraza.core.DomainException;
import org.baraza.core.Ids.NetworkId;
import org.baraza.core.Ids.ProgramId;
import org.baraza.core.Ids.SmsMessageId;
import org.baraza.core.Ids.StationId;
import org.baraza.core.PhoneNumber;
import org.baraza.core.sms.OptOut;
import org.baraza.core.sms.SmsMessage;
import org.baraza.core.sms.Subscription;
import org.baraza.core.sms.SubscriptionStore;
import org.baraza.core.station.Network;
import org.baraza.core.station.Station;
import org.baraza.core.testing.Fixtures;
import org.baraza.core.testing.PostgresExtension;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class SubscriptionStoreTest {

    private static final Instant T0 = Instant.parse("2031-03-04T07:00:00Z");
    private static final PhoneNumber AMINA = new PhoneNumber("+256772100201");
    private static final PhoneNumber BOSCO = new PhoneNumber("+256772100202");

    private final Jdbi jdbi;
    private final Stores stores;
    private final SubscriptionStore subscriptions;
    private final Fixtures fixtures;

    SubscriptionStoreTest(Jdbi jdbi) {
        this.jdbi = jdbi;
        this.stores = Stores.on(jdbi);
        this.subscriptions = stores.subscriptions();
        this.fixtures = new Fixtures(stores);
    }

    @Test
    void subscribingTwiceIsHarmlessAndKeepsTheFirstSubscription() {
        Station station = fixtures.station(fixtures.network());
        ProgramId show = fixtures.programRow(jdbi, station.networkId());

        Subscription first = subscriptions.subscribe(station.id(), show, AMINA, T0);
        Subscription again = subscriptions.subscribe(station.id(), show, AMINA, T0.plusSeconds(60));

        assertThat(first).isEqualTo(new Subscription(first.id(), station.networkId(), station.id(), show, AMINA, T0));
        assertThat(again).isEqualTo(first);
        assertThat(subscriptions.subscribers(station.id(), show)).containsExactly(AMINA);
    }

    @Test
    void aStationsSubscribersAndAProgramsAreListedApartInNumberOrder() {
        Station station = fixtures.station(fixtures.network());
        ProgramId show = fixtures.programRow(jdbi, station.networkId());
        ProgramId otherShow = fixtures.programRow(jdbi, station.networkId());
        subscriptions.subscribe(station.id(), show, BOSCO, T0);
        subscriptions.subscribe(station.id(), show, AMINA, T0);
        subscriptions.subscribe(station.id(), null, BOSCO, T0);
        subscriptions.subscribe(station.id(), null, BOSCO, T0);
        subscriptions.subscribe(station.id(), otherShow, AMINA, T0);

        assertThat(subscriptions.subscribers(station.id(), show)).containsExactly(AMINA, BOSCO);
        assertThat(subscriptions.subscribers(station.id(), null)).containsExactly(BOSCO);
        assertThat(subscriptions.subscribers(station.id(), otherShow)).containsExactly(AMINA);
    }

    @Test
    void unsubscribingRemovesOnlyThatSubscription() {
        Station station = fixtures.station(fixtures.network());
        ProgramId show = fixtures.programRow(jdbi, station.networkId());
        subscriptions.subscribe(station.id(), show, AMINA, T0);
        subscriptions.subscribe(station.id(), null, AMINA, T0);

        assertThat(subscriptions.unsubscribe(station.id(), show, AMINA)).isTrue();
        assertThat(subscriptions.unsubscribe(station.id(), show, AMINA)).isFalse();
        assertThat(subscriptions.subscribers(station.id(), show)).isEmpty();
        assertThat(subscriptions.subscribers(station.id(), null)).containsExactly(AMINA);
    }

    @Test
    void numbersThatOptedOutOfTheNetworkAreLeftOutUntilTheyOptBackIn() {
        Network network = fixtures.network();
        Station station = fixtures.station(network);
        Station elsewhere = fixtures.station(fixtures.network());
        subscriptions.subscribe(station.id(), null, AMINA, T0);
        subscriptions.subscribe(station.id(), null, BOSCO, T0);
        subscriptions.subscribe(elsewhere.id(), null, AMINA, T0);

        subscriptions.optOut(network.id(), AMINA, null, T0);

        assertThat(subscriptions.subscribers(station.id(), null)).containsExactly(BOSCO);
        assertThat(subscriptions.subscribers(elsewhere.id(), null)).containsExactly(AMINA);
        assertThat(subscriptions.optIn(network.id(), AMINA)).isTrue();
        assertThat(subscriptions.subscribers(station.id(), null)).containsExactly(AMINA, BOSCO);
    }

    @Test
    void stopIsRecordedWithItsMessageOnceAndStartUndoesIt() {
        Station station = fixtures.station(fixtures.network());
        NetworkId network = station.networkId();
        SmsMessage stop = stores.sms().storeInbound(fixtures.inboundSms(station, AMINA.value(), "STOP", T0));

        OptOut first = subscriptions.optOut(network, AMINA, stop.id(), T0);
        OptOut again = subscriptions.optOut(network, AMINA, null, T0.plusSeconds(60));

        assertThat(first).isEqualTo(new OptOut(network, AMINA, T0, stop.id()));
        assertThat(again).isEqualTo(first);
        assertThat(subscriptions.isOptedOut(network, AMINA)).isTrue();
        assertThat(subscriptions.isOptedOut(network, BOSCO)).isFalse();
        assertThat(subscriptions.optIn(network, AMINA)).isTrue();
        assertThat(subscriptions.isOptedOut(network, AMINA)).isFalse();
        assertThat(subscriptions.optIn(network, AMINA)).isFalse();
    }

    @Test
    void subscribingToAMissingStationOrAProgramOfAnotherNetworkIsRefused() {
        Station station = fixtures.station(fixtures.network());
        ProgramId foreign = fixtures.programRow(jdbi, fixtures.network().id());

        assertThatThrownBy(() -> subscriptions.subscribe(new StationId(999_999), null, AMINA, T0))
                .isInstanceOf(DomainException.NotFound.class)
                .hasMessage("station 999999 does not exist");
        assertThatThrownBy(() -> subscriptions.subscribe(station.id(), foreign, AMINA, T0))
                .isInstanceOf(DomainException.NotFound.class)
                .hasMessage(foreign + " does not exist in the network of " + station.id());
        assertThat(subscriptions.subscribers(station.id(), foreign)).isEmpty();
    }

    @Test
    void optingOutOfAMissingNetworkOrWithAMissingMessageIsRefused() {
        Network network = fixtures.network();

        assertThatThrownBy(() -> subscriptions.optOut(new NetworkId(987_654), AMINA, null, T0))
                .isInstanceOf(DomainException.NotFound.class)
                .hasMessage("network 987654 does not exist");
        assertThatThrownBy(() -> subscriptions.optOut(network.id(), AMINA, new SmsMessageId(987_654), T0))
                .isInstanceOf(DomainException.NotFound.class)
                .hasMessage("SMS message 987654 does not exist");
        assertThat(subscriptions.isOptedOut(network.id(), AMINA)).isFalse();
    }
}

package org.baraza.core.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.baraza.core.DomainException;
import org.baraza.core.Ids.AiringId;
import org.baraza.core.Ids.NetworkId;
import org.baraza.core.PhoneNumber;
import org.baraza.core.sms.DeliveryReport;
import org.baraza.core.sms.InboundSms;
import org.baraza.core.sms.SmsDirection;
import org.baraza.core.sms.SmsMessage;
import org.baraza.core.sms.SmsStatus;
import org.baraza.core.station.Network;
import org.baraza.core.station.Station;
import org.baraza.core.testing.Concurrently;
import org.baraza.core.testing.Fixtures;
import org.baraza.core.testing.PostgresExtension;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class SmsStoreTest {

    private static final Instant T0 = Instant.parse("2031-03-04T07:00:00Z");
    private static final PhoneNumber LISTENER = new PhoneNumber("+256772100200");

    private final Jdbi jdbi;
    private final Stores stores;
    private final Fixtures fixtures;

    SmsStoreTest(Jdbi jdbi) {
        this.jdbi = jdbi;
        this.stores = Stores.on(jdbi);
        this.fixtures = new Fixtures(stores);
    }

    @Test
    void aReceivedMessageIsStoredExactlyAsItArrived() {
        Station station = fixtures.station(fixtures.network());
        String untrusted = "  <script>alert('hi')</script> & \"Mwasuze otya\" 🎶\n";
        InboundSms sms = new InboundSms(station.networkId(), station.id(), "twilio", "SM0123456789abcdef",
                LISTENER.value(), "8822", untrusted, T0);

        SmsMessage stored = stores.sms().storeInbound(sms);

        assertThat(stored).isEqualTo(new SmsMessage(stored.id(), station.networkId(), station.id(), null,
                SmsDirection.INBOUND, "twilio", "SM0123456789abcdef", null, LISTENER.value(), "8822", untrusted,
                SmsStatus.RECEIVED, null, null, T0, null, T0));
        assertThat(stores.sms().get(stored.id())).isEqualTo(stored);
        assertThat(stores.sms().findByProviderId("twilio", "SM0123456789abcdef")).contains(stored);
    }

    @Test
    void theDatabaseRefusesTheSameProviderMessageIdTwice() {
        Station station = fixtures.station(fixtures.network());
        InboundSms sms = fixtures.inboundSms(station, LISTENER.value(), "YES", T0);
        SmsMessage first = stores.sms().storeInbound(sms);

        assertThatThrownBy(() -> stores.sms().storeInbound(sms))
                .isInstanceOf(DomainException.AlreadyExists.class)
                .hasMessage("twilio message " + sms.providerMessageId() + " is already stored");
        assertThat(stores.sms().findByProviderId("twilio", sms.providerMessageId())).contains(first);
        // The rule is the database's own, whoever writes.
        assertThatThrownBy(() -> jdbi.useHandle(h -> h.execute("""
                insert into sms_messages (network_id, direction, provider, provider_message_id, from_address, to_address, body, status)
                values (?, 'inbound', 'twilio', ?, '+256772100200', '8822', 'YES', 'received')
                """, station.networkId().value(), sms.providerMessageId())))
                .hasMessageContaining("sms_messages_provider_message_once");
        // Another provider's ids are its own.
        InboundSms elsewhere = new InboundSms(sms.network(), sms.station(), "africas_talking", sms.providerMessageId(),
                sms.fromAddress(), sms.toAddress(), sms.body(), T0);
        assertThat(stores.sms().storeInbound(elsewhere).id()).isNotEqualTo(first.id());
    }

    @Test
    void aMessageForAStationOfAnotherNetworkOrAMissingNetworkIsRefused() {
        Network network = fixtures.network();
        Station elsewhere = fixtures.station(fixtures.network());
        InboundSms wrongStation = new InboundSms(network.id(), elsewhere.id(), "twilio", Fixtures.unique("SM"),
                LISTENER.value(), "8822", "hello", T0);
        InboundSms noNetwork = new InboundSms(new NetworkId(987_654), null, "twilio", Fixtures.unique("SM"),
                LISTENER.value(), "8822", "hello", T0);

        assertThatThrownBy(() -> stores.sms().storeInbound(wrongStation))
                .isInstanceOf(DomainException.NotFound.class)
                .hasMessage(elsewhere.id() + " does not exist in " + network.id());
        assertThatThrownBy(() -> stores.sms().storeInbound(noNetwork))
                .isInstanceOf(DomainException.NotFound.class)
                .hasMessage("network 987654 does not exist");
    }

    @Test
    void inboundMessagesAreCheckedBeforeTheDatabaseIsAsked() {
        Station station = fixtures.station(fixtures.network());
        assertThatThrownBy(() -> fixtures.inboundSms(station, LISTENER.value(), "x".repeat(1601), T0))
                .isInstanceOf(DomainException.Invalid.class).hasMessage("SMS body must be 0 to 1600 characters, got 1601");
        assertThatThrownBy(() -> new InboundSms(station.networkId(), null, "Twilio", "SM1", LISTENER.value(), "8822", "hi", T0))
                .isInstanceOf(DomainException.Invalid.class).hasMessageContaining("SMS provider must be");
        assertThatThrownBy(() -> fixtures.inboundSms(station, "", "hi", T0))
                .isInstanceOf(DomainException.Invalid.class).hasMessage("SMS sender must be 1 to 64 characters, got 0");
    }

    @Test
    void deliveryStatusesOnlyMoveForward() {
        SmsMessage sent = sentMessage("SM-forward-1");

        SmsMessage delivered = stores.sms().recordStatus(report("SM-forward-1", SmsStatus.DELIVERED, T0.plusSeconds(5))).orElseThrow();
        SmsMessage afterLateSent = stores.sms().recordStatus(report("SM-forward-1", SmsStatus.SENT, T0.plusSeconds(6))).orElseThrow();
        SmsMessage afterUndelivered = stores.sms().recordStatus(new DeliveryReport("twilio", "SM-forward-1",
                SmsStatus.UNDELIVERED, "30003", "Unreachable destination handset", T0.plusSeconds(7))).orElseThrow();

        assertThat(sent.status()).isEqualTo(SmsStatus.SENT);
        assertThat(delivered.status()).isEqualTo(SmsStatus.DELIVERED);
        assertThat(delivered.statusAt()).isEqualTo(T0.plusSeconds(5));
        assertThat(afterLateSent).isEqualTo(delivered);
        assertThat(afterUndelivered).isEqualTo(delivered);
    }

    @Test
    void anUndeliveredReportKeepsTheProvidersError() {
        sentMessage("SM-undelivered-1");

        SmsMessage undelivered = stores.sms().recordStatus(new DeliveryReport("twilio", "SM-undelivered-1",
                SmsStatus.UNDELIVERED, "30003", "Unreachable destination handset", T0.plusSeconds(9))).orElseThrow();

        assertThat(undelivered.status()).isEqualTo(SmsStatus.UNDELIVERED);
        assertThat(undelivered.errorCode()).isEqualTo("30003");
        assertThat(undelivered.errorMessage()).isEqualTo("Unreachable destination handset");
        assertThat(undelivered.statusAt()).isEqualTo(T0.plusSeconds(9));
    }

    @Test
    void reportsRacingEachOtherNeverMoveAMessageBackwards() throws Exception {
        for (int round = 0; round < 20; round++) {
            String sid = "SM-race-" + round;
            sentMessage(sid);
            Concurrently.run(
                    () -> stores.sms().recordStatus(report(sid, SmsStatus.DELIVERED, T0.plusSeconds(2))),
                    () -> stores.sms().recordStatus(report(sid, SmsStatus.SENDING, T0.plusSeconds(1))));

            assertThat(stores.sms().findByProviderId("twilio", sid).orElseThrow().status()).isEqualTo(SmsStatus.DELIVERED);
        }
    }

    @Test
    void aReportAboutAnUnknownOrInboundMessageFindsNothingAndChangesNothing() {
        Station station = fixtures.station(fixtures.network());
        InboundSms inbound = fixtures.inboundSms(station, LISTENER.value(), "hello", T0);
        stores.sms().storeInbound(inbound);

        assertThat(stores.sms().recordStatus(report("SM-never-sent", SmsStatus.DELIVERED, T0))).isEmpty();
        assertThat(stores.sms().recordStatus(report(inbound.providerMessageId(), SmsStatus.DELIVERED, T0))).isEmpty();
        assertThat(stores.sms().findByProviderId("twilio", inbound.providerMessageId()).orElseThrow().status())
                .isEqualTo(SmsStatus.RECEIVED);
    }

    @Test
    void aReportThatOvertakesTheWorkerRecordsTheProviderIdAndTakesTheMessageOutOfTheOutbox() {
        Station station = fixtures.station(fixtures.network());
        SmsMessage queued = stores.outbox().enqueue(fixtures.outboundSms(station, LISTENER, "Reminder"), T0);

        SmsMessage delivered = stores.sms().recordStatus(queued.id(), report("SM-overtaking-1", SmsStatus.DELIVERED, T0.plusSeconds(3)));
        SmsMessage afterWorker = stores.outbox().markSent(queued.id(), "SM-overtaking-1", T0.plusSeconds(4));

        assertThat(delivered.providerMessageId()).isEqualTo("SM-overtaking-1");
        assertThat(delivered.status()).isEqualTo(SmsStatus.DELIVERED);
        assertThat(delivered.sentAt()).isEqualTo(T0.plusSeconds(3));
        assertThat(stores.outbox().find(queued.id())).isEmpty();
        assertThat(afterWorker).isEqualTo(delivered);
    }

    @Test
    void aReportNamingAMessageWithAnotherProviderIdOrProviderIsAConflict() {
        SmsMessage sent = sentMessage("SM-mine-1");

        assertThatThrownBy(() -> stores.sms().recordStatus(sent.id(), report("SM-other-1", SmsStatus.DELIVERED, T0)))
                .isInstanceOf(DomainException.Conflict.class)
                .hasMessage(sent.id() + " is twilio message SM-mine-1, not SM-other-1");
        assertThatThrownBy(() -> stores.sms().recordStatus(sent.id(),
                DeliveryReport.of("africas_talking", "SM-mine-1", SmsStatus.DELIVERED, T0)))
                .isInstanceOf(DomainException.Conflict.class)
                .hasMessage(sent.id() + " was sent through twilio, not africas_talking");
        assertThat(stores.sms().get(sent.id()).status()).isEqualTo(SmsStatus.SENT);
    }

    @Test
    void aReportGivingAMessageTheProviderIdOfAnotherIsRefused() {
        sentMessage("SM-taken-1");
        Station station = fixtures.station(fixtures.network());
        SmsMessage queued = stores.outbox().enqueue(fixtures.outboundSms(station, LISTENER, "Reminder"), T0);

        assertThatThrownBy(() -> stores.sms().recordStatus(queued.id(), report("SM-taken-1", SmsStatus.DELIVERED, T0)))
                .isInstanceOf(DomainException.AlreadyExists.class)
                .hasMessage("twilio message SM-taken-1 is already recorded for another SMS message");
        assertThat(stores.sms().get(queued.id())).isEqualTo(queued);
        assertThat(stores.outbox().find(queued.id())).isPresent();
    }

    @Test
    void aStationsInboxHoldsWhatItReceivedInTheWindow() {
        Network network = fixtures.network();
        Station station = fixtures.station(network);
        Station other = fixtures.station(network);
        stores.sms().storeInbound(fixtures.inboundSms(station, LISTENER.value(), "early", T0.minusSeconds(1)));
        SmsMessage first = stores.sms().storeInbound(fixtures.inboundSms(station, LISTENER.value(), "one", T0));
        SmsMessage second = stores.sms().storeInbound(fixtures.inboundSms(station, "+256772100300", "two", T0.plusSeconds(59)));
        stores.sms().storeInbound(fixtures.inboundSms(station, LISTENER.value(), "late", T0.plusSeconds(60)));
        stores.sms().storeInbound(fixtures.inboundSms(other, LISTENER.value(), "other station", T0));
        stores.outbox().enqueue(fixtures.outboundSms(station, LISTENER, "a reply"), T0.plusSeconds(10));

        assertThat(stores.sms().inbox(station.id(), T0, T0.plusSeconds(60))).containsExactly(first, second);
    }

    @Test
    void aReceivedMessageIsFiledInTheInboxOfAShowOnItsStation() {
        Network network = fixtures.network();
        Station station = fixtures.station(network);
        Station other = fixtures.station(network);
        AiringId show = fixtures.airingRow(jdbi, station, T0, Duration.ofHours(1));
        AiringId otherShow = fixtures.airingRow(jdbi, other, T0, Duration.ofHours(1));
        SmsMessage message = stores.sms().storeInbound(fixtures.inboundSms(station, LISTENER.value(), "Greetings to Mama", T0));
        SmsMessage reply = stores.outbox().enqueue(fixtures.outboundSms(station, LISTENER, "Thanks"), T0);

        SmsMessage filed = stores.sms().fileUnder(message.id(), show);

        assertThat(filed.airingId()).isEqualTo(show);
        assertThat(stores.sms().inbox(show)).containsExactly(filed);
        assertThatThrownBy(() -> stores.sms().fileUnder(message.id(), otherShow))
                .isInstanceOf(DomainException.NotFound.class)
                .hasMessage(otherShow + " is not an airing of " + station.id());
        assertThatThrownBy(() -> stores.sms().fileUnder(reply.id(), show))
                .isInstanceOf(DomainException.Invalid.class)
                .hasMessage(reply.id() + " was sent, not received: only received messages go to a show's inbox");
    }

    @Test
    void aConversationIsTheLatestMessagesFromAndToANumberOldestFirst() {
        Station station = fixtures.station(fixtures.network());
        Station elsewhere = fixtures.station(fixtures.network());
        SmsMessage question = stores.sms().storeInbound(fixtures.inboundSms(station, LISTENER.value(), "When is the show?", T0));
        SmsMessage answer = stores.outbox().enqueue(fixtures.outboundSms(station, LISTENER, "At 8"), T0.plusSeconds(30));
        SmsMessage thanks = stores.sms().storeInbound(fixtures.inboundSms(station, LISTENER.value(), "Thanks", T0.plusSeconds(60)));
        stores.sms().storeInbound(fixtures.inboundSms(station, "+256772100999", "someone else", T0.plusSeconds(45)));
        stores.sms().storeInbound(fixtures.inboundSms(elsewhere, LISTENER.value(), "another network", T0.plusSeconds(50)));

        assertThat(stores.sms().conversation(station.networkId(), LISTENER, 10)).containsExactly(question, answer, thanks);
        assertThat(stores.sms().conversation(station.networkId(), LISTENER, 2)).containsExactly(answer, thanks);
    }

    /** An outbound message the provider accepted with this id. */
    private SmsMessage sentMessage(String providerMessageId) {
        Station station = fixtures.station(fixtures.network());
        SmsMessage queued = stores.outbox().enqueue(fixtures.outboundSms(station, LISTENER, "Your show starts soon"), T0);
        return stores.outbox().markSent(queued.id(), providerMessageId, T0.plusSeconds(1));
    }

    private static DeliveryReport report(String providerMessageId, SmsStatus status, Instant at) {
        return DeliveryReport.of("twilio", providerMessageId, status, at);
    }
}

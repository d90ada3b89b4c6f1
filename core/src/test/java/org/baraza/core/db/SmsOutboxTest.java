package org.baraza.core.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.baraza.core.DomainException;
import org.baraza.core.Ids.NetworkId;
import org.baraza.core.Ids.SmsMessageId;
import org.baraza.core.PhoneNumber;
import org.baraza.core.sms.OutboundSms;
import org.baraza.core.sms.OutboxEntry;
import org.baraza.core.sms.SmsDirection;
import org.baraza.core.sms.SmsMessage;
import org.baraza.core.sms.SmsOutbox;
import org.baraza.core.sms.SmsStatus;
import org.baraza.core.station.Station;
import org.baraza.core.testing.Concurrently;
import org.baraza.core.testing.Fixtures;
import org.baraza.core.testing.PostgresExtension;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The outbox as workers use it. Claims take due entries of every test in this class's database, so each
 * test looks only at its own messages and claims with room to spare.
 */
@ExtendWith(PostgresExtension.class)
class SmsOutboxTest {

    private static final Instant T0 = Instant.parse("2031-03-04T07:00:00Z");
    private static final Duration LEASE = Duration.ofMinutes(1);
    private static final PhoneNumber LISTENER = new PhoneNumber("+256772100200");

    private final Jdbi jdbi;
    private final Stores stores;
    private final SmsOutbox outbox;
    private final Fixtures fixtures;

    SmsOutboxTest(Jdbi jdbi) {
        this.jdbi = jdbi;
        this.stores = Stores.on(jdbi);
        this.outbox = stores.outbox();
        this.fixtures = new Fixtures(stores);
    }

    @Test
    void enqueueingStoresTheMessageAndItsOutboxEntryTogether() {
        Station station = fixtures.station(fixtures.network());
        OutboundSms sms = fixtures.outboundSms(station, LISTENER, "Your show starts in 10 minutes");

        SmsMessage queued = outbox.enqueue(sms, T0);

        assertThat(queued).isEqualTo(new SmsMessage(queued.id(), station.networkId(), station.id(), null,
                SmsDirection.OUTBOUND, "twilio", null, sms.idempotencyKey(), Fixtures.STATION_SMS_NUMBER.value(),
                LISTENER.value(), "Your show starts in 10 minutes", SmsStatus.QUEUED, null, null, T0, null, T0));
        assertThat(outbox.find(queued.id())).contains(new OutboxEntry(queued, 0, T0, null, null, null, false, null));
    }

    @Test
    void enqueueingAKeyAgainReturnsTheFirstMessageAndCreatesNothing() {
        Station station = fixtures.station(fixtures.network());
        OutboundSms sms = fixtures.outboundSms(station, LISTENER, "Reminder");
        SmsMessage first = outbox.enqueue(sms, T0);

        SmsMessage again = outbox.enqueue(sms, T0.plusSeconds(30));

        assertThat(again).isEqualTo(first);
        assertThat(messagesWithKey(sms.idempotencyKey())).isEqualTo(1);
        assertThat(outbox.find(first.id()).orElseThrow().nextAttemptAt()).isEqualTo(T0);
    }

    @Test
    void aKeyUsedForADifferentMessageIsAConflict() {
        Station station = fixtures.station(fixtures.network());
        OutboundSms sms = fixtures.outboundSms(station, LISTENER, "Reminder");
        SmsMessage first = outbox.enqueue(sms, T0);
        OutboundSms changed = OutboundSms.of(sms.network(), sms.station(), sms.provider(), sms.from(), sms.to(),
                "Another text", sms.idempotencyKey());

        assertThatThrownBy(() -> outbox.enqueue(changed, T0))
                .isInstanceOf(DomainException.Conflict.class)
                .hasMessage("idempotency key \"" + sms.idempotencyKey() + "\" was already used for " + first.id()
                        + ", a different message");
    }

    @Test
    void twoThreadsEnqueueingOneKeyAtOnceMakeOneMessage() throws Exception {
        Station station = fixtures.station(fixtures.network());
        for (int round = 0; round < 20; round++) {
            OutboundSms sms = fixtures.outboundSms(station, LISTENER, "Poll results at 9");
            List<SmsMessage> results = Concurrently.run(() -> outbox.enqueue(sms, T0), () -> outbox.enqueue(sms, T0));

            assertThat(results.get(0)).isEqualTo(results.get(1));
            assertThat(messagesWithKey(sms.idempotencyKey())).isEqualTo(1);
            assertThat(outbox.find(results.get(0).id())).isPresent();
        }
    }

    @Test
    void aNumberThatOptedOutGetsNothingButTheStopConfirmation() {
        Station station = fixtures.station(fixtures.network());
        stores.subscriptions().optOut(station.networkId(), LISTENER, null, T0);

        assertThatThrownBy(() -> outbox.enqueue(fixtures.outboundSms(station, LISTENER, "Reminder"), T0))
                .isInstanceOf(DomainException.Conflict.class)
                .hasMessage("+256772100200 opted out of " + station.networkId()
                        + " (texted STOP): it receives nothing until it texts START");
        SmsMessage confirmation = outbox.enqueue(
                fixtures.outboundSms(station, LISTENER, "You will get no more messages. Text START to resume.").asStopConfirmation(),
                T0);
        assertThat(mine(outbox.claim("worker-1", T0, LEASE, 1000), confirmation)).hasSize(1);
    }

    @Test
    void aMessageQueuedBeforeItsRecipientTextedStopIsDroppedNotClaimed() {
        Station station = fixtures.station(fixtures.network());
        SmsMessage queued = outbox.enqueue(fixtures.outboundSms(station, LISTENER, "Reminder"), T0);
        stores.subscriptions().optOut(station.networkId(), LISTENER, null, T0.plusSeconds(1));

        List<OutboxEntry> claimed = outbox.claim("worker-1", T0.plusSeconds(2), LEASE, 1000);

        assertThat(mine(claimed, queued)).isEmpty();
        assertThat(outbox.find(queued.id())).isEmpty();
        SmsMessage dropped = stores.sms().get(queued.id());
        assertThat(dropped.status()).isEqualTo(SmsStatus.FAILED);
        assertThat(dropped.errorCode()).isEqualTo(SmsOutbox.OPTED_OUT);
        assertThat(dropped.statusAt()).isEqualTo(T0.plusSeconds(2));
    }

    @Test
    void aMessageForAMissingNetworkOrAStationOfAnotherNetworkIsRefused() {
        Station station = fixtures.station(fixtures.network());
        NetworkId otherNetwork = fixtures.network().id();
        OutboundSms sms = fixtures.outboundSms(station, LISTENER, "hello");

        assertThatThrownBy(() -> outbox.enqueue(new OutboundSms(otherNetwork, station.id(), "twilio", sms.from(), sms.to(),
                sms.body(), sms.idempotencyKey(), false), T0))
                .isInstanceOf(DomainException.NotFound.class)
                .hasMessage(station.id() + " does not exist in " + otherNetwork);
        assertThatThrownBy(() -> outbox.enqueue(new OutboundSms(new NetworkId(987_654), null, "twilio", sms.from(), sms.to(),
                sms.body(), sms.idempotencyKey(), false), T0))
                .isInstanceOf(DomainException.NotFound.class)
                .hasMessage("network 987654 does not exist");
        assertThat(messagesWithKey(sms.idempotencyKey())).isZero();
    }

    @Test
    void aClaimTakesDueMessagesForALeaseAndAnotherWorkerGetsThemWhenItLapses() {
        Station station = fixtures.station(fixtures.network());
        SmsMessage first = outbox.enqueue(fixtures.outboundSms(station, LISTENER, "one"), T0);
        SmsMessage second = outbox.enqueue(fixtures.outboundSms(station, LISTENER, "two"), T0.plusSeconds(1));
        SmsMessage later = outbox.enqueue(fixtures.outboundSms(station, LISTENER, "later"), T0.plusSeconds(600));

        List<OutboxEntry> claimed = mine(outbox.claim("worker-1", T0.plusSeconds(2), LEASE, 1000), first, second, later);

        assertThat(claimed).extracting(entry -> entry.message().id()).containsExactly(first.id(), second.id());
        assertThat(claimed.getFirst()).isEqualTo(new OutboxEntry(first, 0, T0, "worker-1", T0.plusSeconds(2).plus(LEASE), null, false, null));
        assertThat(mine(outbox.claim("worker-2", T0.plusSeconds(3), LEASE, 1000), first, second, later)).isEmpty();
        assertThat(mine(outbox.claim("worker-2", T0.plusSeconds(2).plus(LEASE), LEASE, 1000), first, second, later))
                .extracting(entry -> entry.lockedBy()).containsExactly("worker-2", "worker-2");
    }

    @Test
    void twoWorkersClaimingAtOnceNeverGetTheSameMessage() throws Exception {
        Station station = fixtures.station(fixtures.network());
        Instant now = T0.plus(Duration.ofDays(1));
        List<SmsMessage> queued = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            queued.add(outbox.enqueue(fixtures.outboundSms(station, LISTENER, "message " + i), now));
        }
        SmsMessage[] all = queued.toArray(SmsMessage[]::new);

        List<List<SmsMessageId>> claims = Concurrently.run(() -> claimAll("worker-a", now, all), () -> claimAll("worker-b", now, all));

        Set<SmsMessageId> byA = new HashSet<>(claims.get(0));
        Set<SmsMessageId> byB = new HashSet<>(claims.get(1));
        assertThat(byA).hasSameSizeAs(claims.get(0)).doesNotContainAnyElementsOf(byB);
        assertThat(byB).hasSameSizeAs(claims.get(1));
        Set<SmsMessageId> both = new HashSet<>(byA);
        both.addAll(byB);
        assertThat(both).containsExactlyInAnyOrderElementsOf(queued.stream().map(SmsMessage::id).toList());
    }

    @Test
    void markingSentRecordsTheProviderIdAndTakesTheMessageOutOfTheOutbox() {
        Station station = fixtures.station(fixtures.network());
        SmsMessage queued = outbox.enqueue(fixtures.outboundSms(station, LISTENER, "Reminder"), T0);
        outbox.claim("worker-1", T0, LEASE, 1000);

        SmsMessage sent = outbox.markSent(queued.id(), "SM-sent-1", T0.plusSeconds(2));

        assertThat(sent.status()).isEqualTo(SmsStatus.SENT);
        assertThat(sent.providerMessageId()).isEqualTo("SM-sent-1");
        assertThat(sent.sentAt()).isEqualTo(T0.plusSeconds(2));
        assertThat(sent.statusAt()).isEqualTo(T0.plusSeconds(2));
        assertThat(outbox.find(queued.id())).isEmpty();
        assertThat(stores.sms().findByProviderId("twilio", "SM-sent-1")).contains(sent);
    }

    @Test
    void markingSentWithAnotherMessagesProviderIdOrAnInboundMessageIsRefused() {
        Station station = fixtures.station(fixtures.network());
        SmsMessage first = outbox.enqueue(fixtures.outboundSms(station, LISTENER, "one"), T0);
        SmsMessage second = outbox.enqueue(fixtures.outboundSms(station, LISTENER, "two"), T0);
        outbox.markSent(first.id(), "SM-dup-1", T0);
        SmsMessage inbound = stores.sms().storeInbound(fixtures.inboundSms(station, LISTENER.value(), "hi", T0));

        assertThatThrownBy(() -> outbox.markSent(second.id(), "SM-dup-1", T0))
                .isInstanceOf(DomainException.AlreadyExists.class)
                .hasMessage("twilio message SM-dup-1 is already recorded for another SMS message");
        assertThat(outbox.find(second.id())).isPresent();
        assertThatThrownBy(() -> outbox.markSent(inbound.id(), "SM-dup-2", T0))
                .isInstanceOf(DomainException.NotFound.class)
                .hasMessage(inbound.id() + " is not an outbound message");
    }

    @Test
    void aRetryCountsTheAttemptAndWaitsUntilItIsDue() {
        Station station = fixtures.station(fixtures.network());
        SmsMessage queued = outbox.enqueue(fixtures.outboundSms(station, LISTENER, "Reminder"), T0);
        outbox.claim("worker-1", T0, LEASE, 1000);

        assertThat(outbox.retry(queued.id(), "worker-1", "HTTP 503 from api.twilio.com", T0.plusSeconds(30))).isTrue();

        assertThat(outbox.find(queued.id())).contains(
                new OutboxEntry(queued, 1, T0.plusSeconds(30), null, null, "HTTP 503 from api.twilio.com", false, null));
        assertThat(mine(outbox.claim("worker-1", T0.plusSeconds(29), LEASE, 1000), queued)).isEmpty();
        assertThat(mine(outbox.claim("worker-1", T0.plusSeconds(30), LEASE, 1000), queued))
                .extracting(OutboxEntry::attempts).containsExactly(1);
    }

    @Test
    void handingOverHoldsTheClaimForTheRequestAndKeepsTheFirstTime() {
        Station station = fixtures.station(fixtures.network());
        SmsMessage queued = outbox.enqueue(fixtures.outboundSms(station, LISTENER, "Reminder"), T0);
        outbox.claim("worker-1", T0, LEASE, 1000);

        assertThat(outbox.handOver(queued.id(), "worker-1", T0.plusSeconds(50), LEASE)).isTrue();

        assertThat(outbox.find(queued.id()).orElseThrow().lockedUntil()).isEqualTo(T0.plusSeconds(50).plus(LEASE));
        assertThat(mine(outbox.claim("worker-2", T0.plus(LEASE), LEASE, 1000), queued)).isEmpty();
        outbox.retry(queued.id(), "worker-1", "timeout", T0.plusSeconds(120));
        outbox.claim("worker-2", T0.plusSeconds(120), LEASE, 1000);
        assertThat(outbox.handOver(queued.id(), "worker-2", T0.plusSeconds(121), LEASE)).isTrue();
        assertThat(outbox.find(queued.id()).orElseThrow().handedOverAt()).isEqualTo(T0.plusSeconds(50));
    }

    @Test
    void aMessageHandedOverBeforeItsRecipientTextedStopIsClaimedForTheWorkerToAskTheProviderNotDropped() {
        Station station = fixtures.station(fixtures.network());
        PhoneNumber stopper = Fixtures.uniquePhoneNumber();
        SmsMessage handedOver = outbox.enqueue(fixtures.outboundSms(station, stopper, "Reminder"), T0);
        SmsMessage neverSent = outbox.enqueue(fixtures.outboundSms(station, stopper, "Another"), T0.plusSeconds(1));
        outbox.claim("worker-1", T0.plusSeconds(1), LEASE, 1000);
        outbox.handOver(handedOver.id(), "worker-1", T0.plusSeconds(2), LEASE);
        outbox.retry(handedOver.id(), "worker-1", "timeout", T0.plusSeconds(10));
        outbox.release(neverSent.id(), "worker-1", T0.plusSeconds(10));
        stores.subscriptions().optOut(station.networkId(), stopper, null, T0.plusSeconds(5));

        List<OutboxEntry> claimed = outbox.claim("worker-2", T0.plusSeconds(10), LEASE, 1000);

        assertThat(claimed).extracting(entry -> entry.message().id()).contains(handedOver.id()).doesNotContain(neverSent.id());
        assertThat(stores.sms().get(neverSent.id()).errorCode()).isEqualTo(SmsOutbox.OPTED_OUT);
        assertThat(stores.sms().get(handedOver.id()).status()).isEqualTo(SmsStatus.QUEUED);
    }

    @Test
    void aWorkerThatLostItsClaimOrWhoseLeaseLapsedMayNotHandOver() {
        Station station = fixtures.station(fixtures.network());
        SmsMessage queued = outbox.enqueue(fixtures.outboundSms(station, LISTENER, "Reminder"), T0);
        outbox.claim("worker-1", T0, LEASE, 1000);

        assertThat(outbox.handOver(queued.id(), "worker-2", T0.plusSeconds(1), LEASE)).isFalse();
        assertThat(outbox.handOver(queued.id(), "worker-1", T0.plus(LEASE), LEASE)).isFalse();
        assertThat(outbox.find(queued.id()).orElseThrow().handedOverAt()).isNull();
    }

    @Test
    void aReleaseGivesAClaimBackWithoutCountingAnAttempt() {
        Station station = fixtures.station(fixtures.network());
        SmsMessage queued = outbox.enqueue(fixtures.outboundSms(station, LISTENER, "Reminder"), T0);
        outbox.claim("worker-1", T0, LEASE, 1000);

        assertThat(outbox.release(queued.id(), "worker-1", T0.plusSeconds(1))).isTrue();

        assertThat(outbox.find(queued.id())).contains(new OutboxEntry(queued, 0, T0.plusSeconds(1), null, null, null, false, null));
    }

    @Test
    void failingForGoodRecordsTheErrorAndTakesTheMessageOutOfTheOutbox() {
        Station station = fixtures.station(fixtures.network());
        SmsMessage queued = outbox.enqueue(fixtures.outboundSms(station, LISTENER, "Reminder"), T0);
        outbox.claim("worker-1", T0, LEASE, 1000);

        assertThat(outbox.fail(queued.id(), "worker-1", "21211", "Invalid 'To' Phone Number", T0.plusSeconds(1))).isTrue();

        SmsMessage failed = stores.sms().get(queued.id());
        assertThat(failed.status()).isEqualTo(SmsStatus.FAILED);
        assertThat(failed.errorCode()).isEqualTo("21211");
        assertThat(failed.errorMessage()).isEqualTo("Invalid 'To' Phone Number");
        assertThat(failed.statusAt()).isEqualTo(T0.plusSeconds(1));
        assertThat(outbox.find(queued.id())).isEmpty();
    }

    @Test
    void aWorkerWhoseClaimLapsedCannotSettleTheMessageButCanRecordItWasSent() {
        Station station = fixtures.station(fixtures.network());
        SmsMessage queued = outbox.enqueue(fixtures.outboundSms(station, LISTENER, "Reminder"), T0);
        outbox.claim("slow-worker", T0, LEASE, 1000);
        assertThat(mine(outbox.claim("next-worker", T0.plus(LEASE), LEASE, 1000), queued)).hasSize(1);

        assertThat(outbox.retry(queued.id(), "slow-worker", "timeout", T0.plusSeconds(90))).isFalse();
        assertThat(outbox.release(queued.id(), "slow-worker", T0.plusSeconds(90))).isFalse();
        assertThat(outbox.fail(queued.id(), "slow-worker", "timeout", "gave up", T0.plusSeconds(90))).isFalse();
        assertThat(outbox.find(queued.id()).orElseThrow().lockedBy()).isEqualTo("next-worker");

        // The provider accepted the slow worker's send: the message must not go out a second time.
        outbox.markSent(queued.id(), "SM-slow-1", T0.plusSeconds(91));
        assertThat(outbox.find(queued.id())).isEmpty();
        assertThat(outbox.retry(queued.id(), "next-worker", "timeout", T0.plusSeconds(95))).isFalse();
    }

    @Test
    void workerRequestsAreCheckedBeforeTheDatabaseIsAsked() {
        assertThatThrownBy(() -> outbox.claim("", T0, LEASE, 10))
                .isInstanceOf(DomainException.Invalid.class).hasMessage("outbox worker id must be 1 to 100 characters, got 0");
        assertThatThrownBy(() -> outbox.claim("worker-1", T0, Duration.ZERO, 10))
                .isInstanceOf(DomainException.Invalid.class).hasMessage("an outbox lease must be positive, got PT0S");
        assertThatThrownBy(() -> outbox.claim("worker-1", T0, LEASE, 0))
                .isInstanceOf(DomainException.Invalid.class).hasMessage("claim size must be between 1 and 1000, got 0");
    }

    /** Claims in small batches until nothing is due, keeping the ids of the given messages. */
    private List<SmsMessageId> claimAll(String worker, Instant now, SmsMessage... wanted) {
        List<SmsMessageId> claimed = new ArrayList<>();
        List<OutboxEntry> batch;
        do {
            batch = outbox.claim(worker, now, Duration.ofHours(1), 3);
            mine(batch, wanted).forEach(entry -> claimed.add(entry.message().id()));
        } while (!batch.isEmpty());
        return claimed;
    }

    private static List<OutboxEntry> mine(List<OutboxEntry> claimed, SmsMessage... messages) {
        Set<SmsMessageId> ids = new HashSet<>();
        for (SmsMessage message : messages) {
            ids.add(message.id());
        }
        return claimed.stream().filter(entry -> ids.contains(entry.message().id())).toList();
    }

    private int messagesWithKey(String key) {
        return jdbi.withHandle(h -> h.createQuery("select count(*) from sms_messages where idempotency_key = :key")
                .bind("key", key).mapTo(Integer.class).one());
    }
}

package org.baraza.sms.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.random.RandomGenerator;

import org.baraza.core.PhoneNumber;
import org.baraza.core.db.Stores;
import org.baraza.core.sms.OutboxEntry;
import org.baraza.core.sms.SmsMessage;
import org.baraza.core.sms.SmsOutbox;
import org.baraza.core.sms.SmsStatus;
import org.baraza.core.station.Station;
import org.baraza.core.testing.Fixtures;
import org.baraza.sms.fake.FakeTwilio;
import org.baraza.sms.fake.Fault;
import org.baraza.core.testing.ManualClock;
import org.baraza.sms.twilio.TwilioGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The worker with PostgreSQL, the real Twilio SDK and the fake Twilio over HTTP. Each test has its own
 * database (a claim takes every due message) and moves a manual clock, sweeping by hand; the last starts the
 * worker's thread.
 */
class OutboxWorkerTest {

    private static final Instant T0 = Instant.parse("2031-03-04T07:00:00Z");
    private static final PhoneNumber LISTENER = new PhoneNumber("+256772100200");
    private static final Duration BACKOFF = Duration.ofSeconds(10);
    private static final Duration TIMEOUT = Duration.ofSeconds(1);

    private final OutboxRig rig = new OutboxRig(TIMEOUT);
    private final Stores stores = rig.stores;
    private final Fixtures fixtures = rig.fixtures;
    private final Station station = rig.station;
    private final FakeTwilio twilio = rig.twilio;
    private final TwilioGateway gateway = rig.gateway;
    private final ManualClock clock = new ManualClock(T0);
    private final OutboxSettings settings = new OutboxSettings("worker-1", Duration.ofSeconds(1), TIMEOUT, 3, BACKOFF,
            Duration.ofSeconds(1), 10);
    private final OutboxWorker worker = worker(clock, RandomGenerator.getDefault());

    @AfterEach
    void stop() {
        rig.close();
    }

    @Test
    void aQueuedMessageIsSentAndTwiliosSidRecorded() {
        SmsMessage queued = enqueue(LISTENER, "Your show starts in 15 minutes");

        worker.sweep();

        FakeTwilio.Accepted accepted = twilio.accepted().getFirst();
        assertThat(accepted.statusCallback()).isEqualTo(OutboxRig.callbackOf(queued.id().value()));
        SmsMessage sent = stores.sms().get(queued.id());
        assertThat(sent.status()).isEqualTo(SmsStatus.SENT);
        assertThat(sent.providerMessageId()).isEqualTo(accepted.sid());
        assertThat(sent.sentAt()).isEqualTo(T0);
        assertThat(stores.outbox().find(queued.id())).isEmpty();
    }

    @Test
    void aServerErrorIsRetriedAfterABackoffWithJitter() {
        SmsMessage queued = enqueue(LISTENER, "Reminder");
        twilio.failNext(1, Fault.serverError());

        worker.sweep();

        OutboxEntry waiting = stores.outbox().find(queued.id()).orElseThrow();
        assertThat(waiting.attempts()).isEqualTo(1);
        assertThat(waiting.lastError()).isEqualTo("20500: Internal Server Error");
        assertThat(waiting.nextAttemptAt()).isBetween(T0.plus(BACKOFF.dividedBy(2)), T0.plus(BACKOFF));
        clock.advance(Duration.between(T0, waiting.nextAttemptAt()));
        worker.sweep();
        assertThat(stores.sms().get(queued.id()).status()).isEqualTo(SmsStatus.SENT);
        assertThat(twilio.accepted()).hasSize(1);
    }

    @Test
    void tooManyRequestsWaitsAsLongAsTwilioAsks() {
        SmsMessage queued = enqueue(LISTENER, "Reminder");
        twilio.failNext(1, Fault.tooManyRequests(Duration.ofSeconds(45)));

        worker.sweep();

        assertThat(stores.outbox().find(queued.id()).orElseThrow().nextAttemptAt()).isEqualTo(T0.plusSeconds(45));
    }

    @Test
    void aRefusalFailsTheMessageWithTwiliosError() {
        SmsMessage queued = enqueue(LISTENER, "Reminder");
        twilio.unsubscribe(LISTENER.value());

        worker.sweep();

        SmsMessage failed = stores.sms().get(queued.id());
        assertThat(failed.status()).isEqualTo(SmsStatus.FAILED);
        assertThat(failed.errorCode()).isEqualTo("21610");
        assertThat(failed.errorMessage()).isEqualTo("Attempt to send to unsubscribed recipient");
        assertThat(stores.outbox().find(queued.id())).isEmpty();
    }

    @Test
    void theLastAttemptFailsTheMessageWithTheProvidersLastError() {
        SmsMessage queued = enqueue(LISTENER, "Reminder");
        twilio.failNext(3, Fault.serverError());

        for (int attempt = 0; attempt < 3; attempt++) {
            worker.sweep();
            clock.advance(Backoff.CEILING);
        }

        SmsMessage failed = stores.sms().get(queued.id());
        assertThat(failed.status()).isEqualTo(SmsStatus.FAILED);
        assertThat(failed.errorCode()).isEqualTo("20500");
        assertThat(twilio.messageRequests()).isEqualTo(3);
    }

    @Test
    void aMessageWhoseRequestTimedOutIsFoundAtTwilioAndNotSentAgain() {
        // The fake stamps its messages with the real clock: the worker's starts there.
        ManualClock now = new ManualClock(Instant.now());
        OutboxWorker worker = worker(now, RandomGenerator.getDefault());
        SmsMessage queued = stores.outbox().enqueue(fixtures.outboundSms(station, LISTENER, "Reminder"), now.instant());
        twilio.failNext(1, Fault.slowAnswer(TIMEOUT.multipliedBy(4)));

        worker.sweep();
        assertThat(stores.outbox().find(queued.id()).orElseThrow().lastError()).startsWith("timeout: ");
        now.advance(Backoff.CEILING);
        worker.sweep();

        assertThat(twilio.accepted()).hasSize(1);
        assertThat(twilio.messageRequests()).isEqualTo(1);
        SmsMessage sent = stores.sms().get(queued.id());
        assertThat(sent.status()).isEqualTo(SmsStatus.SENT);
        assertThat(sent.providerMessageId()).isEqualTo(twilio.accepted().getFirst().sid());
    }

    @Test
    void oneSenderSendsOneMessagePerIntervalAndTheOthersWaitTheirTurn() {
        SmsMessage first = enqueue(LISTENER, "one");
        SmsMessage second = enqueue(LISTENER, "two");
        SmsMessage third = enqueue(LISTENER, "three");

        worker.sweep();

        assertThat(twilio.accepted()).extracting(FakeTwilio.Accepted::body).containsExactly("one");
        assertThat(stores.outbox().find(second.id()).orElseThrow().nextAttemptAt()).isEqualTo(T0.plusSeconds(1));
        assertThat(stores.outbox().find(third.id()).orElseThrow().nextAttemptAt()).isEqualTo(T0.plusSeconds(2));
        assertThat(stores.outbox().find(third.id()).orElseThrow().attempts()).isZero();
        clock.advance(Duration.ofSeconds(1));
        worker.sweep();
        clock.advance(Duration.ofSeconds(1));
        worker.sweep();
        assertThat(twilio.accepted()).extracting(FakeTwilio.Accepted::body).containsExactly("one", "two", "three");
        assertThat(stores.sms().get(first.id()).status()).isEqualTo(SmsStatus.SENT);
    }

    @Test
    void aStopThatArrivesAfterTheClaimStillStopsTheMessage() {
        SmsMessage queued = enqueue(LISTENER, "Reminder");
        List<OutboxEntry> claimed = stores.outbox().claim("worker-1", T0, settings.claimLease(), 10);
        stores.subscriptions().optOut(station.networkId(), LISTENER, null, T0);

        delivery(clock).settle(claimed.getFirst());

        assertThat(twilio.messageRequests()).isZero();
        SmsMessage dropped = stores.sms().get(queued.id());
        assertThat(dropped.status()).isEqualTo(SmsStatus.FAILED);
        assertThat(dropped.errorCode()).isEqualTo(SmsOutbox.OPTED_OUT);
    }

    @Test
    void theStopConfirmationReachesTheNumberThatOptedOut() {
        stores.subscriptions().optOut(station.networkId(), LISTENER, null, T0);
        SmsMessage confirmation = stores.outbox().enqueue(
                fixtures.outboundSms(station, LISTENER, "You will get no more messages. Text START to resume.").asStopConfirmation(), T0);

        worker.sweep();

        assertThat(stores.sms().get(confirmation.id()).status()).isEqualTo(SmsStatus.SENT);
    }

    @Test
    void theRunningWorkerSendsWhatIsQueuedWhenWokenAndPutsBackWhatItHoldsWhenClosed() {
        try (OutboxWorker running = OutboxWorker.start(settings, stores.outbox(), stores.sms(), stores.subscriptions(), gateway,
                Clock.systemUTC())) {
            SmsMessage queued = stores.outbox().enqueue(fixtures.outboundSms(station, LISTENER, "now"), Instant.now());
            running.wake();

            await().atMost(Duration.ofSeconds(10)).until(() -> stores.sms().get(queued.id()).status() == SmsStatus.SENT);
        }
    }

    private SmsMessage enqueue(PhoneNumber to, String body) {
        return stores.outbox().enqueue(fixtures.outboundSms(station, to, body), clock.instant());
    }

    private OutboxWorker worker(Clock clock, RandomGenerator random) {
        return new OutboxWorker(settings, stores.outbox(), stores.sms(), stores.subscriptions(), gateway, clock, random);
    }

    private OutboxDelivery delivery(Clock clock) {
        return new OutboxDelivery(settings, stores.outbox(), stores.sms(), stores.subscriptions(), gateway, clock,
                new SenderPacing(settings.senderInterval()), new Backoff(BACKOFF, RandomGenerator.getDefault()));
    }
}

package org.baraza.sms.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.baraza.core.PhoneNumber;
import org.baraza.core.db.Stores;
import org.baraza.core.sms.OutboundSms;
import org.baraza.core.sms.SmsMessage;
import org.baraza.core.sms.SmsOutbox;
import org.baraza.core.sms.SmsStatus;
import org.baraza.core.station.Station;
import org.baraza.core.testing.Fixtures;
import org.baraza.sms.fake.FakeTwilio;
import org.baraza.sms.fake.Fault;
import org.baraza.sms.twilio.TwilioGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A thousand messages from ten station numbers to a hundred listeners, through two workers on the real clock,
 * while the fake Twilio answers some requests with 500, some with 429 (with and without Retry-After) and
 * some too late (having accepted the message); one worker is stopped midway and another takes its place, and
 * one listener texts STOP while its messages are still queued. Every message reaches Twilio exactly once
 * (counted by the status callback URL, which carries Baraza's id), and the listener who stopped gets nothing
 * after its STOP.
 */
class ThousandMessagesTest {

    private static final Duration TIMEOUT = Duration.ofMillis(500);
    private static final PhoneNumber STOPPER = new PhoneNumber("+256772100207");

    private final OutboxRig rig = new OutboxRig(TIMEOUT);
    private final Stores stores = rig.stores;
    private final Fixtures fixtures = rig.fixtures;
    private final Station station = rig.station;
    private final FakeTwilio twilio = rig.twilio;
    private final TwilioGateway gateway = rig.gateway;
    private final List<OutboxWorker> workers = new ArrayList<>();

    @AfterEach
    void stop() {
        workers.forEach(OutboxWorker::close);
        rig.close();
    }

    @Test
    void everyMessageIsSentExactlyOnceThroughFailuresAndARestart() throws Exception {
        twilio.plan(n -> n % 11 == 0 ? Fault.serverError()
                : n % 13 == 0 ? Fault.tooManyRequests(n % 2 == 0 ? Duration.ofSeconds(1) : null)
                : n % 29 == 0 ? Fault.slowAnswer(TIMEOUT.multipliedBy(3))
                : null);
        List<SmsMessage> queued = enqueueThousand();

        OutboxWorker first = start("worker-a");
        start("worker-b");
        await().atMost(Duration.ofMinutes(2)).until(() -> twilio.accepted().size() >= 300);
        stores.subscriptions().optOut(station.networkId(), STOPPER, null, Instant.now());
        Instant stopped = Instant.now();
        await().atMost(Duration.ofMinutes(2)).until(() -> twilio.accepted().size() >= 500);
        first.close();
        start("worker-c");
        await().atMost(Duration.ofMinutes(3)).until(() -> outboxSize() == 0);

        Map<String, List<FakeTwilio.Accepted>> byCallback = twilio.accepted().stream()
                .collect(Collectors.groupingBy(FakeTwilio.Accepted::statusCallback));
        assertThat(byCallback.values()).allSatisfy(copies -> assertThat(copies).hasSize(1));
        Map<SmsStatus, List<SmsMessage>> outcome = queued.stream().map(m -> stores.sms().get(m.id()))
                .collect(Collectors.groupingBy(SmsMessage::status));
        assertThat(outcome.keySet()).containsOnly(SmsStatus.SENT, SmsStatus.FAILED);
        assertThat(outcome.get(SmsStatus.FAILED)).isNotEmpty().allSatisfy(failed -> {
            assertThat(failed.toAddress()).isEqualTo(STOPPER.value());
            assertThat(failed.errorCode()).isEqualTo(SmsOutbox.OPTED_OUT);
        });
        Map<String, FakeTwilio.Accepted> accepted = twilio.accepted().stream()
                .collect(Collectors.toMap(FakeTwilio.Accepted::statusCallback, Function.identity()));
        assertThat(outcome.get(SmsStatus.SENT)).hasSize(accepted.size()).allSatisfy(sent -> assertThat(sent.providerMessageId())
                .isEqualTo(accepted.get(OutboxRig.callbackOf(sent.id().value())).sid()));
        // The STOP is checked just before each request: a request already on its way when the STOP came may
        // still land, at most one per running worker (each sends one message at a time).
        assertThat(twilio.accepted()).filteredOn(message -> message.to().equals(STOPPER.value()))
                .filteredOn(message -> message.createdAt().isAfter(stopped))
                .hasSizeLessThanOrEqualTo(2);
        assertThat(twilio.messageRequests()).isGreaterThan(1000);
    }

    /** Queued from four threads at once, as several parts of Baraza would. */
    private List<SmsMessage> enqueueThousand() throws InterruptedException, ExecutionException {
        List<Callable<SmsMessage>> enqueues = IntStream.range(0, 1000)
                .<Callable<SmsMessage>>mapToObj(i -> () -> stores.outbox().enqueue(sms(i), Instant.now()))
                .toList();
        List<SmsMessage> queued = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(4)) {
            for (Future<SmsMessage> enqueued : threads.invokeAll(enqueues)) {
                queued.add(enqueued.get());
            }
        }
        return queued;
    }

    private OutboundSms sms(int i) {
        // Each listener's ten messages are spread over the whole queue, from several station numbers.
        PhoneNumber from = new PhoneNumber("+2563121001" + String.format("%02d", (i / 7) % 10));
        PhoneNumber to = new PhoneNumber("+2567721002" + String.format("%02d", i % 100));
        return OutboundSms.of(station.networkId(), station.id(), "twilio", from, to, "Message " + i + " from Baraza",
                "thousand:" + i);
    }

    private OutboxWorker start(String id) {
        OutboxSettings settings = new OutboxSettings(id, Duration.ofMillis(1), TIMEOUT, 20, Duration.ofMillis(5),
                Duration.ofMillis(50), 20);
        OutboxWorker worker = OutboxWorker.start(settings, stores.outbox(), stores.sms(), stores.subscriptions(), gateway,
                Clock.systemUTC());
        workers.add(worker);
        return worker;
    }

    private long outboxSize() {
        return rig.database.jdbi().withHandle(h -> h.createQuery("select count(*) from sms_outbox").mapTo(Long.class).one());
    }
}

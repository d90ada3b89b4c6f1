package org.baraza.sms.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.baraza.core.Ids.SmsMessageId;
import org.baraza.core.PhoneNumber;
import org.baraza.sms.Lookup;
import org.baraza.sms.OutgoingSms;
import org.baraza.sms.SendResult;
import org.baraza.sms.fake.FakeTwilio;
import org.baraza.sms.fake.Fault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The real Twilio SDK, through {@link TwilioGateway}, against a fake of Twilio's REST API over real HTTP. */
class TwilioGatewayTest {

    private static final String SID = "AC00000000000000000000000000000001";
    private static final String TOKEN = "secret-token";
    private static final URI PUBLIC_URL = URI.create("https://radio.example.org");
    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final OutgoingSms SMS = new OutgoingSms(new SmsMessageId(42), new PhoneNumber("+256312100100"),
            new PhoneNumber("+256772100200"), "Your show starts in 15 minutes");

    private final FakeTwilio twilio = FakeTwilio.start(SID, TOKEN);
    private final TwilioGateway gateway = gateway(TOKEN);

    @AfterEach
    void stop() {
        twilio.close();
    }

    @Test
    void anAcceptedMessageHasTwiliosSidAndItsStatusCallbackNamesBarazasId() {
        SendResult result = gateway.send(SMS);

        FakeTwilio.Accepted accepted = twilio.accepted().getFirst();
        assertThat(result).isEqualTo(new SendResult.Accepted(accepted.sid(), "queued"));
        assertThat(accepted).isEqualTo(new FakeTwilio.Accepted(accepted.sid(), "+256312100100", "+256772100200",
                "Your show starts in 15 minutes", "https://radio.example.org/sms/twilio/status/42", accepted.createdAt()));
        assertThat(accepted.sid()).matches("SM[0-9a-f]{32}");
    }

    @Test
    void tooManyRequestsIsRetryableAfterTheWaitTwilioAsksFor() {
        twilio.failNext(1, Fault.tooManyRequests(Duration.ofSeconds(7)));
        twilio.failNext(1, Fault.tooManyRequests(null));

        assertThat(gateway.send(SMS)).isEqualTo(new SendResult.Retryable("20429", "Too Many Requests", Duration.ofSeconds(7)));
        assertThat(gateway.send(SMS)).isEqualTo(SendResult.Retryable.of("20429", "Too Many Requests"));
        assertThat(twilio.accepted()).isEmpty();
    }

    @Test
    void aServerErrorIsRetryableAndTheSdkDoesNotRetryItByItself() {
        twilio.failNext(1, Fault.serverError());

        assertThat(gateway.send(SMS)).isEqualTo(SendResult.Retryable.of("20500", "Internal Server Error"));
        assertThat(twilio.messageRequests()).isEqualTo(1);
    }

    @Test
    void aTimeoutIsRetryableThoughTwilioMayHaveTheMessage() {
        twilio.failNext(1, Fault.slowAnswer(TIMEOUT.multipliedBy(3)));

        SendResult result = gateway.send(SMS);

        assertThat(result).isInstanceOfSatisfying(SendResult.Retryable.class, r -> {
            assertThat(r.code()).isEqualTo("timeout");
            assertThat(r.message()).isEqualTo("no answer from " + twilio.baseUrl() + " within 2000 ms");
        });
        assertThat(twilio.accepted()).hasSize(1);
    }

    @Test
    void anInvalidNumberOrAnUnsubscribedRecipientIsRefusedForGood() {
        twilio.unsubscribe("+256772100200");
        OutgoingSms toNowhere = new OutgoingSms(SMS.id(), SMS.from(), new PhoneNumber("0772100200"), SMS.body());

        assertThat(gateway.send(toNowhere)).isEqualTo(new SendResult.Permanent("21211", "Invalid 'To' Phone Number: 0772100200"));
        assertThat(gateway.send(SMS)).isEqualTo(new SendResult.Permanent("21610", "Attempt to send to unsubscribed recipient"));
    }

    @Test
    void aWrongTokenIsRefusedForGood() {
        assertThat(gateway("wrong-token").send(SMS)).isEqualTo(new SendResult.Permanent("20003", "Authenticate"));
    }

    @Test
    void noServerListeningIsRetryable() {
        URI closed = twilio.baseUrl();
        twilio.close();

        SendResult result = new TwilioGateway(new TwilioSettings(SID, TOKEN, closed, PUBLIC_URL, TIMEOUT)).send(SMS);

        assertThat(result).isInstanceOfSatisfying(SendResult.Retryable.class, r -> assertThat(r.code()).isEqualTo("io"));
    }

    @Test
    void aMessageThatTimedOutIsFoundAmongTheMessagesBetweenTheTwoNumbers() {
        Instant before = Instant.now().minusSeconds(5);
        gateway.send(new OutgoingSms(new SmsMessageId(41), SMS.from(), SMS.to(), "another text"));
        twilio.failNext(1, Fault.slowAnswer(TIMEOUT.multipliedBy(3)));
        gateway.send(SMS);
        String sid = twilio.accepted().getLast().sid();

        assertThat(gateway.find(SMS, before)).isEqualTo(new Lookup.Matches(List.of(new SendResult.Accepted(sid, "queued"))));
        assertThat(gateway.find(SMS, Instant.now().plusSeconds(60))).isEqualTo(new Lookup.Matches(List.of()));
        assertThat(gateway.find(new OutgoingSms(SMS.id(), SMS.from(), new PhoneNumber("+256772999999"), SMS.body()), before))
                .isEqualTo(new Lookup.Matches(List.of()));
    }

    private TwilioGateway gateway(String token) {
        return new TwilioGateway(new TwilioSettings(SID, token, twilio.baseUrl(), PUBLIC_URL, TIMEOUT));
    }
}

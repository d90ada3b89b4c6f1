package org.baraza.sms.twilio;

import java.io.ByteArrayInputStream;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;
import com.twilio.exception.RestException;
import com.twilio.exception.TwilioException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.type.PhoneNumber;
import org.baraza.sms.Lookup;
import org.baraza.sms.OutgoingSms;
import org.baraza.sms.SendResult;
import org.baraza.sms.SmsGateway;

/**
 * Twilio's adapter, on the official SDK: each message is one {@code POST .../Messages.json} through a
 * {@link TwilioRestClient} built for this configuration (no static {@code Twilio.init}), with Baraza's message
 * id in its status callback URL. HTTP 429 and 5xx answers, timeouts and broken connections are retryable;
 * other refusals (21211 invalid number, 21610 unsubscribed recipient, ...) are permanent. Twilio offers no
 * idempotency key for messages, so {@link #find} lists the recent messages between the two numbers.
 * Lives as long as the process; thread-safe.
 */
public final class TwilioGateway implements SmsGateway {

    public static final String PROVIDER = "twilio";
    /** Twilio lists newest first; a message sought is among the latest between two numbers. */
    private static final long LOOKUP_PAGE = 50;

    private final TwilioSettings settings;
    private final TwilioRestClient client;
    private final ObjectMapper json = new ObjectMapper();

    public TwilioGateway(TwilioSettings settings) {
        this.settings = settings;
        this.client = new TwilioRestClient.Builder(settings.accountSid(), settings.authToken())
                .httpClient(new TwilioHttp(settings.apiBase(), settings.timeout()))
                .build();
    }

    @Override
    public String provider() {
        return PROVIDER;
    }

    @Override
    public SendResult send(OutgoingSms sms) {
        try {
            Message message = Message.creator(new PhoneNumber(sms.to().value()), new PhoneNumber(sms.from().value()), sms.body())
                    .setStatusCallback(settings.statusCallback(sms.id().value()))
                    .create(client);
            return new SendResult.Accepted(message.getSid(), String.valueOf(message.getStatus()));
        } catch (TwilioException | ProviderBusy e) {
            return failure(e);
        }
    }

    @Override
    public Lookup find(OutgoingSms sms, Instant since) {
        try {
            List<SendResult.Accepted> matches = Message.reader()
                    .setTo(new PhoneNumber(sms.to().value()))
                    .setFrom(new PhoneNumber(sms.from().value()))
                    .setPageSize(LOOKUP_PAGE)
                    .firstPage(client)
                    .getRecords().stream()
                    .filter(message -> sms.body().equals(message.getBody()))
                    .filter(message -> message.getDateCreated() == null || !message.getDateCreated().toInstant().isBefore(since))
                    .map(message -> new SendResult.Accepted(message.getSid(), String.valueOf(message.getStatus())))
                    .toList();
            return new Lookup.Matches(matches);
        } catch (TwilioException | ProviderBusy e) {
            return switch (failure(e)) {
                case SendResult.Retryable retryable -> new Lookup.Failed(retryable);
                case SendResult.Permanent permanent -> new Lookup.Failed(SendResult.Retryable.of(permanent.code(), permanent.message()));
                case SendResult.Accepted accepted -> throw new IllegalStateException("a failure was " + accepted);
            };
        }
    }

    private SendResult failure(RuntimeException e) {
        return switch (e) {
            case ProviderBusy busy -> {
                RestException error = parse(busy.body());
                yield new SendResult.Retryable(error == null || error.getCode() == null ? "http-429" : error.getCode().toString(),
                        error == null ? busy.getMessage() : error.getMessage(), busy.retryAfter());
            }
            case ApiConnectionException broken -> SendResult.Retryable.of(
                    broken.getCause() instanceof HttpTimeoutException ? "timeout" : "io", broken.getMessage());
            case ApiException refused -> refusal(refused);
            default -> SendResult.Retryable.of("twilio", e.getMessage());
        };
    }

    private static SendResult refusal(ApiException refused) {
        Integer status = refused.getStatusCode();
        String code = refused.getCode() != null ? refused.getCode().toString() : "http-" + status;
        boolean retryable = status == null || status == 429 || status >= 500;
        return retryable ? SendResult.Retryable.of(code, refused.getMessage()) : new SendResult.Permanent(code, refused.getMessage());
    }

    private RestException parse(String body) {
        try {
            return RestException.fromJson(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), json);
        } catch (RuntimeException unreadable) {
            return null;
        }
    }
}

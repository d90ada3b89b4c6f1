package org.baraza.server.sms;

import java.net.URI;
import java.time.Clock;
import java.util.Optional;

import org.baraza.core.DomainException;
import org.baraza.core.config.SmsConfig;
import org.baraza.core.db.Stores;
import org.baraza.sms.keyword.SmsRouter;

import io.javalin.config.JavalinConfig;
import io.javalin.http.ConflictResponse;
import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.ServiceUnavailableResponse;
import io.javalin.http.UnprocessableContentResponse;

/**
 * The SMS provider's webhooks on the telephony server, under {@code /sms/twilio/}:
 * <ul>
 *   <li>{@code POST /sms/twilio/inbound}: a text to a station's number ({@link InboundWebhook}): 200 with TwiML;</li>
 *   <li>{@code POST /sms/twilio/status/{id}} and {@code POST /sms/twilio/status}: delivery status of an outbound
 *       message, by Baraza's id or by MessageSid ({@link StatusWebhook}): 204.</li>
 * </ul>
 * Every request is checked first ({@link TwilioSignature}): 403 unsigned or wrongly signed, 415 not a form, 413
 * larger than {@value TwilioForm#MAX_BYTES} bytes, 400 malformed or not UTF-8. A refused domain value answers
 * 404 (unknown), 409 (clashing) or 422 (invalid), and nothing is stored. With {@code sms.provider = none} every
 * route answers 503 saying so.
 *
 * <p>Lives as long as the server that registered it; stateless, its handlers run on any request thread.
 */
public final class SmsWebhooks {

    static final String ROOT = "/sms/twilio";

    private final SmsConfig config;
    /** Empty when Twilio is not the provider: there is no token to check against. */
    private final Optional<TwilioSignature> signature;
    private final InboundWebhook inbound;
    private final StatusWebhook status;

    public SmsWebhooks(SmsConfig config, URI publicUrl, Stores stores, Clock clock) {
        this.config = config;
        this.signature = SmsConfig.TWILIO.equals(config.provider())
                ? Optional.of(new TwilioSignature(config.twilioAuthToken(), publicUrl)) : Optional.empty();
        this.inbound = new InboundWebhook(stores, new SmsRouter(stores), clock);
        this.status = new StatusWebhook(stores, clock);
    }

    /** Adds the routes and their check to a server being configured. */
    public void register(JavalinConfig javalin) {
        javalin.routes.before(ROOT + "/*", ctx -> signature
                .orElseThrow(() -> new ServiceUnavailableResponse("SMS is off on this server: sms.provider is " + config.provider()))
                .check(ctx));
        javalin.routes.post(ROOT + "/inbound", refusingDomainErrors(inbound::handle));
        javalin.routes.post(ROOT + "/status", refusingDomainErrors(status::bySid));
        javalin.routes.post(ROOT + "/status/{id}", refusingDomainErrors(status::byId));
    }

    private static Handler refusingDomainErrors(Handler handler) {
        return ctx -> {
            try {
                handler.handle(ctx);
            } catch (DomainException e) {
                throw refusal(e);
            }
        };
    }

    private static HttpResponseException refusal(DomainException e) {
        return switch (e) {
            case DomainException.NotFound notFound -> new NotFoundResponse(e.getMessage());
            case DomainException.Invalid invalid -> new UnprocessableContentResponse(e.getMessage());
            case DomainException.AlreadyExists exists -> new ConflictResponse(e.getMessage());
            case DomainException.InUse inUse -> new ConflictResponse(e.getMessage());
            case DomainException.Conflict conflict -> new ConflictResponse(e.getMessage());
        };
    }
}

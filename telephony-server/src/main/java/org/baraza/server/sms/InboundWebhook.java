package org.baraza.server.sms;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.baraza.core.DomainException;
import org.baraza.core.PhoneNumber;
import org.baraza.core.db.Stores;
import org.baraza.core.sms.InboundSms;
import org.baraza.core.sms.SmsMessage;
import org.baraza.core.station.Station;
import org.baraza.sms.keyword.Routed;
import org.baraza.sms.keyword.SmsRouter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;

/**
 * {@code POST /sms/twilio/inbound}: a text to one of the stations' numbers. Stored first (once per MessageSid: a
 * retried webhook is answered 200 with no reply and changes nothing), then routed by keyword, once; answered with
 * TwiML. A text stored but not routed (the server failed in between, so Twilio retries) is routed on the retry.
 * Stateless; any thread.
 */
final class InboundWebhook {

    private static final Logger LOG = LoggerFactory.getLogger(InboundWebhook.class);
    static final String PROVIDER = "twilio";

    private final Stores stores;
    private final SmsRouter router;
    private final Clock clock;

    InboundWebhook(Stores stores, SmsRouter router, Clock clock) {
        this.stores = stores;
        this.router = router;
        this.clock = clock;
    }

    void handle(Context ctx) {
        TwilioForm form = TwilioSignature.form(ctx);
        String sid = form.required("MessageSid");
        String from = form.required("From");
        String to = form.required("To");
        String body = form.optional("Body").orElse("");
        Station station = stationOf(to).orElseThrow(() -> new NotFoundResponse("no station has the number " + to));
        Instant now = clock.instant();
        SmsMessage message;
        try {
            message = stores.sms().storeInbound(new InboundSms(station.networkId(), station.id(), PROVIDER, sid, from, to, body, now));
        } catch (DomainException.AlreadyExists retried) {
            message = stores.sms().findByProviderId(PROVIDER, sid).orElseThrow(() -> retried);
            if (stores.sms().isRouted(message.id())) {
                LOG.info("SMS {} came again; it was received and routed already", sid);
                answer(ctx, Optional.empty());
                return;
            }
            // Stored, but the server failed before routing it (Twilio retries what was not answered 200): a STOP
            // must still stop, a vote still count.
            LOG.warn("SMS {} came again, stored but never routed; routing it now", sid);
        }
        Routed routed = router.route(message, station, now);
        stores.sms().markRouted(message.id(), now);
        LOG.info("SMS {} to {}: {}", message.id(), station.id(), routed.outcome());
        answer(ctx, routed.reply());
    }

    /** The station a number reaches, as Twilio wrote it or as a gateway that dropped the plus would. */
    private Optional<Station> stationOf(String number) {
        return PhoneNumber.candidates(number).stream()
                .map(candidate -> stores.stations().findByNumber(candidate))
                .flatMap(Optional::stream)
                .findFirst();
    }

    private static void answer(Context ctx, Optional<String> reply) {
        ctx.status(200).contentType(Twiml.CONTENT_TYPE).result(Twiml.reply(reply));
    }
}

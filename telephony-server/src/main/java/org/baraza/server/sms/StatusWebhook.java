package org.baraza.server.sms;

import java.time.Clock;
import java.util.Locale;
import java.util.Map;

import org.baraza.core.Ids.SmsMessageId;
import org.baraza.core.db.Stores;
import org.baraza.core.sms.DeliveryReport;
import org.baraza.core.sms.SmsStatus;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;

/**
 * {@code POST /sms/twilio/status/{id}} and {@code POST /sms/twilio/status}: Twilio's delivery status of an outbound
 * message, known by Baraza's id (the StatusCallback the outbox worker gives each message) or, without it, by its
 * MessageSid. The status only moves forward (the store sees to it); answered 204. Stateless; any thread.
 */
final class StatusWebhook {

    /** Twilio's MessageStatus values for an outbound message, as Baraza's statuses. */
    private static final Map<String, SmsStatus> STATUSES = Map.ofEntries(
            Map.entry("accepted", SmsStatus.QUEUED),
            Map.entry("scheduled", SmsStatus.QUEUED),
            Map.entry("queued", SmsStatus.QUEUED),
            Map.entry("sending", SmsStatus.SENDING),
            Map.entry("sent", SmsStatus.SENT),
            Map.entry("delivered", SmsStatus.DELIVERED),
            Map.entry("read", SmsStatus.DELIVERED),
            Map.entry("undelivered", SmsStatus.UNDELIVERED),
            Map.entry("failed", SmsStatus.FAILED),
            Map.entry("canceled", SmsStatus.FAILED));

    private final Stores stores;
    private final Clock clock;

    StatusWebhook(Stores stores, Clock clock) {
        this.stores = stores;
        this.clock = clock;
    }

    void byId(Context ctx) {
        String id = ctx.pathParam("id");
        if (!id.matches("[1-9][0-9]{0,17}")) {
            throw new NotFoundResponse("no SMS message has the id " + id);
        }
        stores.sms().recordStatus(new SmsMessageId(Long.parseLong(id)), report(ctx));
        ctx.status(204);
    }

    void bySid(Context ctx) {
        DeliveryReport report = report(ctx);
        stores.sms().recordStatus(report)
                .orElseThrow(() -> new NotFoundResponse("no outbound SMS has the MessageSid " + report.providerMessageId()));
        ctx.status(204);
    }

    private DeliveryReport report(Context ctx) {
        TwilioForm form = TwilioSignature.form(ctx);
        String status = form.required("MessageStatus");
        SmsStatus ours = STATUSES.get(status.toLowerCase(Locale.ROOT));
        if (ours == null) {
            throw new BadRequestResponse("MessageStatus " + status + " is not an outbound message's status");
        }
        return new DeliveryReport(InboundWebhook.PROVIDER, form.required("MessageSid"), ours,
                form.optional("ErrorCode").orElse(null), form.optional("ErrorMessage").orElse(null), clock.instant());
    }
}

package org.baraza.server.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import org.baraza.core.db.Stores;
import org.baraza.core.sms.SmsMessage;
import org.baraza.core.sms.SmsStatus;
import org.baraza.core.station.Station;
import org.baraza.core.testing.Fixtures;
import org.baraza.core.testing.PostgresExtension;
import org.baraza.server.TelephonyServer;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Twilio's delivery status callbacks, signed, over real HTTP: by Baraza's message id in the path, or by MessageSid. */
@ExtendWith(PostgresExtension.class)
class StatusCallbackTest {

    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

    private final Stores stores;
    private final Fixtures fixtures;
    private final Station station;

    @TempDir
    Path directory;

    private TelephonyServer server;
    private TwilioWebhook twilio;

    StatusCallbackTest(Jdbi jdbi) {
        this.stores = Stores.on(jdbi);
        this.fixtures = new Fixtures(stores);
        this.station = fixtures.station(fixtures.network());
    }

    @BeforeEach
    void start() {
        server = SmsServer.start(directory, stores, Clock.fixed(NOW, ZoneOffset.UTC), "twilio");
        twilio = new TwilioWebhook(server.httpPort(), SmsServer.PUBLIC_URL, SmsServer.AUTH_TOKEN);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aCallbackWithTheMessagesIdRecordsItsStatusEvenBeforeTheWorkerRecordedTheSid() {
        SmsMessage queued = stores.outbox().enqueue(fixtures.outboundSms(station, Fixtures.uniquePhoneNumber(), "Reminder"), NOW);
        String sid = Fixtures.unique("SM");

        HttpResponse<String> response = twilio.post("/sms/twilio/status/" + queued.id().value(), status(sid, "sent"));

        assertThat(response.statusCode()).isEqualTo(204);
        SmsMessage sent = stores.sms().get(queued.id());
        assertThat(sent.status()).isEqualTo(SmsStatus.SENT);
        assertThat(sent.providerMessageId()).isEqualTo(sid);
        assertThat(stores.outbox().find(queued.id())).isEmpty();
    }

    @Test
    void aCallbackWithoutTheIdFindsTheMessageByItsSidAndAStatusNeverGoesBack() {
        SmsMessage queued = stores.outbox().enqueue(fixtures.outboundSms(station, Fixtures.uniquePhoneNumber(), "Alert"), NOW);
        String sid = Fixtures.unique("SM");
        stores.outbox().markSent(queued.id(), sid, NOW);
        Map<String, String> undelivered = status(sid, "undelivered");
        undelivered.put("ErrorCode", "30003");

        assertThat(twilio.post("/sms/twilio/status", undelivered).statusCode()).isEqualTo(204);
        assertThat(twilio.post("/sms/twilio/status", status(sid, "sent")).statusCode()).isEqualTo(204);

        SmsMessage message = stores.sms().get(queued.id());
        assertThat(message.status()).isEqualTo(SmsStatus.UNDELIVERED);
        assertThat(message.errorCode()).isEqualTo("30003");
    }

    @Test
    void unknownMessagesAndStatusesAreRefused() {
        HttpResponse<String> noSuchSid = twilio.post("/sms/twilio/status", status("SMnothing", "delivered"));
        HttpResponse<String> noSuchId = twilio.post("/sms/twilio/status/999999999", status("SMnothing", "delivered"));
        HttpResponse<String> notAnId = twilio.post("/sms/twilio/status/abc", status("SMnothing", "delivered"));
        HttpResponse<String> inbound = twilio.post("/sms/twilio/status", status("SMnothing", "received"));

        assertThat(noSuchSid.statusCode()).isEqualTo(404);
        assertThat(noSuchSid.body()).isEqualTo("no outbound SMS has the MessageSid SMnothing\n");
        assertThat(noSuchId.statusCode()).isEqualTo(404);
        assertThat(notAnId.statusCode()).isEqualTo(404);
        assertThat(inbound.statusCode()).isEqualTo(400);
        assertThat(inbound.body()).isEqualTo("MessageStatus received is not an outbound message's status\n");
    }

    private static Map<String, String> status(String sid, String status) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("SmsSid", sid);
        fields.put("SmsStatus", status);
        fields.put("MessageStatus", status);
        fields.put("To", "+256700000001");
        fields.put("MessageSid", sid);
        fields.put("AccountSid", "AC0123456789abcdef0123456789abcdef");
        fields.put("From", Fixtures.STATION_SMS_NUMBER.value());
        fields.put("ApiVersion", "2010-04-01");
        return fields;
    }
}

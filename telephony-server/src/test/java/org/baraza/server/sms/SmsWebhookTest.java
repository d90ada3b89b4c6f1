package org.baraza.server.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.baraza.core.Ids.AiringId;
import org.baraza.core.PhoneNumber;
import org.baraza.core.db.Stores;
import org.baraza.core.sms.InboundSms;
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

import com.twilio.security.RequestValidator;

/**
 * Twilio's webhooks against the whole server over real HTTP, with real PostgreSQL, signed as Twilio signs them
 * with a known auth token: what is stored, what is answered, and what is refused with nothing written.
 */
@ExtendWith(PostgresExtension.class)
class SmsWebhookTest {

    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private static final String INBOUND = "/sms/twilio/inbound";

    private final Jdbi jdbi;
    private final Stores stores;
    private final Fixtures fixtures;
    private final Station station;
    private final PhoneNumber stationNumber = Fixtures.uniquePhoneNumber();
    private final PhoneNumber listener = Fixtures.uniquePhoneNumber();

    @TempDir
    Path directory;

    private TelephonyServer server;
    private TwilioWebhook twilio;

    SmsWebhookTest(Jdbi jdbi) {
        this.jdbi = jdbi;
        this.stores = Stores.on(jdbi);
        this.fixtures = new Fixtures(stores);
        this.station = fixtures.station(fixtures.network());
        stores.stations().addNumber(station.id(), stationNumber, true, true, "SMS");
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
    void theTestsSignaturesAreOnesTheSdksValidatorAccepts() {
        Map<String, String> fields = text(Fixtures.unique("SM"), "hello");
        String url = SmsServer.PUBLIC_URL + INBOUND;

        assertThat(new RequestValidator(SmsServer.AUTH_TOKEN).validate(url, fields,
                TwilioWebhook.signature(SmsServer.AUTH_TOKEN, url, fields))).isTrue();
        assertThat(new RequestValidator("another-token").validate(url, fields,
                TwilioWebhook.signature(SmsServer.AUTH_TOKEN, url, fields))).isFalse();
    }

    @Test
    void aSignedTextIsStoredRoutedAndAnsweredWithTwiml() {
        String sid = Fixtures.unique("SM");

        HttpResponse<String> response = twilio.post(INBOUND, text(sid, "help"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/xml"));
        assertThat(response.body()).contains("<Response><Message><Body>" + station.name() + ": text SUB and a show's name");
        SmsMessage stored = stores.sms().findByProviderId("twilio", sid).orElseThrow();
        assertThat(stored.body()).isEqualTo("help");
        assertThat(stored.stationId()).isEqualTo(station.id());
        assertThat(stored.status()).isEqualTo(SmsStatus.RECEIVED);
    }

    @Test
    void aTextThatNeedsNoReplyGetsAnEmptyResponse() {
        HttpResponse<String> response = twilio.post(INBOUND, text(Fixtures.unique("SM"), "just saying hello"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).endsWith("<Response/>");
    }

    @Test
    void aRetriedWebhookIsAnswered200AndChangesNothing() {
        fixtures.poll(station, null, NOW.minusSeconds(60), NOW.plusSeconds(600));
        Map<String, String> vote = text(Fixtures.unique("SM"), "YES");

        HttpResponse<String> first = twilio.post(INBOUND, vote);
        HttpResponse<String> again = twilio.post(INBOUND, vote);

        assertThat(first.body()).contains("your vote for Yes is counted");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).endsWith("<Response/>");
        assertThat(stores.sms().conversation(station.networkId(), listener, 10)).hasSize(1);
    }

    @Test
    void aTextStoredButNeverRoutedIsRoutedWhenTwilioRetries() {
        String sid = Fixtures.unique("SM");
        // The first attempt stored the STOP and failed before routing it: Twilio got no 200 and tries again.
        stores.sms().storeInbound(new InboundSms(station.networkId(), station.id(), "twilio", sid, listener.value(),
                stationNumber.value(), "STOP", NOW));

        HttpResponse<String> retry = twilio.post(INBOUND, text(sid, "STOP"));
        HttpResponse<String> again = twilio.post(INBOUND, text(sid, "STOP"));

        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(stores.subscriptions().isOptedOut(station.networkId(), listener)).isTrue();
        assertThat(stores.sms().isRouted(stores.sms().findByProviderId("twilio", sid).orElseThrow().id())).isTrue();
        assertThat(again.body()).endsWith("<Response/>");
        assertThat(stores.sms().conversation(station.networkId(), listener, 10)).hasSize(1);
    }

    @Test
    void markupInATextIsStoredAsItCameAndEscapedInTheReply() {
        AiringId live = fixtures.airingRow(jdbi, station, NOW.minusSeconds(60), Duration.ofHours(1));
        stores.airings().markOnAir(live, NOW.minusSeconds(60));
        String sid = Fixtures.unique("SM");
        String markup = "<Message>free airtime</Message> & <script>alert(1)</script>";

        HttpResponse<String> toShow = twilio.post(INBOUND, text(sid, markup));
        HttpResponse<String> named = twilio.post(INBOUND, text(Fixtures.unique("SM"), "SUB Tom&Jerry</b>"));

        assertThat(stores.sms().findByProviderId("twilio", sid).orElseThrow().body()).isEqualTo(markup);
        assertThat(stores.sms().inbox(live)).extracting(SmsMessage::body).containsExactly(markup);
        assertThat(toShow.body()).contains("received your message").doesNotContain("free airtime");
        assertThat(named.statusCode()).isEqualTo(200);
        assertThat(named.body()).contains("There is no show called \"TOM&amp;JERRY&lt;/B\"").doesNotContain("JERRY</B");
    }

    @Test
    void unsignedOrWronglySignedRequestsAreRefusedAndNothingIsStored() {
        String sid = Fixtures.unique("SM");
        Map<String, String> fields = text(sid, "YES");

        HttpResponse<String> unsigned = twilio.post(INBOUND, fields, null);
        HttpResponse<String> otherToken = twilio.post(INBOUND, fields, TwilioWebhook.signature("not-the-token",
                SmsServer.PUBLIC_URL + INBOUND, fields));
        HttpResponse<String> bindAddress = twilio.post(INBOUND, fields, TwilioWebhook.signature(SmsServer.AUTH_TOKEN,
                "http://127.0.0.1:" + server.httpPort() + INBOUND, fields));
        Map<String, String> changed = new LinkedHashMap<>(fields);
        changed.put("Body", "NO");
        HttpResponse<String> tampered = twilio.post(INBOUND, changed, twilio.signatureFor(INBOUND, fields));

        assertThat(unsigned.statusCode()).isEqualTo(403);
        assertThat(unsigned.body()).isEqualTo("X-Twilio-Signature is missing: only Twilio may call this webhook\n");
        for (HttpResponse<String> refused : List.of(otherToken, bindAddress, tampered)) {
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.body()).startsWith("X-Twilio-Signature does not match https://radio.example.org/sms/twilio/inbound");
        }
        assertThat(stores.sms().findByProviderId("twilio", sid)).isEmpty();
    }

    @Test
    void malformedOversizedAndNonUtf8RequestsAreRefusedWithTheirReason() {
        String sid = Fixtures.unique("SM");
        String good = TwilioWebhook.encode(text(sid, "hello"));

        assertRefused(twilio.postRaw(INBOUND, good + "&Body2=%E", "unchecked"), 400, "the form has a broken %-escape");
        assertRefused(twilio.postRaw(INBOUND, good.replace("Body=hello", "Body=%FF%FEhi"), "unchecked"), 400,
                "the form is not UTF-8");
        assertRefused(twilio.postRaw(INBOUND, good + "&Body=again", "unchecked"), 400, "field Body is given twice");
        assertRefused(twilio.postRaw(INBOUND, good + "&X=%00", "unchecked"), 400, "field X has control characters");
        assertRefused(twilio.postRaw(INBOUND, "x".repeat(TwilioForm.MAX_BYTES + 1), "unchecked"), 413,
                "a Twilio webhook is at most 65536 bytes");
        Map<String, String> noSid = text(sid, "hello");
        noSid.remove("MessageSid");
        assertRefused(twilio.post(INBOUND, noSid), 400, "MessageSid is missing");
        assertRefused(twilio.post(INBOUND, text(sid, "x".repeat(1601))), 422, "SMS body must be");
        Map<String, String> elsewhere = text(sid, "hello");
        elsewhere.put("To", "+15005550006");
        assertRefused(twilio.post(INBOUND, elsewhere), 404, "no station has the number +15005550006");
        assertThat(stores.sms().findByProviderId("twilio", sid)).isEmpty();
    }

    @Test
    void withoutAProviderTheWebhooksSaySmsIsOff(@TempDir Path other) {
        try (TelephonyServer off = SmsServer.start(other, stores, Clock.systemUTC(), "none")) {
            TwilioWebhook webhook = new TwilioWebhook(off.httpPort(), SmsServer.PUBLIC_URL, SmsServer.AUTH_TOKEN);

            assertRefused(webhook.post(INBOUND, text(Fixtures.unique("SM"), "hello")), 503,
                    "SMS is off on this server: sms.provider is none");
        }
    }

    private static void assertRefused(HttpResponse<String> response, int status, String reason) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.body()).startsWith(reason);
    }

    /** The fields Twilio posts for a text from {@link #listener} to the station. */
    private Map<String, String> text(String sid, String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("ToCountry", "UG");
        fields.put("SmsMessageSid", sid);
        fields.put("NumMedia", "0");
        fields.put("SmsSid", sid);
        fields.put("SmsStatus", "received");
        fields.put("Body", body);
        fields.put("To", stationNumber.value());
        fields.put("NumSegments", "1");
        fields.put("MessageSid", sid);
        fields.put("AccountSid", "AC0123456789abcdef0123456789abcdef");
        fields.put("From", listener.value());
        fields.put("ApiVersion", "2010-04-01");
        return fields;
    }
}

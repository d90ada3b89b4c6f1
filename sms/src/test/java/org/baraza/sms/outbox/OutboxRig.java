package org.baraza.sms.outbox;

import java.net.URI;
import java.time.Duration;

import org.baraza.core.db.Stores;
import org.baraza.core.station.Station;
import org.baraza.core.testing.Fixtures;
import org.baraza.core.testing.TestDatabase;
import org.baraza.core.testing.TestPostgres;
import org.baraza.sms.fake.FakeTwilio;
import org.baraza.sms.twilio.TwilioGateway;
import org.baraza.sms.twilio.TwilioSettings;

/**
 * What a worker test runs on: a database of its own (a claim takes every due message), a station, the fake
 * Twilio and a gateway to it with the given timeout. One per test; closing it drops both.
 */
final class OutboxRig implements AutoCloseable {

    static final String PUBLIC_URL = "https://radio.example.org";
    private static final String SID = "AC00000000000000000000000000000002";

    final TestDatabase database = TestPostgres.shared().createDatabase();
    final Stores stores = Stores.on(database.jdbi());
    final Fixtures fixtures = new Fixtures(stores);
    final Station station = fixtures.station(fixtures.network());
    final FakeTwilio twilio = FakeTwilio.start(SID, "token");
    final TwilioGateway gateway;

    OutboxRig(Duration timeout) {
        this.gateway = new TwilioGateway(new TwilioSettings(SID, "token", twilio.baseUrl(), URI.create(PUBLIC_URL), timeout));
    }

    /** The status callback URL of a message, as Twilio holds it. */
    static String callbackOf(long messageId) {
        return PUBLIC_URL + "/sms/twilio/status/" + messageId;
    }

    @Override
    public void close() {
        twilio.close();
        database.close();
    }
}

package org.baraza.server.sms;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import org.baraza.core.db.Stores;
import org.baraza.server.TelephonyServer;

/** For tests of other packages: a server with Twilio on, and Twilio's signed webhooks to it. */
public final class TwilioTesting {

    private TwilioTesting() {
    }

    public static TelephonyServer server(Path directory, Stores stores, Clock clock) {
        return SmsServer.start(directory, stores, clock, "twilio");
    }

    /** Posts the fields to the server as Twilio does, signed with the server's token for its public URL. */
    public static HttpResponse<String> post(TelephonyServer server, String path, Map<String, String> fields) {
        return new TwilioWebhook(server.httpPort(), SmsServer.PUBLIC_URL, SmsServer.AUTH_TOKEN).post(path, fields);
    }
}

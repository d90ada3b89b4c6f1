package org.baraza.server.sms;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.baraza.core.config.BarazaConfig;
import org.baraza.core.config.ConfigLoader;
import org.baraza.core.config.ServerConfig;
import org.baraza.core.db.Stores;
import org.baraza.server.TelephonyServer;

/** A whole telephony server for SMS tests, configured as an operator would, through the environment. */
final class SmsServer {

    static final String AUTH_TOKEN = "0123456789abcdef0123456789abcdef";
    /** What Twilio is given: a proxy's address, not the one the server listens on. */
    static final URI PUBLIC_URL = URI.create("https://radio.example.org");

    private SmsServer() {
    }

    /** With {@code sms.provider = twilio} and {@link #AUTH_TOKEN}; {@code provider} none turns SMS off. */
    static TelephonyServer start(Path directory, Stores stores, Clock clock, String provider) {
        Map<String, String> environment = new HashMap<>(Map.of(
                "BARAZA_SERVER_HUB_ENDPOINT", "tcp://127.0.0.1:0",
                "BARAZA_SERVER_PUBLIC_URL", PUBLIC_URL.toString(),
                "BARAZA_SERVER_HTTAPI_PASSWORD", "s3cret-httapi",
                "BARAZA_FREESWITCH_MEDIA_DIR", directory.resolve("media").toString(),
                "BARAZA_FREESWITCH_RECORDINGS_DIR", directory.resolve("recordings").toString(),
                "BARAZA_SMS_PROVIDER", provider));
        if (provider.equals("twilio")) {
            environment.put("BARAZA_SMS_TWILIO_ACCOUNT_SID", "AC0123456789abcdef0123456789abcdef");
            environment.put("BARAZA_SMS_TWILIO_AUTH_TOKEN", AUTH_TOKEN);
        }
        BarazaConfig config = ConfigLoader.load(Optional.empty(), environment, List.of());
        // Any free port, which no configuration may ask for.
        ServerConfig s = config.server();
        ServerConfig anyPort = new ServerConfig(s.bindAddress(), 0, s.publicUrl(), s.httapiUser(), s.httapiPassword(),
                s.hubEndpoint(), s.requestTimeout(), s.maxRequestBytes());
        return TelephonyServer.start(new BarazaConfig(config.database(), anyPort, config.freeSwitch(), config.daemon(),
                config.sms(), config.log(), config.console()), stores, clock);
    }
}

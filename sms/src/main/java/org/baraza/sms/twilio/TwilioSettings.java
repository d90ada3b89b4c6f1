package org.baraza.sms.twilio;

import java.net.URI;
import java.time.Duration;

import org.baraza.core.config.ServerConfig;
import org.baraza.core.config.SmsConfig;

/**
 * What a {@link TwilioGateway} needs: the account and its token, where Twilio's REST API is (its real address
 * but in tests), where Twilio sends status callbacks (Baraza's public URL), and how long a request may take.
 *
 * @param authToken never printed
 * @param apiBase   scheme, host and port of the REST API: {@code https://api.twilio.com}
 * @param publicUrl how Twilio reaches Baraza's server, without a path
 */
public record TwilioSettings(String accountSid, String authToken, URI apiBase, URI publicUrl, Duration timeout) {

    public static final URI TWILIO_API = URI.create("https://api.twilio.com");

    public static TwilioSettings of(SmsConfig sms, ServerConfig server) {
        return new TwilioSettings(sms.twilioAccountSid(), sms.twilioAuthToken(), TWILIO_API, server.publicUrl(),
                sms.sendTimeout());
    }

    /** Where Twilio reports what became of the message: {@code <public-url>/sms/twilio/status/<id>}. */
    URI statusCallback(long messageId) {
        return publicUrl.resolve("/sms/twilio/status/" + messageId);
    }

    /** Never prints the token. */
    @Override
    public String toString() {
        return "TwilioSettings[" + accountSid + " at " + apiBase + ", callbacks to " + publicUrl + ", timeout " + timeout + "]";
    }
}

package org.baraza.core.config;

import java.util.List;

/**
 * How Baraza texts: which provider carries its SMS and the provider's credentials. With provider
 * {@code none} nothing is sent or accepted: outbound messages wait in the outbox, inbound webhooks are refused.
 *
 * @param twilioAuthToken signs Twilio's webhooks and authenticates Baraza to Twilio's API; never printed
 */
public record SmsConfig(String provider, String twilioAccountSid, String twilioAuthToken) {

    public static final String NONE = "none";
    public static final String TWILIO = "twilio";

    public static final ConfigKey<String> PROVIDER = ConfigKey.of("sms.provider", NONE,
            "Which provider carries SMS: none (messages wait in the outbox; webhooks are refused) or twilio.",
            Parsers.oneOf(List.of(NONE, TWILIO)));
    public static final ConfigKey<String> TWILIO_ACCOUNT_SID = ConfigKey.of("sms.twilio-account-sid", "",
            "The Twilio account's SID (AC...), with sms.provider = twilio.", Parsers.text(64));
    public static final ConfigKey<String> TWILIO_AUTH_TOKEN = ConfigKey.secret("sms.twilio-auth-token",
            "The Twilio account's auth token: it signs Twilio's webhooks and authenticates Baraza's requests.");

    static final List<ConfigKey<?>> KEYS = List.of(PROVIDER, TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN);

    static SmsConfig from(Settings s) {
        SmsConfig config = new SmsConfig(s.get(PROVIDER), s.get(TWILIO_ACCOUNT_SID), s.get(TWILIO_AUTH_TOKEN));
        if (TWILIO.equals(config.provider()) && (config.twilioAccountSid().isBlank() || config.twilioAuthToken().isBlank())) {
            throw new ConfigException("sms.provider = twilio needs sms.twilio-account-sid and sms.twilio-auth-token");
        }
        return config;
    }

    /** The defaults: no provider. */
    public static SmsConfig none() {
        return new SmsConfig(NONE, "", "");
    }

    /** Never prints the token. */
    @Override
    public String toString() {
        return "SmsConfig[" + provider + (twilioAccountSid.isBlank() ? "" : ", account " + twilioAccountSid) + "]";
    }
}

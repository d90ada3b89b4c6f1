package org.baraza.server.sms;

import java.util.Optional;

import com.twilio.twiml.MessagingResponse;
import com.twilio.twiml.TwiMLException;
import com.twilio.twiml.messaging.Body;
import com.twilio.twiml.messaging.Message;

/**
 * Twilio's answer to a received text, built with the SDK's TwiML classes (which escape the text: a reply may hold
 * a listener's own words): a {@code <Message>} when a reply is due, else an empty {@code <Response/>}, Twilio's
 * "no reply". Stateless.
 */
final class Twiml {

    static final String CONTENT_TYPE = "application/xml; charset=utf-8";

    private Twiml() {
    }

    static String reply(Optional<String> text) {
        MessagingResponse.Builder response = new MessagingResponse.Builder();
        text.ifPresent(body -> response.message(new Message.Builder().body(new Body.Builder(body).build()).build()));
        try {
            return response.build().toXml();
        } catch (TwiMLException e) {
            throw new IllegalStateException("the TwiML reply cannot be written", e);
        }
    }
}

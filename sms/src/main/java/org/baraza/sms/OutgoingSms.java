package org.baraza.sms;

import org.baraza.core.Ids.SmsMessageId;
import org.baraza.core.PhoneNumber;
import org.baraza.core.Require;

/**
 * One message as a gateway sends it: Baraza's id (a provider's status callbacks name it), the sender, the
 * recipient and the text. The body is Baraza's own text, checked when it was queued.
 */
public record OutgoingSms(SmsMessageId id, PhoneNumber from, PhoneNumber to, String body) {

    public OutgoingSms {
        Require.present("SMS message id", id);
        Require.present("SMS sender", from);
        Require.present("SMS recipient", to);
        Require.text("SMS body", body, 1, 1600);
    }
}

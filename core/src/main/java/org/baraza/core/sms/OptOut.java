package org.baraza.core.sms;

import java.time.Instant;

import org.baraza.core.Ids.NetworkId;
import org.baraza.core.Ids.SmsMessageId;
import org.baraza.core.PhoneNumber;

/**
 * A number that texted STOP: it receives nothing from the network but the STOP confirmation until it
 * texts START.
 *
 * @param sourceMessageId the STOP message; null when it was not an SMS (a manager recorded it) or is gone
 */
public record OptOut(NetworkId networkId, PhoneNumber phoneNumber, Instant optedOutAt, SmsMessageId sourceMessageId) {
}

package org.baraza.core.sms;

import java.time.Instant;
import java.util.List;

import org.baraza.core.Ids.NetworkId;
import org.baraza.core.Ids.ProgramId;
import org.baraza.core.Ids.SmsMessageId;
import org.baraza.core.Ids.StationId;
import org.baraza.core.PhoneNumber;

/**
 * Who asked to hear about what (SUB / UNSUB), and who asked to hear nothing at all (STOP / START).
 * A subscription names a station and optionally one of its programs; an opt-out covers a whole network.
 * Thread-safe and stateless.
 */
public interface SubscriptionStore {

    /**
     * Subscribes a number to a station ({@code program} null) or to one program on it. Subscribing again
     * changes nothing and returns the subscription there is.
     *
     * @throws org.baraza.core.DomainException.NotFound when the station does not exist, or the program is not in its network
     */
    Subscription subscribe(StationId station, ProgramId program, PhoneNumber number, Instant at);

    /** @return false when the number was not subscribed */
    boolean unsubscribe(StationId station, ProgramId program, PhoneNumber number);

    /**
     * The numbers subscribed to a station ({@code program} null) or to one program on it, leaving out those
     * that opted out of the network, in number order.
     */
    List<PhoneNumber> subscribers(StationId station, ProgramId program);

    /**
     * Records that a number texted STOP. Doing it again keeps the first record.
     *
     * @param source the STOP message; may be null
     * @throws org.baraza.core.DomainException.NotFound when the network or the source message does not exist
     */
    OptOut optOut(NetworkId network, PhoneNumber number, SmsMessageId source, Instant at);

    /** Records that a number texted START. @return false when it had not opted out */
    boolean optIn(NetworkId network, PhoneNumber number);

    boolean isOptedOut(NetworkId network, PhoneNumber number);
}

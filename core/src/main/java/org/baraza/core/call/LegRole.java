package org.baraza.core.call;

/** What a leg is for in an airing: the station's transmitter phone, a host, a caller on air, a listener, ... */
public enum LegRole {
    TRANSMITTER,
    HOST,
    /** A listener who called to speak on air or leave a message. */
    CALLER,
    /** A listener who called to listen live. */
    LISTENER,
    GUEST,
    /** Baraza's own leg in an airing's conference, keeping it alive whoever comes and goes. */
    ANCHOR,
    /** Not known yet: an inbound leg before the station said what it is. */
    UNKNOWN
}

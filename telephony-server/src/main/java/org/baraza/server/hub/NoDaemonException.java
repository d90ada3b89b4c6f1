package org.baraza.server.hub;

/** No station daemon runs the station (none registered it, or its daemon went silent). */
public final class NoDaemonException extends RuntimeException {
    public NoDaemonException(long station) {
        super("no daemon runs station " + station);
    }
}

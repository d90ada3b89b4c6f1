package org.baraza.core.call;

import java.time.Instant;
import java.util.UUID;

import org.baraza.core.Require;

/**
 * A leg to add to a call, checked on construction. The numbers are kept exactly as FreeSWITCH reported them.
 *
 * @param uuid the {@code origination_uuid} Baraza chose, or FreeSWITCH's uuid of an inbound channel
 */
public record NewLeg(
        UUID uuid,
        UUID call,
        LegRole role,
        CallDirection direction,
        String dialString,
        String callerIdNumber,
        String destinationNumber,
        String freeswitchNode,
        Instant createdAt) {

    public NewLeg {
        Require.present("leg uuid", uuid);
        Require.present("leg's call", call);
        Require.present("leg role", role);
        Require.present("leg direction", direction);
        Require.optionalText("dial string", dialString, 500);
        Require.optionalText("caller id number", callerIdNumber, 64);
        Require.optionalText("destination number", destinationNumber, 64);
        Require.optionalText("FreeSWITCH node", freeswitchNode, 100);
        Require.present("leg creation time", createdAt);
    }
}

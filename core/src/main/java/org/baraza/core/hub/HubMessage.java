package org.baraza.core.hub;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * What the telephony server and the station daemons say to each other over ZeroMQ. Requests get a reply
 * (correlated by the request's id); daemons register the stations they run and heartbeat, and report what their
 * stations do (the server asks for all of it again when it does not know the daemon).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.SIMPLE_NAME, property = "type")
@JsonSubTypes({@JsonSubTypes.Type(HubMessage.Register.class), @JsonSubTypes.Type(HubMessage.Heartbeat.class),
        @JsonSubTypes.Type(HubMessage.CallRequest.class), @JsonSubTypes.Type(HubMessage.CallReply.class),
        @JsonSubTypes.Type(HubMessage.StatusReport.class), @JsonSubTypes.Type(HubMessage.StatusWanted.class)})
public sealed interface HubMessage {

    /** A daemon says which stations it runs: on connecting and whenever they change. */
    record Register(String daemonId, List<Long> stations) implements HubMessage {
        public Register {
            Objects.requireNonNull(daemonId, "daemonId");
            stations = List.copyOf(stations);
        }
    }

    /**
     * A daemon is alive and still runs these stations; sent every second, with the state of its connections to
     * FreeSWITCH (absent from older daemons' heartbeats: read as none).
     */
    record Heartbeat(String daemonId, List<Long> stations, List<SwitchLink> switches) implements HubMessage {
        public Heartbeat {
            Objects.requireNonNull(daemonId, "daemonId");
            stations = List.copyOf(stations);
            switches = switches == null ? List.of() : List.copyOf(switches);
        }

        public Heartbeat(String daemonId, List<Long> stations) {
            this(daemonId, stations, List.of());
        }
    }

    /** A daemon's event-socket connection to one FreeSWITCH node, and whether it is up now. */
    record SwitchLink(String node, boolean connected) {
        public SwitchLink {
            Objects.requireNonNull(node, "node");
        }
    }

    /** Who is calling, as the telephony server found out from the database (a blocked caller never gets this far). */
    enum CallerKind {
        /** A number Baraza has not seen, or does not know more of. */
        ANYONE,
        /** A number that has called or texted the station's network before. */
        KNOWN,
        /** A host of the show on now, who called in from their number and entered their PIN. */
        HOST
    }

    /**
     * A caller's call needs the station's decision: its first request, a key pressed, a recording made, or
     * (with {@code exiting}) its end. {@code from} and {@code to} are the numbers as FreeSWITCH gave them,
     * untrusted. {@code params} are the ones Baraza's documents set and the keys FreeSWITCH collected, and
     * nothing else. Idempotent by {@code call} and {@code params}: a retried request gets the same answer.
     *
     * @param answered  whether FreeSWITCH had answered the call by this request
     * @param host      the host, when {@code caller} is {@link CallerKind#HOST}; else null
     * @param recording the recording this request uploaded (a listener's message, stored and queued for
     *                  moderation by the server); else null
     */
    record CallRequest(String call, long station, String from, String to, Map<String, String> params, boolean exiting,
                       boolean answered, CallerKind caller, Long host, Long recording) implements HubMessage {
        public CallRequest {
            Objects.requireNonNull(call, "call");
            params = Map.copyOf(params);
            Objects.requireNonNull(caller, "caller");
            if ((caller == CallerKind.HOST) != (host != null)) {
                throw new IllegalArgumentException("a host's call names the host, and only a host's call does");
            }
        }
    }

    /** The station's decision for a call request. */
    record CallReply(String call, CallDocument document) implements HubMessage {
        public CallReply {
            Objects.requireNonNull(call, "call");
            Objects.requireNonNull(document, "document");
        }
    }

    /** A daemon says what one of its stations does now: sent whenever that changes. */
    record StatusReport(String daemonId, StationStatus status) implements HubMessage {
        public StatusReport {
            Objects.requireNonNull(daemonId, "daemonId");
            Objects.requireNonNull(status, "status");
        }
    }

    /**
     * The server asks a daemon for the status of all its stations: it has not heard the daemon before (it just
     * started, or the daemon did).
     */
    record StatusWanted() implements HubMessage {
    }
}

package org.baraza.daemon.station;

import java.util.concurrent.CompletableFuture;

import org.baraza.core.hub.CallDocument;
import org.baraza.core.hub.HubMessage.CallRequest;
import org.baraza.daemon.esl.SwitchEvent;
import org.baraza.daemon.schedule.AiringTrigger;

/** What a station's mailbox carries: everything that reaches a station goes through it, in order. */
sealed interface StationMessage {

    /** An event the station's own effects produced (a result, a timer). */
    record Happened(StationEvent event) implements StationMessage {
    }

    record Triggered(AiringTrigger trigger) implements StationMessage {
    }

    record FromSwitch(SwitchEvent event) implements StationMessage {
    }

    /** The station's settings changed (keep its leg, its filler, its dial strings): rebuild from the database. */
    record SettingsChanged() implements StationMessage {
    }

    /** The telephony server asks what a caller's call does next. */
    record CallAsked(CallRequest request, CompletableFuture<CallDocument> reply) implements StationMessage {
    }

    record Stop() implements StationMessage {
    }
}

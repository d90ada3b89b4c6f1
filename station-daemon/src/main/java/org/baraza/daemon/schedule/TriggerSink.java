package org.baraza.daemon.schedule;

/**
 * Where fired airing triggers go: the station daemon puts each on its station's mailbox. Called on
 * Quartz's worker threads; implementations must only enqueue.
 */
@FunctionalInterface
public interface TriggerSink {
    void fired(AiringTrigger trigger);
}

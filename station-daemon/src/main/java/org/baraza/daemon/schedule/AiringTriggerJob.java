package org.baraza.daemon.schedule;

import java.time.Duration;
import java.time.Instant;

import org.baraza.core.Ids.AiringId;
import org.baraza.core.Ids.StationId;
import org.quartz.Job;
import org.quartz.JobDataMap;
import org.quartz.JobExecutionContext;

/** Does one thing (STYLE 13): turns a fired Quartz trigger into an {@link AiringTrigger} for the station's mailbox. */
final class AiringTriggerJob implements Job {

    static final String STATION = "station";
    static final String AIRING = "airing";
    static final String PHASE = "phase";
    static final String REMAINING_SECONDS = "remainingSeconds";
    /**
     * When the trigger was due, in epoch milliseconds. Quartz's own "scheduled fire time" is moved to the
     * moment of firing when a missed trigger fires late (FIRE_NOW), and the station needs the original.
     */
    static final String DUE_AT = "dueAt";
    /** Present on a moment's early trigger (see {@link AiringScheduler}); {@link #DUE_AT} is still the moment. */
    static final String EARLY = "early";

    private final TriggerSink sink;

    AiringTriggerJob(TriggerSink sink) {
        this.sink = sink;
    }

    @Override
    public void execute(JobExecutionContext context) {
        JobDataMap data = context.getMergedJobDataMap();
        sink.fired(new AiringTrigger(
                new StationId(Long.parseLong(data.getString(STATION))),
                new AiringId(Long.parseLong(data.getString(AIRING))),
                AiringTrigger.Phase.valueOf(data.getString(PHASE)),
                Duration.ofSeconds(Long.parseLong(data.getString(REMAINING_SECONDS))),
                Instant.ofEpochMilli(Long.parseLong(data.getString(DUE_AT)))));
    }
}

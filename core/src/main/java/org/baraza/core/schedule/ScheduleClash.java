package org.baraza.core.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Two schedules of a station that would put two programs on air at once: the other schedule, and the
 * first moment they meet. Found by comparing their occurrences over a year from the new schedule's start,
 * which covers every weekly, monthly and yearly pattern and both daylight-saving changes.
 */
public record ScheduleClash(Schedule other, Instant candidateStart, Instant otherStart, Duration otherDuration) {

    /** How far ahead two schedules are compared. */
    public static final Duration HORIZON = Duration.ofDays(400);

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm", Locale.ENGLISH);

    /** The first clash of {@code candidate} with one of {@code others}, if any. */
    public static Optional<ScheduleClash> first(ScheduleSettings candidate, List<Schedule> others) {
        Instant from = candidate.firstStart();
        Instant to = from.plus(HORIZON);
        List<Instant> mine = candidate.startsOverlapping(from, to);
        ScheduleClash earliest = null;
        for (Schedule other : others) {
            Optional<ScheduleClash> clash = firstOverlap(mine, candidate.duration(), other, from, to);
            if (clash.isPresent() && (earliest == null || clash.get().candidateStart().isBefore(earliest.candidateStart()))) {
                earliest = clash.get();
            }
        }
        return Optional.ofNullable(earliest);
    }

    private static Optional<ScheduleClash> firstOverlap(List<Instant> mine, Duration myLength, Schedule other,
                                                        Instant from, Instant to) {
        List<Instant> theirs = other.settings().startsOverlapping(from, to);
        int i = 0;
        int j = 0;
        while (i < mine.size() && j < theirs.size()) {
            Instant myStart = mine.get(i);
            Instant theirStart = theirs.get(j);
            if (myStart.isBefore(theirStart.plus(other.duration())) && theirStart.isBefore(myStart.plus(myLength))) {
                return Optional.of(new ScheduleClash(other, myStart, theirStart, other.duration()));
            }
            if (myStart.plus(myLength).isAfter(theirStart.plus(other.duration()))) {
                j++;
            } else {
                i++;
            }
        }
        return Optional.empty();
    }

    /** For the person who made the schedule: which schedule it meets, and when, in that schedule's zone. */
    public String describe() {
        ZoneId zone = other.timeZone();
        return "it overlaps " + other.id() + " (" + other.programId() + "), which airs " + WHEN.format(otherStart.atZone(zone))
                + " to " + DateTimeFormatter.ofPattern("HH:mm").format(otherStart.plus(otherDuration).atZone(zone))
                + " " + zone.getId();
    }
}

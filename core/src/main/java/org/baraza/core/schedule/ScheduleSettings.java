package org.baraza.core.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

import org.baraza.core.DomainException;
import org.baraza.core.Ids.ProgramId;
import org.baraza.core.Ids.StationId;
import org.baraza.core.Require;

/**
 * What a manager sets on a schedule, checked on construction: a program on a station, from a local start in a
 * time zone, for a duration, once or repeated by a recurrence rule.
 *
 * @param startsLocal the first occurrence's start, in {@code timeZone}; with a rule, it must be an occurrence
 *                    of it (RFC 5545 leaves a start outside its rule undefined)
 * @param recurrence  null: the program airs once
 * @param prepareLead how long before each start the airing is prepared (transmitter dialled, host called)
 */
public record ScheduleSettings(
        StationId station,
        ProgramId program,
        LocalDateTime startsLocal,
        ZoneId timeZone,
        Duration duration,
        Recurrence recurrence,
        Duration prepareLead,
        boolean active) {

    /** The default {@link #prepareLead}: a minute is enough to dial a transmitter and a host. */
    public static final Duration DEFAULT_PREPARE_LEAD = Duration.ofMinutes(1);

    private static final Duration LONGEST = Duration.ofHours(24);
    private static final Duration LONGEST_LEAD = Duration.ofHours(1);
    // Enough to see a rule repeat itself (a daily rule over almost three years, through every DST change);
    // a rule whose occurrences overlap shows it within its first cycle.
    private static final int OCCURRENCES_CHECKED = 1000;

    public ScheduleSettings {
        Require.present("schedule station", station);
        Require.present("schedule program", program);
        Require.present("schedule start", startsLocal);
        Require.present("schedule time zone", timeZone);
        wholeSeconds("schedule duration", duration, Duration.ofSeconds(1), LONGEST);
        wholeSeconds("schedule preparation lead", prepareLead, Duration.ZERO, LONGEST_LEAD);
        if (recurrence != null) {
            checkOccurrences(recurrence, startsLocal, timeZone, duration);
        }
    }

    /** An active schedule prepared {@link #DEFAULT_PREPARE_LEAD} before each start; {@code rrule} may be null. */
    public static ScheduleSettings of(StationId station, ProgramId program, LocalDateTime startsLocal, ZoneId timeZone,
            Duration duration, String rrule) {
        return new ScheduleSettings(station, program, startsLocal, timeZone, duration,
                rrule == null ? null : Recurrence.parse(rrule), DEFAULT_PREPARE_LEAD, true);
    }

    public ScheduleSettings withActive(boolean active) {
        return new ScheduleSettings(station, program, startsLocal, timeZone, duration, recurrence, prepareLead, active);
    }

    public ScheduleSettings withPrepareLead(Duration lead) {
        return new ScheduleSettings(station, program, startsLocal, timeZone, duration, recurrence, lead, active);
    }

    /**
     * The starts of the occurrences whose slot overlaps {@code [from, to)}, in order: what to plan airings for,
     * and what to compare with other schedules.
     */
    public List<Instant> startsOverlapping(Instant from, Instant to) {
        Stream<Instant> starts = recurrence == null
                ? Stream.of(startsLocal.atZone(timeZone).toInstant())
                : recurrence.occurrences(startsLocal, timeZone).map(ZonedDateTime::toInstant);
        return starts.takeWhile(start -> start.isBefore(to))
                .filter(start -> start.plus(duration).isAfter(from))
                .toList();
    }

    /** The first start, as an instant. */
    public Instant firstStart() {
        return startsLocal.atZone(timeZone).toInstant();
    }

    private static void wholeSeconds(String field, Duration value, Duration min, Duration max) {
        Require.present(field, value);
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0 || value.getNano() != 0) {
            throw new DomainException.Invalid(field + " must be whole seconds from " + min + " to " + max + ", got " + value);
        }
    }

    private static void checkOccurrences(Recurrence recurrence, LocalDateTime start, ZoneId zone, Duration duration) {
        Iterator<ZonedDateTime> starts = recurrence.occurrences(start, zone).limit(OCCURRENCES_CHECKED).iterator();
        if (!starts.hasNext()) {
            throw new DomainException.Invalid("recurrence rule " + recurrence + " has no occurrence from " + start);
        }
        ZonedDateTime first = starts.next();
        // Compared as instants: a start in a DST gap (02:30 on the spring-forward night) is the later time.
        if (!first.toInstant().equals(start.atZone(zone).toInstant())) {
            throw new DomainException.Invalid("the start " + start + " (a " + start.getDayOfWeek() + ") is not an occurrence of "
                    + recurrence + "; its first occurrence from there is " + first.toLocalDateTime());
        }
        ZonedDateTime previous = first;
        while (starts.hasNext()) {
            ZonedDateTime next = starts.next();
            if (previous.plus(duration).isAfter(next)) {
                throw new DomainException.Invalid("occurrences of " + recurrence + " overlap: the one at " + previous.toLocalDateTime()
                        + " lasts " + duration + " and the next starts at " + next.toLocalDateTime());
            }
            previous = next;
        }
    }
}

package org.baraza.server.api;

import static org.baraza.server.auth.Permission.PRESENT;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.baraza.core.Ids.ProgramId;
import org.baraza.core.db.Stores;
import org.baraza.core.program.Program;
import org.baraza.core.schedule.Schedule;
import org.baraza.core.station.Station;

/**
 * A station's week as its schedules plan it: each occurrence of each active schedule (recurring ones expanded by
 * their RRULE) that overlaps the week from Monday 00:00 to the next Monday in the station's time zone, in local
 * times of that zone. For the console's calendar; what actually went on air is the as-aired log.
 */
final class CalendarRoutes {

    /** Enough for a schedule repeating every minute for a week; a rule that yields more is cut there. */
    private static final int MOST_OCCURRENCES = 10_080;

    /** One slot of the week. */
    record Occurrence(long schedule, long program, String programName, LocalDateTime startsLocal, LocalDateTime endsLocal,
                      boolean recurring) {
    }

    /** The week asked for, Monday first, and its slots in order. */
    record Week(long station, ZoneId timeZone, LocalDate monday, List<Occurrence> occurrences) {
    }

    private final Stores stores;
    private final Locate locate;

    CalendarRoutes(Stores stores, Locate locate) {
        this.stores = stores;
        this.locate = locate;
    }

    List<ApiRoute> routes() {
        return List.of(ApiRoute.get("/api/stations/{station}/calendar", PRESENT, locate::station, this::week));
    }

    private Reply week(ApiRequest request) {
        Station station = request.found(Station.class);
        ZoneId zone = station.timeZone();
        LocalDate monday = monday(request, zone);
        ZonedDateTime from = monday.atStartOfDay(zone);
        ZonedDateTime to = monday.plusWeeks(1).atStartOfDay(zone);
        Map<ProgramId, Program> programs = stores.programs().list(station.networkId()).stream()
                .collect(Collectors.toMap(Program::id, Function.identity()));
        List<Occurrence> occurrences = stores.schedules().list(station.id()).stream()
                .filter(Schedule::active)
                .flatMap(schedule -> occurrences(schedule, programs.get(schedule.programId()), from, to))
                .sorted(Comparator.comparing(Occurrence::startsLocal))
                .toList();
        return Reply.ok(new Week(station.id().value(), zone, monday, occurrences));
    }

    private static Stream<Occurrence> occurrences(Schedule schedule, Program program, ZonedDateTime from, ZonedDateTime to) {
        Stream<ZonedDateTime> starts = schedule.recurrence() == null
                ? Stream.of(schedule.startsLocal().atZone(schedule.timeZone()))
                : schedule.recurrence().occurrences(schedule.startsLocal(), schedule.timeZone());
        return starts.takeWhile(start -> start.isBefore(to))
                .filter(start -> start.plus(schedule.duration()).isAfter(from))
                .limit(MOST_OCCURRENCES)
                .map(start -> {
                    ZonedDateTime local = start.withZoneSameInstant(from.getZone());
                    return new Occurrence(schedule.id().value(), schedule.programId().value(),
                            program == null ? null : program.name(), local.toLocalDateTime(),
                            local.plus(schedule.duration()).toLocalDateTime(), schedule.recurrence() != null);
                });
    }

    private static LocalDate monday(ApiRequest request, ZoneId zone) {
        String text = request.query("week");
        LocalDate day;
        try {
            day = text == null ? request.now().atZone(zone).toLocalDate() : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw ApiProblem.badRequest("week must be a date such as 2026-03-02, got \"" + text + "\"");
        }
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }
}

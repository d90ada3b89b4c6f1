package org.baraza.server.api;

import static org.baraza.server.auth.Permission.MANAGE;
import static org.baraza.server.auth.Permission.PRESENT;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import org.baraza.core.Ids.ProgramId;
import org.baraza.core.Ids.StationId;
import org.baraza.core.db.Stores;
import org.baraza.core.schedule.Recurrence;
import org.baraza.core.schedule.Schedule;
import org.baraza.core.schedule.ScheduleSettings;
import org.baraza.core.station.Station;

/**
 * A station's schedules: a program from a local start in a time zone (the station's unless given), for a
 * duration, once or by an RFC 5545 RRULE. A schedule that would overlap another is refused with 409 naming the
 * clash. Hosts may read them; only the station's manager and the network's admin change them.
 */
final class ScheduleRoutes {

    /**
     * @param timeZone    null for the station's
     * @param rrule       null for a one-off
     * @param prepareLead null for the default minute
     * @param active      null for true
     */
    record ScheduleBody(long program, LocalDateTime startsLocal, ZoneId timeZone, Duration duration, String rrule,
                        Duration prepareLead, Boolean active) {
        ScheduleSettings settings(StationId station, ZoneId stationZone) {
            return new ScheduleSettings(station, new ProgramId(program), startsLocal, timeZone == null ? stationZone : timeZone,
                    duration, rrule == null ? null : Recurrence.parse(rrule),
                    prepareLead == null ? ScheduleSettings.DEFAULT_PREPARE_LEAD : prepareLead, active == null || active);
        }
    }

    private final Stores stores;
    private final Locate locate;
    private final Audit audit;

    ScheduleRoutes(Stores stores, Locate locate, Audit audit) {
        this.stores = stores;
        this.locate = locate;
        this.audit = audit;
    }

    List<ApiRoute> routes() {
        return List.of(
                ApiRoute.get("/api/stations/{station}/schedules", PRESENT, locate::station,
                        request -> Reply.ok(stores.schedules().list(request.found(Station.class).id()))),
                ApiRoute.post("/api/stations/{station}/schedules", MANAGE, locate::station, this::create),
                ApiRoute.get("/api/schedules/{schedule}", PRESENT, locate::schedule, request -> Reply.ok(request.found(Schedule.class))),
                ApiRoute.put("/api/schedules/{schedule}", MANAGE, locate::schedule, this::update),
                ApiRoute.delete("/api/schedules/{schedule}", MANAGE, locate::schedule, this::delete));
    }

    private Reply create(ApiRequest request) {
        Station station = request.found(Station.class);
        ScheduleSettings settings = request.body(ScheduleBody.class).settings(station.id(), station.timeZone());
        Schedule schedule = stores.schedules().create(station.networkId(), settings);
        audit.record(request, "schedule.create", "schedule", schedule.id().value(), null, schedule);
        return Reply.created(schedule);
    }

    private Reply update(ApiRequest request) {
        Schedule before = request.found(Schedule.class);
        Station station = stores.stations().get(before.stationId());
        Schedule after = stores.schedules().update(before.id(), request.body(ScheduleBody.class).settings(station.id(), station.timeZone()));
        audit.record(request, "schedule.update", "schedule", after.id().value(), before, after);
        return Reply.ok(after);
    }

    private Reply delete(ApiRequest request) {
        Schedule schedule = request.found(Schedule.class);
        stores.schedules().delete(schedule.id());
        audit.record(request, "schedule.delete", "schedule", schedule.id().value(), schedule, null);
        return Reply.none();
    }
}

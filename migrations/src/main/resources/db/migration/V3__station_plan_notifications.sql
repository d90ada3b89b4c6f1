-- Station daemons plan airings from schedules. When a schedule or a one-off airing changes, the daemon
-- running the station hears of it at once (LISTEN baraza_station_plan; the payload is the station id)
-- rather than at its next periodic pass, so a change takes effect within a second.

create function notify_station_plan() returns trigger
    language plpgsql as
$$
begin
    if tg_op in ('UPDATE', 'DELETE') then
        perform pg_notify('baraza_station_plan', old.station_id::text);
    end if;
    if tg_op in ('INSERT', 'UPDATE') and (tg_op = 'INSERT' or new.station_id <> old.station_id) then
        perform pg_notify('baraza_station_plan', new.station_id::text);
    end if;
    return null;
end
$$;

create trigger schedules_notify_plan after insert or update or delete on schedules
    for each row execute function notify_station_plan();

-- Only one-off airings need this: airings of schedules are planned by the daemon itself.
create trigger airings_notify_plan after insert on airings
    for each row when (new.schedule_id is null) execute function notify_station_plan();

-- A deleted schedule takes its airings that never started with it: they become cancelled (still in the
-- as-aired log, with the slot free), before the foreign key unties them from the schedule.
create function cancel_unaired_airings_of_schedule() returns trigger
    language plpgsql as
$$
begin
    update airings set status = 'cancelled' where schedule_id = old.id and status in ('scheduled', 'preparing');
    return old;
end
$$;

create trigger schedules_cancel_unaired before delete on schedules
    for each row execute function cancel_unaired_airings_of_schedule();

-- A station's own settings (keeping its leg, its filler) or its dial strings changed: its daemon reloads them.
create function notify_station_plan_of_station() returns trigger
    language plpgsql as
$$
begin
    perform pg_notify('baraza_station_plan', coalesce(new.station_id, old.station_id)::text);
    return null;
end
$$;

create function notify_station_settings() returns trigger
    language plpgsql as
$$
begin
    perform pg_notify('baraza_station_plan', new.id::text);
    return null;
end
$$;

create trigger transmitter_dial_strings_notify after insert or update or delete on transmitter_dial_strings
    for each row execute function notify_station_plan_of_station();

create trigger stations_notify_plan after update on stations
    for each row execute function notify_station_settings();

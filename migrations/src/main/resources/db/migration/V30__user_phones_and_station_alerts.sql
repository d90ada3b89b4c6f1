-- Reminders and alerts (issue #6). A console user may give a phone number: station managers and network
-- admins with one get SMS alerts about their stations.
alter table users add column phone_number phone_number;

-- When each kind of alert about a station was last sent, so that a station whose trouble comes and goes
-- alerts its managers at most once per cooldown, however many daemons see it: a daemon takes its turn to
-- send by moving last_sent_at forward in one statement, and only one can.
create table station_alerts (
    station_id   bigint      not null constraint station_alerts_station_fk references stations on delete cascade,
    kind         text        not null check (kind in ('transmitter_unreachable', 'airing_failed', 'silence')),
    last_sent_at timestamptz not null,
    primary key (station_id, kind)
);

-- How a station takes calls (issue #5): when it answers, whether it calls back listeners who ring and hang
-- up, and how it calls phones. One row per station that changed the defaults; no row means the defaults.

create table station_call_settings (
    station_id               bigint primary key
        constraint station_call_settings_station_fk references stations on delete cascade,
    -- How long a call rings before the station answers: the time a listener has to hang up unanswered
    -- ("flash" the station) and be called back at the station's cost. 0 answers at once.
    answer_delay_ms          integer not null default 0 check (answer_delay_ms between 0 and 30000),
    call_back_missed_calls   boolean not null default false,
    -- At most one call-back per number within the cooldown, and at most so many a day.
    callback_cooldown_minutes integer not null default 60 check (callback_cooldown_minutes between 1 and 10080),
    callbacks_per_day        integer not null default 3 check (callbacks_per_day between 1 and 100),
    -- How FreeSWITCH calls a phone for this station (hosts, guests, call-backs), with {number} for the
    -- number; null for the configured default (freeswitch.outbound-dial-template).
    outbound_dial_template   text check (outbound_dial_template ~ '^[a-z][a-z0-9_]*/[A-Za-z0-9_.@:+/={}-]{1,240}$'
        and outbound_dial_template like '%{number}%'),
    updated_at               timestamptz not null default now(),
    -- Nobody can hang up before an answer that comes at once: a call-back needs time to ring.
    constraint station_call_settings_callback_rings check (not call_back_missed_calls or answer_delay_ms >= 2000)
);
create trigger station_call_settings_touch before update on station_call_settings
    for each row execute function touch_updated_at();
create trigger station_call_settings_notify after insert or update or delete on station_call_settings
    for each row execute function notify_station_plan_of_station();

-- Listeners called back after ringing the station and hanging up before an answer.
create table callbacks (
    id             bigint generated always as identity primary key,
    station_id     bigint       not null constraint callbacks_station_fk references stations on delete cascade,
    number         phone_number not null,
    -- The unanswered call that asked for it.
    missed_call_id uuid constraint callbacks_missed_call_fk references calls on delete set null,
    requested_at   timestamptz  not null,
    status         text         not null default 'dialling'
        check (status in ('dialling', 'answered', 'failed', 'refused')),
    -- The call Baraza placed; null when refused.
    call_id        uuid constraint callbacks_call_fk references calls on delete set null,
    -- Why it failed or was refused (the hangup cause, the rate limit).
    reason         text check (length(reason) <= 500),
    constraint callbacks_missed_once unique (missed_call_id)
);
create index callbacks_number_recent on callbacks (station_id, number, requested_at);

-- mod_httapi requests of a call, in order: each document Baraza serves carries the next number, which
-- FreeSWITCH sends back. A request that does not carry the call's current number (a replay, a request
-- forged from an old one) changes nothing.
alter table calls add column httapi_seq integer not null default 0 check (httapi_seq >= 0);

-- Baraza's domain schema. The database enforces what must always hold (references, uniqueness, value
-- shapes), so that no client, however buggy, can write a row that breaks it. Constraints that a
-- repository turns into a domain error carry explicit names; see core's Constraints.
--
-- Conventions: surrogate ids are identity bigints; call legs are keyed by the FreeSWITCH uuid that
-- Baraza chooses; every instant is timestamptz; local schedule times are a timestamp plus a zone.
-- Configuration rows cascade with their owner; history rows (airings, calls, SMS) restrict deletes,
-- because the as-aired log and the CDR are proof of what happened.

-- Airing overlap is an exclusion constraint over (station, time range); btree_gist gives "=" on
-- bigint in a GiST index. It is a trusted extension: the database owner may create it.
create extension if not exists btree_gist;

-- ---------------------------------------------------------------------------------------------------
-- Value shapes shared by many tables.

create domain slug as text
    check (value ~ '^[a-z0-9]([a-z0-9-]{0,62}[a-z0-9])?$');

create domain display_name as text
    check (value = btrim(value) and length(value) between 1 and 200);

-- E.164 with its "+", or a short code (SMS short codes, local extensions).
create domain phone_number as text
    check (value ~ '^(\+[1-9][0-9]{6,14}|[0-9]{3,15})$');

-- A BCP 47 tag as stations use them: "en", "sw", "lg", "pt-BR".
create domain language_tag as text
    check (value ~ '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$');

create domain sha256_hex as text
    check (value ~ '^[0-9a-f]{64}$');

-- FreeSWITCH hangup causes: NORMAL_CLEARING, USER_BUSY, NO_ANSWER, ...
create domain hangup_cause as text
    check (value ~ '^[A-Z][A-Z0-9_]{0,63}$');

-- A file under Baraza's media or recordings directory, relative to it. The length is checked apart:
-- PostgreSQL's regular expressions allow no repetition count above 255.
create domain relative_path as text
    check (length(value) <= 500 and value ~ '^[A-Za-z0-9_][A-Za-z0-9_./-]*$' and value !~ '(^|/)\.\.(/|$)'
        and value !~ '//');

-- True when PostgreSQL knows the zone. Declared immutable so a CHECK may use it: zone names are only
-- ever added by tzdata updates, never withdrawn.
create function is_time_zone(zone text) returns boolean
    language plpgsql immutable strict as
$$
begin
    perform now() at time zone zone;
    return true;
exception
    when invalid_parameter_value then
        return false;
end
$$;

create function touch_updated_at() returns trigger
    language plpgsql as
$$
begin
    new.updated_at := now();
    return new;
end
$$;

-- ---------------------------------------------------------------------------------------------------
-- Networks and stations.

create table networks (
    id         bigint generated always as identity primary key,
    slug       slug         not null constraint networks_slug_unique unique,
    name       display_name not null,
    created_at timestamptz  not null default now()
);

create table stations (
    id                        bigint generated always as identity primary key,
    network_id                bigint         not null
        constraint stations_network_fk references networks on delete restrict,
    slug                      slug           not null,
    name                      display_name   not null,
    time_zone                 text           not null
        constraint stations_time_zone_valid check (is_time_zone(time_zone)),
    languages                 language_tag[] not null
        constraint stations_languages_count check (cardinality(languages) between 1 and 10
            and array_position(languages, null) is null),
    -- Keep the transmitter leg up between airings (and play the filler rotation) rather than hang up.
    keep_leg_between_programs boolean        not null default false,
    filler_playlist_id        bigint,
    created_at                timestamptz    not null default now(),
    updated_at                timestamptz    not null default now(),
    constraint stations_slug_unique unique (network_id, slug),
    -- Target of composite foreign keys that keep a row's station inside the row's network.
    constraint stations_id_network_unique unique (id, network_id)
);
create trigger stations_touch before update on stations for each row execute function touch_updated_at();

-- Numbers listeners call or text; each routes to exactly one station.
create table station_numbers (
    id         bigint generated always as identity primary key,
    station_id bigint       not null
        constraint station_numbers_station_fk references stations on delete cascade,
    number     phone_number not null constraint station_numbers_number_unique unique,
    voice      boolean      not null default true,
    sms        boolean      not null default true,
    label      text check (length(label) <= 200),
    constraint station_numbers_used check (voice or sms)
);
create index station_numbers_station on station_numbers (station_id);

-- How to reach the phone wired into the transmitter, tried in position order (SIP first, then SIM 1, ...).
create table transmitter_dial_strings (
    station_id  bigint   not null
        constraint transmitter_dial_strings_station_fk references stations on delete cascade,
    position    smallint not null check (position between 1 and 20),
    -- An endpoint and its target, e.g. sofia/gateway/gsm1/0772100200 or loopback/9100. No "{...}"
    -- variable prefix: Baraza sets the channel variables itself.
    dial_string text     not null check (dial_string ~ '^[a-z][a-z0-9_]*/[A-Za-z0-9_.@:+/=-]{1,250}$'),
    label       text check (length(label) <= 200),
    primary key (station_id, position)
);

-- ---------------------------------------------------------------------------------------------------
-- People: hosts, callers, users and their roles.

create table hosts (
    id           bigint generated always as identity primary key,
    network_id   bigint       not null constraint hosts_network_fk references networks on delete restrict,
    name         display_name not null,
    phone_number phone_number not null,
    -- A password-hashing function's encoded output (algorithm, parameters, salt, hash). Null: this host
    -- cannot identify by PIN and must be called by Baraza.
    pin_hash     text check (length(pin_hash) between 20 and 500),
    active       boolean      not null default true,
    created_at   timestamptz  not null default now(),
    updated_at   timestamptz  not null default now(),
    constraint hosts_phone_unique unique (network_id, phone_number),
    constraint hosts_id_network_unique unique (id, network_id)
);
create trigger hosts_touch before update on hosts for each row execute function touch_updated_at();

-- Which stations a host presents on.
create table station_hosts (
    network_id bigint not null,
    station_id bigint not null,
    host_id    bigint not null,
    primary key (station_id, host_id),
    constraint station_hosts_station_fk foreign key (station_id, network_id)
        references stations (id, network_id) on delete cascade,
    constraint station_hosts_host_fk foreign key (host_id, network_id)
        references hosts (id, network_id) on delete cascade
);
create index station_hosts_host on station_hosts (host_id);

-- Everyone who has called or texted a network's stations. Names are what a manager typed or a caller
-- said: untrusted text, escaped wherever shown.
create table callers (
    id            bigint generated always as identity primary key,
    network_id    bigint       not null constraint callers_network_fk references networks on delete restrict,
    phone_number  phone_number not null,
    name          text check (length(name) <= 200),
    notes         text check (length(notes) <= 2000),
    first_seen_at timestamptz  not null default now(),
    last_seen_at  timestamptz  not null default now(),
    constraint callers_phone_unique unique (network_id, phone_number),
    constraint callers_id_network_unique unique (id, network_id),
    check (last_seen_at >= first_seen_at)
);

create table users (
    id            bigint generated always as identity primary key,
    network_id    bigint       not null constraint users_network_fk references networks on delete restrict,
    email         text         not null check (email ~ '^[^@\s]+@[^@\s]+$' and length(email) <= 254),
    display_name  display_name not null,
    password_hash text         not null check (length(password_hash) between 20 and 500),
    disabled      boolean      not null default false,
    created_at    timestamptz  not null default now(),
    last_login_at timestamptz,
    constraint users_id_network_unique unique (id, network_id)
);
create unique index users_email_unique on users (lower(email));

-- A caller blocked on one station, or on the whole network when station_id is null.
create table caller_blocks (
    id                 bigint generated always as identity primary key,
    network_id         bigint      not null,
    caller_id          bigint      not null,
    station_id         bigint,
    reason             text check (length(reason) <= 500),
    blocked_by_user_id bigint,
    created_at         timestamptz not null default now(),
    constraint caller_blocks_caller_fk foreign key (caller_id, network_id)
        references callers (id, network_id) on delete cascade,
    -- The blocking user is of the caller's network; removing the user keeps the block.
    constraint caller_blocks_user_fk foreign key (blocked_by_user_id, network_id)
        references users (id, network_id) on delete set null (blocked_by_user_id),
    constraint caller_blocks_station_fk foreign key (station_id, network_id)
        references stations (id, network_id) on delete cascade,
    constraint caller_blocks_once unique nulls not distinct (caller_id, station_id)
);

-- What a user may do, and where: a network admin runs a whole network, a station manager runs the
-- stations named, a host sees their own shows.
create table user_roles (
    id         bigint generated always as identity primary key,
    user_id    bigint not null,
    network_id bigint not null,
    role       text   not null check (role in ('network_admin', 'station_manager', 'host')),
    station_id bigint,
    host_id    bigint,
    constraint user_roles_user_fk foreign key (user_id, network_id)
        references users (id, network_id) on delete cascade,
    constraint user_roles_station_fk foreign key (station_id, network_id)
        references stations (id, network_id) on delete cascade,
    constraint user_roles_host_fk foreign key (host_id, network_id)
        references hosts (id, network_id) on delete cascade,
    constraint user_roles_scope check (
        (role = 'network_admin' and station_id is null and host_id is null)
            or (role = 'station_manager' and station_id is not null and host_id is null)
            or (role = 'host' and host_id is not null and station_id is null)),
    constraint user_roles_once unique nulls not distinct (user_id, role, station_id, host_id)
);

-- ---------------------------------------------------------------------------------------------------
-- Media and playlists.

create table media_assets (
    id                 bigint generated always as identity primary key,
    network_id         bigint       not null constraint media_assets_network_fk references networks on delete restrict,
    -- Null: shared by every station of the network.
    station_id         bigint,
    title              display_name not null,
    kind               text         not null
        check (kind in ('music', 'recording', 'jingle', 'news', 'notice', 'prompt', 'listener_message')),
    language           language_tag,
    file_path          relative_path not null constraint media_assets_file_unique unique,
    sha256             sha256_hex   not null,
    format             text         not null check (format in ('wav', 'mp3')),
    duration_ms        integer      not null check (duration_ms > 0),
    sample_rate_hz     integer      not null check (sample_rate_hz between 8000 and 192000),
    channels           smallint     not null check (channels between 1 and 8),
    size_bytes         bigint       not null check (size_bytes > 0),
    -- Integrated loudness (EBU R128), when measured.
    loudness_lufs      numeric(5, 2) check (loudness_lufs between -70 and 0),
    created_by_user_id bigint,
    created_at         timestamptz  not null default now(),
    archived_at        timestamptz,
    constraint media_assets_station_fk foreign key (station_id, network_id)
        references stations (id, network_id) on delete restrict,
    -- The uploader is of the asset's network; removing the user keeps the asset.
    constraint media_assets_user_fk foreign key (created_by_user_id, network_id)
        references users (id, network_id) on delete set null (created_by_user_id),
    -- The same audio uploaded twice is one asset.
    constraint media_assets_content_unique unique (network_id, sha256),
    constraint media_assets_id_network_unique unique (id, network_id)
);

create table playlists (
    id         bigint generated always as identity primary key,
    network_id bigint       not null constraint playlists_network_fk references networks on delete restrict,
    station_id bigint,
    name       display_name not null,
    kind       text         not null default 'program' check (kind in ('program', 'rotation', 'jingles')),
    created_at timestamptz  not null default now(),
    updated_at timestamptz  not null default now(),
    constraint playlists_station_fk foreign key (station_id, network_id)
        references stations (id, network_id) on delete cascade,
    constraint playlists_name_unique unique nulls not distinct (network_id, station_id, name),
    constraint playlists_id_network_unique unique (id, network_id)
);
create trigger playlists_touch before update on playlists for each row execute function touch_updated_at();

create table playlist_items (
    playlist_id    bigint  not null,
    network_id     bigint  not null,
    position       integer not null check (position >= 1),
    media_asset_id bigint  not null,
    primary key (playlist_id, position),
    constraint playlist_items_playlist_fk foreign key (playlist_id, network_id)
        references playlists (id, network_id) on delete cascade,
    constraint playlist_items_media_fk foreign key (media_asset_id, network_id)
        references media_assets (id, network_id) on delete restrict
);
create index playlist_items_media on playlist_items (media_asset_id);

alter table stations
    add constraint stations_filler_playlist_fk foreign key (filler_playlist_id, network_id)
        references playlists (id, network_id) on delete set null (filler_playlist_id);

-- ---------------------------------------------------------------------------------------------------
-- Programs and schedules.

create table programs (
    id          bigint generated always as identity primary key,
    network_id  bigint       not null constraint programs_network_fk references networks on delete restrict,
    name        display_name not null,
    type        text         not null
        check (type in ('prerecorded', 'filler', 'news', 'live_talk', 'open_line', 'notices', 'poll')),
    -- The type's own settings (media, playlist, host keys, ...), validated by the program engine.
    config      jsonb        not null default '{}' check (jsonb_typeof(config) = 'object'),
    language    language_tag,
    description text check (length(description) <= 2000),
    created_at  timestamptz  not null default now(),
    updated_at  timestamptz  not null default now(),
    constraint programs_name_unique unique (network_id, name),
    constraint programs_id_network_unique unique (id, network_id)
);
create trigger programs_touch before update on programs for each row execute function touch_updated_at();

-- The hosts who present a program, in billing order.
create table program_hosts (
    network_id bigint   not null,
    program_id bigint   not null,
    host_id    bigint   not null,
    position   smallint not null default 1 check (position >= 1),
    primary key (program_id, host_id),
    constraint program_hosts_program_fk foreign key (program_id, network_id)
        references programs (id, network_id) on delete cascade,
    constraint program_hosts_host_fk foreign key (host_id, network_id)
        references hosts (id, network_id) on delete cascade
);
create index program_hosts_host on program_hosts (host_id);

-- A program on a station: from a local start, for a duration, repeated by an optional RFC 5545 RRULE
-- evaluated in the schedule's time zone (so 07:00 stays 07:00 across a DST change).
create table schedules (
    id               bigint generated always as identity primary key,
    network_id       bigint      not null,
    station_id       bigint      not null,
    program_id       bigint      not null,
    starts_local     timestamp   not null,
    time_zone        text        not null constraint schedules_time_zone_valid check (is_time_zone(time_zone)),
    duration_seconds integer     not null constraint schedules_duration_range check (duration_seconds between 1 and 86400),
    -- The RRULE value without its "RRULE:" prefix, e.g. FREQ=WEEKLY;BYDAY=MO,WE,FR. Null: once.
    rrule            text constraint schedules_rrule_shape
        check (rrule ~ '^FREQ=(SECONDLY|MINUTELY|HOURLY|DAILY|WEEKLY|MONTHLY|YEARLY)(;[A-Z]+=[A-Za-z0-9,:+-]+)*$'
            and length(rrule) <= 500),
    -- How long before the start the airing is prepared (transmitter dialled, host called).
    prepare_seconds  integer     not null default 60 check (prepare_seconds between 0 and 3600),
    active           boolean     not null default true,
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now(),
    constraint schedules_station_fk foreign key (station_id, network_id)
        references stations (id, network_id) on delete cascade,
    constraint schedules_program_fk foreign key (program_id, network_id)
        references programs (id, network_id) on delete restrict,
    -- Target of the airings' foreign key that keeps an occurrence on its schedule's station.
    constraint schedules_id_station_unique unique (id, station_id)
);
create index schedules_station on schedules (station_id);
create index schedules_program on schedules (program_id);
create trigger schedules_touch before update on schedules for each row execute function touch_updated_at();

-- ---------------------------------------------------------------------------------------------------
-- The as-aired log: one row per occurrence of a schedule (or one-off airing), what really happened.

create table airings (
    id              bigint generated always as identity primary key,
    network_id      bigint      not null,
    station_id      bigint      not null,
    program_id      bigint      not null,
    schedule_id     bigint,
    planned_start   timestamptz not null,
    planned_end     timestamptz not null,
    actual_start    timestamptz,
    actual_end      timestamptz,
    status          text        not null default 'scheduled' constraint airings_status_known
        check (status in ('scheduled', 'preparing', 'on_air', 'aired', 'partial', 'failed', 'missed', 'cancelled')),
    failure_cause   text check (length(failure_cause) <= 500),
    conference_name text check (conference_name ~ '^[A-Za-z0-9_.-]{1,100}$'),
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    constraint airings_station_fk foreign key (station_id, network_id)
        references stations (id, network_id) on delete restrict,
    constraint airings_program_fk foreign key (program_id, network_id)
        references programs (id, network_id) on delete restrict,
    -- An occurrence airs on its schedule's station; deleting the schedule keeps the airing as history.
    constraint airings_schedule_fk foreign key (schedule_id, station_id)
        references schedules (id, station_id) on delete set null (schedule_id),
    constraint airings_planned_order check (planned_end > planned_start),
    constraint airings_actual_order check (
        (actual_start is not null or actual_end is null) and (actual_end is null or actual_end >= actual_start)),
    constraint airings_ended_have_times check (
        status not in ('aired', 'partial') or (actual_start is not null and actual_end is not null)),
    constraint airings_failed_have_cause check (status <> 'failed' or failure_cause is not null),
    constraint airings_one_per_occurrence unique (schedule_id, planned_start),
    constraint airings_no_overlap exclude using gist (
        station_id with =, tstzrange(planned_start, planned_end) with &&) where (status <> 'cancelled')
);
create index airings_station_time on airings (station_id, planned_start);
create index airings_program on airings (program_id);
create trigger airings_touch before update on airings for each row execute function touch_updated_at();

-- Silence on air inside an airing: the transmitter leg dropped and was redialled, media failed, ...
create table airing_gaps (
    id         bigint generated always as identity primary key,
    airing_id  bigint      not null constraint airing_gaps_airing_fk references airings on delete cascade,
    started_at timestamptz not null,
    ended_at   timestamptz,
    cause      text        not null check (length(cause) between 1 and 500),
    constraint airing_gaps_order check (ended_at is null or ended_at >= started_at)
);
create index airing_gaps_airing on airing_gaps (airing_id);

-- What went on air, in order: media, filler, the live studio, a caller.
create table airing_items (
    id             bigint generated always as identity primary key,
    airing_id      bigint      not null constraint airing_items_airing_fk references airings on delete cascade,
    kind           text        not null check (kind in ('media', 'filler', 'jingle', 'live', 'caller', 'silence')),
    media_asset_id bigint constraint airing_items_media_fk references media_assets on delete restrict,
    label          text check (length(label) <= 500),
    started_at     timestamptz not null,
    ended_at       timestamptz,
    outcome        text check (outcome in ('played', 'interrupted', 'skipped', 'failed')),
    detail         text check (length(detail) <= 1000),
    constraint airing_items_order check (ended_at is null or ended_at >= started_at)
);
create index airing_items_airing on airing_items (airing_id, started_at);

-- What a station manager should read about an airing: a late join after a restart, a transmitter that
-- could not be reached, a file that was skipped.
create table airing_notes (
    id        bigint generated always as identity primary key,
    airing_id bigint      not null constraint airing_notes_airing_fk references airings on delete cascade,
    at        timestamptz not null,
    text      text        not null check (length(text) between 1 and 1000)
);
create index airing_notes_airing on airing_notes (airing_id, at);

-- ---------------------------------------------------------------------------------------------------
-- Calls and legs: the CDR. A call groups the legs of one conversation; a leg is one FreeSWITCH channel,
-- keyed by the uuid Baraza chose (origination_uuid) or FreeSWITCH gave an inbound call.

create table calls (
    id          uuid primary key,
    station_id  bigint constraint calls_station_fk references stations on delete restrict,
    airing_id   bigint constraint calls_airing_fk references airings on delete restrict,
    direction   text        not null check (direction in ('inbound', 'outbound')),
    -- Caller ids as the network delivered them: untrusted text.
    from_number text check (length(from_number) <= 64),
    to_number   text check (length(to_number) <= 64),
    started_at  timestamptz not null,
    answered_at timestamptz,
    ended_at    timestamptz,
    -- How the call went for the people in it, e.g. "missed" when no station answered in time.
    disposition text check (disposition in ('completed', 'missed', 'rejected', 'failed', 'abandoned')),
    constraint calls_answer_order check (answered_at is null or answered_at >= started_at),
    constraint calls_end_order check (ended_at is null or ended_at >= started_at)
);
create index calls_station_time on calls (station_id, started_at);
create index calls_from on calls (from_number, started_at);

create table legs (
    uuid                   uuid primary key,
    call_id                uuid        not null constraint legs_call_fk references calls on delete restrict,
    station_id             bigint constraint legs_station_fk references stations on delete restrict,
    airing_id              bigint constraint legs_airing_fk references airings on delete restrict,
    role                   text        not null
        -- anchor: a leg Baraza keeps in an airing's conference so that the conference outlives whoever drops.
        check (role in ('transmitter', 'host', 'caller', 'listener', 'guest', 'anchor', 'unknown')),
    direction              text        not null check (direction in ('inbound', 'outbound')),
    dial_string            text check (length(dial_string) <= 500),
    caller_id_number       text check (length(caller_id_number) <= 64),
    destination_number     text check (length(destination_number) <= 64),
    freeswitch_node        text check (length(freeswitch_node) <= 100),
    created_at             timestamptz not null,
    answered_at            timestamptz,
    ended_at               timestamptz,
    hangup_cause           hangup_cause,
    sip_hangup_disposition text check (sip_hangup_disposition ~ '^[a-z_]{1,40}$'),
    constraint legs_answer_order check (answered_at is null or answered_at >= created_at),
    constraint legs_end_order check (ended_at is null or ended_at >= created_at),
    check (ended_at is not null or hangup_cause is null)
);
create index legs_call on legs (call_id);
create index legs_airing on legs (airing_id);
create index legs_open on legs (station_id) where ended_at is null;

-- ---------------------------------------------------------------------------------------------------
-- Recordings: listener messages waiting for moderation, recorded airings.

create table recordings (
    id                   bigint generated always as identity primary key,
    station_id           bigint        not null constraint recordings_station_fk references stations on delete restrict,
    airing_id            bigint constraint recordings_airing_fk references airings on delete restrict,
    leg_uuid             uuid constraint recordings_leg_fk references legs on delete set null,
    kind                 text          not null check (kind in ('listener_message', 'airing', 'host')),
    caller_number        text check (length(caller_number) <= 64),
    file_path            relative_path not null constraint recordings_file_unique unique,
    duration_ms          integer check (duration_ms >= 0),
    moderation           text          not null default 'pending'
        check (moderation in ('pending', 'approved', 'rejected', 'not_needed')),
    moderated_by_user_id bigint constraint recordings_moderator_fk references users on delete set null,
    moderated_at         timestamptz,
    media_asset_id       bigint constraint recordings_media_fk references media_assets on delete set null,
    created_at           timestamptz   not null default now(),
    constraint recordings_moderation_time check ((moderation in ('approved', 'rejected')) = (moderated_at is not null))
);
create index recordings_pending on recordings (station_id, created_at) where moderation = 'pending';

-- ---------------------------------------------------------------------------------------------------
-- SMS: every message in and out, the outbox that sends, subscriptions and opt-outs.

-- How far a message has gone. Statuses only move forward: providers' callbacks arrive out of order, and a
-- late "sent" must not undo "delivered". The three outcomes rank equal, so the first one reported stays.
create function sms_status_rank(status text) returns integer
    language sql immutable strict as
$$
select case status
           when 'received' then 0
           when 'queued' then 1
           when 'sending' then 2
           when 'sent' then 3
           when 'delivered' then 4
           when 'undelivered' then 4
           when 'failed' then 4
       end
$$;

create table sms_messages (
    id                  bigint generated always as identity primary key,
    network_id          bigint      not null constraint sms_messages_network_fk references networks on delete restrict,
    station_id          bigint,
    airing_id           bigint constraint sms_messages_airing_fk references airings on delete restrict,
    direction           text        not null check (direction in ('inbound', 'outbound')),
    provider            text        not null check (provider ~ '^[a-z][a-z0-9_]{0,31}$'),
    -- The provider's id (Twilio's MessageSid). Inbound: always; outbound: once the provider accepted it.
    provider_message_id text check (length(provider_message_id) between 1 and 100),
    -- Outbound only: the sender's key that makes a retried send the same message.
    idempotency_key     text check (length(idempotency_key) between 1 and 200),
    from_address        text        not null check (length(from_address) between 1 and 64),
    to_address          text        not null check (length(to_address) between 1 and 64),
    -- The text exactly as received or written; untrusted, escaped wherever shown.
    body                text        not null check (length(body) <= 1600),
    status              text        not null
        check (status in ('received', 'queued', 'sending', 'sent', 'delivered', 'undelivered', 'failed')),
    error_code          text check (length(error_code) <= 50),
    error_message       text check (length(error_message) <= 1000),
    -- Inbound: when it was received; outbound: when it was queued.
    created_at          timestamptz not null default now(),
    -- Outbound: when the provider accepted it.
    sent_at             timestamptz,
    -- When the current status was recorded (a delivery report's time, a final failure's).
    status_at           timestamptz not null default now(),
    updated_at          timestamptz not null default now(),
    constraint sms_messages_station_fk foreign key (station_id, network_id)
        references stations (id, network_id) on delete restrict,
    constraint sms_messages_provider_message_once unique (provider, provider_message_id),
    constraint sms_messages_idempotency_once unique (idempotency_key),
    constraint sms_messages_inbound_shape check (direction = 'outbound' or
        (status = 'received' and provider_message_id is not null and idempotency_key is null)),
    constraint sms_messages_outbound_shape check (direction = 'inbound' or
        (status <> 'received' and idempotency_key is not null))
);
create index sms_messages_station_time on sms_messages (station_id, created_at);
create index sms_messages_from on sms_messages (from_address, created_at);
create index sms_messages_to on sms_messages (to_address, created_at);
create trigger sms_messages_touch before update on sms_messages for each row execute function touch_updated_at();

-- Outbound messages still to send. A row leaves the outbox when the provider accepted the message or
-- it failed for good; the message row keeps the outcome.
create table sms_outbox (
    message_id      bigint primary key constraint sms_outbox_message_fk references sms_messages on delete cascade,
    sender          text        not null check (length(sender) between 1 and 64),
    attempts        integer     not null default 0 check (attempts >= 0),
    next_attempt_at timestamptz not null default now(),
    locked_by       text check (length(locked_by) <= 100),
    locked_until    timestamptz,
    last_error      text check (length(last_error) <= 1000),
    -- The reply to STOP: the one message a number that opted out still receives.
    stop_confirmation boolean not null default false,
    created_at      timestamptz not null default now(),
    check ((locked_by is null) = (locked_until is null))
);
create index sms_outbox_due on sms_outbox (sender, next_attempt_at);

-- Reminders: a number that asked to hear about a station (program_id null) or one of its shows.
create table sms_subscriptions (
    id           bigint generated always as identity primary key,
    network_id   bigint       not null,
    station_id   bigint       not null,
    program_id   bigint,
    phone_number phone_number not null,
    created_at   timestamptz  not null default now(),
    constraint sms_subscriptions_station_fk foreign key (station_id, network_id)
        references stations (id, network_id) on delete cascade,
    constraint sms_subscriptions_program_fk foreign key (program_id, network_id)
        references programs (id, network_id) on delete cascade,
    constraint sms_subscriptions_once unique nulls not distinct (station_id, program_id, phone_number)
);

-- A number that texted STOP receives nothing from the network until it texts START.
create table sms_opt_outs (
    network_id        bigint       not null constraint sms_opt_outs_network_fk references networks on delete cascade,
    phone_number      phone_number not null,
    opted_out_at      timestamptz  not null default now(),
    source_message_id bigint constraint sms_opt_outs_message_fk references sms_messages on delete set null,
    primary key (network_id, phone_number)
);

-- ---------------------------------------------------------------------------------------------------
-- Polls: one vote per phone number per poll, whatever the channel.

create table polls (
    id         bigint generated always as identity primary key,
    station_id bigint      not null constraint polls_station_fk references stations on delete restrict,
    airing_id  bigint constraint polls_airing_fk references airings on delete restrict,
    question   text        not null check (length(question) between 1 and 500),
    opens_at   timestamptz not null,
    closes_at  timestamptz not null,
    created_at timestamptz not null default now(),
    constraint polls_window check (closes_at > opens_at)
);
create index polls_station_window on polls (station_id, opens_at);

create table poll_options (
    id                 bigint generated always as identity primary key,
    poll_id            bigint       not null constraint poll_options_poll_fk references polls on delete cascade,
    position           smallint     not null check (position between 1 and 9),
    label              text         not null check (length(label) between 1 and 200),
    sms_keyword        text check (sms_keyword ~ '^[A-Z0-9]{1,20}$'),
    dtmf_digit         text check (dtmf_digit ~ '^[0-9]$'),
    missed_call_number phone_number,
    constraint poll_options_position_unique unique (poll_id, position),
    constraint poll_options_keyword_unique unique (poll_id, sms_keyword),
    constraint poll_options_digit_unique unique (poll_id, dtmf_digit),
    constraint poll_options_number_unique unique (poll_id, missed_call_number),
    constraint poll_options_id_poll_unique unique (id, poll_id)
);

create table poll_votes (
    id           bigint generated always as identity primary key,
    poll_id      bigint       not null,
    option_id    bigint       not null,
    voter_number phone_number not null,
    channel      text         not null check (channel in ('sms', 'keypad', 'missed_call')),
    cast_at      timestamptz  not null,
    constraint poll_votes_option_fk foreign key (option_id, poll_id)
        references poll_options (id, poll_id) on delete cascade,
    constraint poll_votes_one_per_voter unique (poll_id, voter_number)
);
create index poll_votes_option on poll_votes (option_id);

-- ---------------------------------------------------------------------------------------------------
-- Station ownership among daemons: a daemon runs a station while it holds the lease and renews it.

create table station_leases (
    station_id  bigint primary key constraint station_leases_station_fk references stations on delete cascade,
    daemon_id   text        not null check (length(daemon_id) between 1 and 200),
    acquired_at timestamptz not null,
    expires_at  timestamptz not null,
    constraint station_leases_order check (expires_at > acquired_at)
);
create index station_leases_daemon on station_leases (daemon_id);

-- ---------------------------------------------------------------------------------------------------
-- Audit log: who changed what, when, before and after. Append-only; no foreign keys, so that it
-- outlives what it describes.

create table audit_log (
    id          bigint generated always as identity primary key,
    occurred_at timestamptz not null default now(),
    network_id  bigint,
    station_id  bigint,
    -- "user:12", "system", "sms:+256700100200": who did it, even once the user is gone.
    actor       text        not null check (actor ~ '^[a-z]+(:[^\s]{1,100})?$'),
    user_id     bigint,
    action      text        not null check (action ~ '^[a-z_]+\.[a-z_]+$'),
    entity_type text        not null check (entity_type ~ '^[a-z_]{1,50}$'),
    entity_id   text check (length(entity_id) <= 100),
    before      jsonb,
    after       jsonb
);
create index audit_log_network_time on audit_log (network_id, occurred_at);
create index audit_log_entity on audit_log (entity_type, entity_id);

create function audit_log_is_append_only() returns trigger
    language plpgsql as
$$
begin
    raise exception 'audit_log is append-only: % is not allowed', tg_op
        using errcode = 'insufficient_privilege';
end
$$;
create trigger audit_log_append_only before update or delete on audit_log
    for each statement execute function audit_log_is_append_only();
-- TRUNCATE fires no delete trigger: refuse it too.
create trigger audit_log_no_truncate before truncate on audit_log
    for each statement execute function audit_log_is_append_only();

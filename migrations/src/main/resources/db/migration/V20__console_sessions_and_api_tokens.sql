-- The console (issue #7): sign-in sessions of the web console and API tokens of scripts. Neither secret is
-- stored: only its SHA-256, which is enough for a random 256-bit secret (nothing to guess from a leaked
-- table) and is cheap to look up on every request.

create table console_sessions (
    id           bigint generated always as identity primary key,
    user_id      bigint      not null constraint console_sessions_user_fk references users on delete cascade,
    secret_hash  bytea       not null constraint console_sessions_secret_unique unique
                             check (length(secret_hash) = 32),
    -- The session's anti-forgery token, sent back by forms and scripts in the page; not a credential alone.
    csrf_token   text        not null check (length(csrf_token) between 20 and 100),
    client       text check (length(client) <= 200),
    created_at   timestamptz not null,
    last_seen_at timestamptz not null,
    -- The absolute end: however active the session, it ends then.
    expires_at   timestamptz not null,
    check (expires_at > created_at)
);
create index console_sessions_user on console_sessions (user_id);

create table api_tokens (
    id           bigint generated always as identity primary key,
    user_id      bigint      not null constraint api_tokens_user_fk references users on delete cascade,
    name         text        not null check (length(name) between 1 and 100),
    secret_hash  bytea       not null constraint api_tokens_secret_unique unique check (length(secret_hash) = 32),
    created_at   timestamptz not null,
    last_used_at timestamptz,
    revoked_at   timestamptz
);
-- A user's live tokens have distinct names, so that "revoke the backup script's token" is unambiguous.
create unique index api_tokens_live_name on api_tokens (user_id, name) where revoked_at is null;

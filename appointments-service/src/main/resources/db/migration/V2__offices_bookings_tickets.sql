-- Offices: where citizens are served, when, by which counters (issue 5).
create table office (
    id            text        primary key,
    name_en       text        not null,
    name_local    text,
    kind          text        not null,   -- POPULATION_SERVICE_CENTRE, MIGRATION_POLICE_UNIT, PASSPORT_OFFICE, CONSULATE, PUBLIC_SERVICES_CENTRE, OTHER
    country       varchar(2)  not null,   -- whose public holidays close it (WorkingCalendar)
    zone          text        not null,   -- IANA zone id, e.g. Asia/Almaty
    address       text,
    hours         jsonb       not null,   -- [{day, opens, closes, breaks:[{from,to}]}], local times
    legal_source  text        not null,   -- where the office, its address and hours come from
    updated_at    timestamptz not null
);

create table office_counter (
    office_id text    not null references office (id) on delete cascade,
    code      text    not null,           -- the window number shown in the hall, e.g. 11
    location  text,                       -- building, floor, hall
    priority  boolean not null default false, -- serves the priority groups (elderly, disabled, pregnant) first
    services  text[]  not null,
    primary key (office_id, code)
);

-- How an office offers a service: an override of the catalog's booking policy, the share of
-- capacity kept for walk-ins, the slot length and the anti-hoarding quota.
create table office_service (
    office_id             text    not null references office (id) on delete cascade,
    service_code          text    not null,
    booking_policy        text    check (booking_policy in ('ONLINE_AND_WALK_IN', 'WALK_IN_ONLY', 'BOOKING_ONLY')),
    walk_in_share_percent integer not null default 0 check (walk_in_share_percent between 0 and 100),
    slot_minutes          integer check (slot_minutes between 5 and 480),
    quota_max_bookings    integer check (quota_max_bookings >= 1),
    quota_window_days     integer check (quota_window_days >= 1),
    source                text,
    primary key (office_id, service_code)
);

create table office_closure (
    id        bigserial primary key,
    office_id text not null references office (id) on delete cascade,
    date_from date not null,
    date_to   date not null check (date_to >= date_from),   -- inclusive, office-local dates
    reason    text not null
);
create index office_closure_office on office_closure (office_id, date_from);

-- One row per bookable slot that has been booked at least once. "taken" never exceeds "capacity":
-- every booking path increments it with a conditional UPDATE under the row lock, and the CHECK is
-- the last guard. Correct with any number of service instances on this database.
create table slot_capacity (
    office_id    text        not null,
    service_code text        not null,
    starts_at    timestamptz not null,
    capacity     integer     not null check (capacity >= 0),
    taken        integer     not null default 0,
    primary key (office_id, service_code, starts_at),
    constraint slot_not_overbooked check (taken >= 0 and taken <= capacity)
);

create table booking (
    id              uuid        primary key,
    short_code      varchar(8)  not null unique,
    office_id       text        not null references office (id),
    service_code    text        not null,
    starts_at       timestamptz not null,
    ends_at         timestamptz not null,
    person_id       text        not null,
    application_ref text,
    status          text        not null check (status in ('HELD', 'CONFIRMED', 'CANCELLED', 'EXPIRED', 'CHECKED_IN', 'NO_SHOW')),
    hold_expires_at timestamptz,
    booked_by       text        not null,
    created_at      timestamptz not null,
    confirmed_at    timestamptz,
    closed_at       timestamptz,
    ticket_id       uuid,
    reschedules     integer     not null default 0
);
-- One active booking per person per service.
create unique index booking_one_active on booking (person_id, service_code) where status in ('HELD', 'CONFIRMED');
create index booking_held_by_slot on booking (office_id, service_code, starts_at) where status = 'HELD';
create index booking_held_expiry on booking (hold_expires_at) where status = 'HELD';
create index booking_confirmed_start on booking (starts_at) where status = 'CONFIRMED';
create index booking_person_created on booking (person_id, created_at);

create table ticket (
    id             uuid        primary key,
    office_id      text        not null references office (id),
    local_date     date        not null,
    number         text        not null,
    service_code   text        not null,
    kind           text        not null check (kind in ('WALK_IN', 'BOOKED')),
    priority       boolean     not null,
    booking_id     uuid,
    status         text        not null check (status in ('WAITING', 'CALLED', 'SERVED', 'NO_SHOW')),
    issued_at      timestamptz not null,
    due_at         timestamptz,            -- booked tickets: the slot's start
    ahead_at_issue integer     not null,
    called_at      timestamptz,
    counter_code   text,
    recalls        integer     not null default 0,
    closed_at      timestamptz,
    unique (office_id, local_date, number)
);
create index ticket_waiting on ticket (office_id, local_date, issued_at) where status = 'WAITING';
create index ticket_by_day on ticket (office_id, local_date);

create table ticket_sequence (
    office_id  text    not null,
    local_date date    not null,
    prefix     text    not null,
    last       integer not null,
    primary key (office_id, local_date, prefix)
);

-- Per-person request counting against bots: one row per subject and minute, shared by all instances.
create table rate_limit (
    subject      text        not null,
    window_start timestamptz not null,
    hits         integer     not null,
    primary key (subject, window_start)
);

create table idempotency_key (
    caller          text         not null,
    operation       text         not null,
    idempotency_key varchar(255) not null,
    request_hash    varchar(64)  not null,
    request         jsonb        not null,
    response_status integer,
    response_body   text,
    resource_id     uuid,
    created_at      timestamptz  not null,
    primary key (caller, operation, idempotency_key)
);
create index idempotency_key_created on idempotency_key (created_at);

-- Booking policy and counter time of each service, as the requirements catalog publishes them.
create table service_policy (
    id              bigserial primary key,
    service_code    text        not null,
    country         varchar(2)  not null,
    title_en        text        not null,
    effective_from  date        not null,
    effective_until date,
    booking_policy  text        not null check (booking_policy in ('ONLINE_AND_WALK_IN', 'WALK_IN_ONLY', 'BOOKING_ONLY')),
    service_minutes integer     check (service_minutes > 0),
    catalog_version integer     not null,
    unique (service_code, effective_from)
);

-- Every catalog version this service has taken in, with the event that brought it.
create table catalog_version_received (
    catalog_version integer     primary key,
    event_id        uuid        not null,
    published_at    timestamptz not null,
    received_at     timestamptz not null,
    services        integer     not null
);

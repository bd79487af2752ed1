-- Booking policy and counter time of each service, as the requirements catalog publishes them.
create table service_policy (
    id                  bigserial primary key,
    service_code        text       not null,
    country             varchar(2) not null,
    title_en            text       not null,
    effective_from      date,          -- null: the source is undated
    effective_to        date,          -- exclusive; null: open-ended
    booking_policy      text       not null check (booking_policy in ('ONLINE_AND_WALK_IN', 'WALK_IN_ONLY', 'BOOKING_ONLY')),
    min_service_minutes integer    check (min_service_minutes > 0),
    max_service_minutes integer    check (max_service_minutes >= min_service_minutes),
    catalog_version     integer    not null
);
create index service_policy_code on service_policy (service_code);

-- Review window and result validity of each service, as the requirements catalog publishes them.
create table review_rule (
    id              bigserial primary key,
    service_code    text    not null,
    country         varchar(2) not null,
    title_en        text    not null,
    effective_from  date    not null,
    effective_until date,
    review_amount   integer check (review_amount > 0),
    review_unit     text    check (review_unit in ('CALENDAR_DAYS', 'WORKING_DAYS', 'MONTHS', 'YEARS')),
    validity_amount integer check (validity_amount > 0),
    validity_unit   text    check (validity_unit in ('CALENDAR_DAYS', 'WORKING_DAYS', 'MONTHS', 'YEARS')),
    fee_code        text    not null,
    catalog_version integer not null,
    unique (service_code, effective_from),
    check ((review_amount is null) = (review_unit is null)),
    check ((validity_amount is null) = (validity_unit is null))
);

create table catalog_version_received (
    catalog_version integer     primary key,
    event_id        uuid        not null,
    published_at    timestamptz not null,
    received_at     timestamptz not null,
    services        integer     not null
);

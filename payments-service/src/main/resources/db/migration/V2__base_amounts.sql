-- Statutory base amounts fees are computed from (e.g. the Uzbek BHM), as dated values: a value is in
-- force from effective_from until the next value's date. Admins add values (POST /v1/base-amounts/{code}).
create table base_amount (
    code          text         not null,
    effective_from date        not null,
    amount_minor  bigint       not null check (amount_minor > 0),
    currency      varchar(3)   not null check (currency ~ '^[A-Z]{3}$'),
    legal_source  text         not null,
    from_source   boolean      not null,  -- false: configuration still to be confirmed
    created_at    timestamptz  not null,
    created_by    text         not null,
    primary key (code, effective_from)
);

-- CONFIGURATION, TO BE CONFIRMED: source 004 states the e-key price as a percentage of the BHM but no
-- BHM value. 375 000 UZS is the figure we believe applied from 2024-10-01; an admin must confirm it (or
-- add the correct dated value) against the decree before production.
insert into base_amount (code, effective_from, amount_minor, currency, legal_source, from_source, created_at, created_by)
values ('uz.bhm', date '2024-10-01', 37500000, 'UZS',
        'CONFIGURATION, to be confirmed: no value in source 004; believed BHM from 2024-10-01, decree not verified',
        false, timestamptz '2026-11-21 00:00:00+00', 'migration V2');

-- Applications for an electronic signature key (ENQ), source 004. The full PINFL/TIN and phone are
-- kept here (the certificate needs them); they never go to logs or events.
create table key_application (
    id                  uuid         primary key,
    applicant_type      text         not null check (applicant_type in ('INDIVIDUAL', 'LEGAL_ENTITY')),
    pinfl               varchar(14)  not null check (pinfl ~ '^[0-9]{14}$'),
    tin                 varchar(9)   check (tin ~ '^[0-9]{9}$'),
    holder_name         varchar(200) not null,
    organisation        varchar(200),
    phone               varchar(16)  not null check (phone ~ '^\+[1-9][0-9]{6,14}$'),
    region              varchar(100) not null,
    district            varchar(100) not null,
    channel             text         not null check (channel in ('SERVICE_CENTRE', 'PORTAL', 'E_IMZO')),
    status              text         not null check (status in ('SUBMITTED', 'PHONE_VERIFIED', 'FEE_INVOICED', 'PAID',
                                                                 'IDENTITY_CHECKED', 'ISSUED', 'REJECTED')),
    submitted_by        text         not null,
    submitted_role      text         not null,
    office              text,
    submitted_at        timestamptz  not null,
    phone_verified_at   timestamptz,
    invoice_id          uuid,
    payment_code        varchar(9),
    fee_total_minor     bigint,
    fee_currency        varchar(3),
    paid_at             timestamptz,
    payment_id          text,
    identity_checked_by text,
    identity_checked_at timestamptz,
    identity_note       varchar(500),
    certificate_serial  varchar(40),
    renewal_of          varchar(40),
    issued_at           timestamptz,
    version             integer      not null default 0,
    constraint key_application_legal_entity check ((applicant_type = 'LEGAL_ENTITY') = (tin is not null))
);
create index key_application_invoice on key_application (invoice_id) where invoice_id is not null;
create index key_application_pinfl on key_application (pinfl);

-- SMS one-time codes: only a salted HMAC of the code is kept (purpose: phone, revoke).
create table one_time_code (
    purpose         text         not null,
    subject         text         not null,
    salt            bytea        not null,
    code_hash       bytea        not null,
    expires_at      timestamptz  not null,
    failed_attempts integer      not null default 0,
    used            boolean      not null default false,
    last_sent_at    timestamptz  not null,
    window_start    timestamptz  not null,
    sends_in_window integer      not null,
    primary key (purpose, subject)
);

-- Certificates issued by the issuing CA. Only the certificate (public) is stored, never a private key.
create table certificate (
    serial            varchar(40)  primary key check (serial ~ '^[0-9A-F]+$'),
    application_id    uuid         not null references key_application (id),
    holder_type       text         not null,
    masked_identifier text         not null,
    key_algorithm     text         not null,
    pem               text         not null,
    not_before        timestamptz  not null,
    not_after         timestamptz  not null,
    issued_at         timestamptz  not null,
    revoked_at        timestamptz,
    revocation_reason text,
    revoked_by        text,
    superseded_by     varchar(40),
    constraint certificate_revocation check ((revoked_at is null) = (revocation_reason is null))
);
create index certificate_revoked on certificate (revoked_at) where revoked_at is not null;
create index certificate_not_after on certificate (not_after) where revoked_at is null;

-- Expiry reminders already raised: the primary key makes each (certificate, days) reminder happen
-- once, whichever instance's job gets there first.
create table expiry_reminder (
    serial     varchar(40)  not null references certificate (serial),
    days_left  integer      not null check (days_left in (30, 14, 7)),
    sent_at    timestamptz  not null,
    primary key (serial, days_left)
);

create sequence crl_number_seq;

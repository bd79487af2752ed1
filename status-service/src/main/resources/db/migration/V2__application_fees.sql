-- The fees of applications, as payments-service announces its invoices.
create table application_fee (
    invoice_id      text        primary key,
    payment_code    text        not null,
    application_ref text,
    fee_code        text        not null,
    total_minor     bigint      not null check (total_minor >= 0),
    currency        varchar(3)  not null,
    status          text        not null check (status in ('DUE', 'CANCELLED')),
    issued_at       timestamptz not null,
    expires_at      timestamptz not null,
    cancelled_at    timestamptz,
    cancel_reason   text,
    -- How many times an invoice-issued event was applied to this row: always 1 when the inbox works.
    times_applied   integer     not null default 1
);
create index application_fee_ref on application_fee (application_ref);

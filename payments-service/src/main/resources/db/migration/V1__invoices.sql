-- Invoices (payment slips). Amounts are minor units of the invoice currency (ISO 4217), fixed at issue.
create table invoice (
    id              uuid         primary key,
    payment_code    varchar(9)   not null,
    fee_code        text         not null,
    title           text         not null,
    options         jsonb        not null,
    priced_on       date         not null,  -- day (fee country's zone) whose schedule and base amount applied
    application_ref varchar(64),
    currency        varchar(3)   not null check (currency ~ '^[A-Z]{3}$'),
    total_minor     bigint       not null check (total_minor > 0),
    status          text         not null check (status in ('ISSUED', 'PAID', 'CANCELLED', 'EXPIRED', 'REFUNDED')),
    issued_at       timestamptz  not null,
    expires_at      timestamptz  not null check (expires_at > issued_at),
    issued_by       text         not null,
    office          text,
    cancelled_at    timestamptz,
    cancelled_by    text,
    cancel_reason   varchar(500),
    constraint invoice_payment_code_unique unique (payment_code),
    constraint invoice_cancelled_fields check ((status = 'CANCELLED') = (cancelled_at is not null))
);
create index invoice_application_ref on invoice (application_ref) where application_ref is not null;
create index invoice_issued_expiry on invoice (expires_at) where status = 'ISSUED';

-- One line per beneficiary account; an invoice's lines sum to its total.
create table invoice_line (
    invoice_id   uuid     not null references invoice (id) on delete cascade,
    line_no      smallint not null,
    line_id      text     not null,
    description  text     not null,
    account      text     not null,
    beneficiary  text     not null,
    amount_minor bigint   not null check (amount_minor > 0),
    primary key (invoice_id, line_no)
);
create index invoice_line_account on invoice_line (account);

-- Idempotency-Key of state-changing requests: the request's fingerprint and the response it got.
-- Same caller + operation + key: same request → the stored response; different request → 409.
create table idempotency_key (
    caller          text         not null,
    operation       text         not null,
    idempotency_key varchar(255) not null,
    request_hash    varchar(64)  not null,  -- SHA-256 (hex) of the canonical request
    request         jsonb        not null,
    response_status integer,
    response_body   text,
    resource_id     uuid,
    created_at      timestamptz  not null,
    primary key (caller, operation, idempotency_key)
);
create index idempotency_key_created on idempotency_key (created_at);

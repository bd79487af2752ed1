-- Bank payments, expiry and refunds (issue 6).
alter table invoice add column paid_at     timestamptz;
alter table invoice add column expired_at  timestamptz;
alter table invoice add column refunded_at timestamptz;
-- Whom to tell about the invoice (a phone in E.164 or a subject id) and in which language; optional.
alter table invoice add column notify_recipient varchar(64);
alter table invoice add column notify_language  varchar(16);

-- One payment per invoice, enforced here as well as by the conditional status update.
create table payment (
    id              uuid         primary key,
    invoice_id      uuid         not null references invoice (id),
    payment_code    varchar(9)   not null,
    bank            text         not null,
    bank_reference  varchar(64),
    amount_minor    bigint       not null check (amount_minor > 0),
    currency        varchar(3)   not null check (currency ~ '^[A-Z]{3}$'),
    paid_at         timestamptz  not null,
    idempotency_key varchar(255),
    refunded_minor  bigint       not null default 0,
    constraint payment_invoice_unique unique (invoice_id),
    constraint payment_refund_within check (refunded_minor >= 0 and refunded_minor <= amount_minor)
);
create index payment_bank_paid on payment (bank, paid_at);

create table refund (
    id           uuid         primary key,
    payment_id   uuid         not null references payment (id),
    amount_minor bigint       not null check (amount_minor > 0),
    reason       varchar(500) not null,
    refunded_at  timestamptz  not null,
    refunded_by  text         not null
);
create index refund_payment on refund (payment_id);

-- Official exchange rates as dated reference data (e.g. the CBR's RUB rates): nominal units of currency
-- cost value units of base on rate_date. Imported by admins (PUT /v1/rates/{date}); never overwritten.
create table exchange_rate (
    rate_date  date          not null,
    source     varchar(16)   not null,
    base       varchar(3)    not null check (base ~ '^[A-Z]{3}$'),
    currency   varchar(3)    not null check (currency ~ '^[A-Z]{3}$'),
    nominal    integer       not null check (nominal > 0),
    value      numeric(20, 8) not null check (value > 0),
    created_at timestamptz   not null,
    created_by text          not null,
    primary key (source, base, currency, rate_date)
);

-- Webhook subscriptions of banks and systems. The secret signs deliveries (HMAC-SHA256); during a rotation
-- the previous secret also signs until previous_valid_until.
create table webhook (
    id                   uuid         primary key,
    owner_role           text         not null check (owner_role in ('bank', 'admin')),
    owner                text         not null,   -- the bank id, or the admin's subject
    bank                 text,                    -- set for bank subscriptions: they see only their own payments
    url                  text         not null,
    events               text[]       not null,
    secret               text         not null,
    previous_secret      text,
    previous_valid_until timestamptz,
    created_at           timestamptz  not null
);

-- One delivery of one event to one subscription, written in the transaction of the event itself.
create table webhook_delivery (
    id              uuid         primary key,
    webhook_id      uuid         not null references webhook (id),
    event_id        uuid         not null,
    event_type      text         not null,
    body            text         not null,
    status          text         not null check (status in ('PENDING', 'DELIVERED', 'FAILED')),
    attempts        integer      not null default 0,
    next_attempt_at timestamptz  not null,
    last_status     integer,
    last_error      varchar(500),
    created_at      timestamptz  not null,
    delivered_at    timestamptz,
    constraint webhook_delivery_once unique (webhook_id, event_id)
);
create index webhook_delivery_due on webhook_delivery (next_attempt_at) where status = 'PENDING';
create index webhook_delivery_by_hook on webhook_delivery (webhook_id, created_at);

-- Banks' daily statements (CSV uploads) for reconciliation; the latest upload of a bank and day counts.
create table bank_statement (
    id             uuid         primary key,
    bank           text         not null,
    statement_date date         not null,
    uploaded_at    timestamptz  not null,
    uploaded_by    text         not null
);
create index bank_statement_day on bank_statement (bank, statement_date, uploaded_at desc);
create table bank_statement_line (
    statement_id   uuid         not null references bank_statement (id),
    line_no        integer      not null,
    payment_code   varchar(32)  not null,
    account        varchar(64)  not null,
    amount_minor   bigint       not null,
    currency       varchar(3)   not null,
    bank_reference varchar(64),
    primary key (statement_id, line_no)
);

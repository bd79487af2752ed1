-- Applications from submission to hand-over, their history, legal clocks, lookup throttling,
-- complaints and feedback (issue 7). Local dates are in the office's zone; instants are UTC.

-- Application numbers: <country>-<year>-<6 digits>, one sequence for every instance.
create sequence application_number_seq;
create sequence complaint_number_seq;

create table application (
    number             text         primary key,
    service_code       text         not null,
    kind               text         not null,
    office_id          text         not null,
    country            varchar(2)   not null,
    zone               text         not null,
    state              text         not null,
    applicant_id       text         not null,
    applicant_name     text         not null,
    applicant_language varchar(8)   not null,
    applicant_phone    text,
    documents          jsonb        not null,
    facts              jsonb        not null,
    delivery           text         not null check (delivery in ('PICK_UP', 'HOME_DELIVERY')),
    delivery_address   text,
    delivery_phone     text,
    booking_id         text,
    officer_subject    text         not null,
    officer_name       text         not null,
    officer_position   text         not null,
    -- SHA-256 of the access code; the code itself is shown once on the talon and never stored.
    access_code_hash   bytea        not null check (length(access_code_hash) = 32),
    submitted_at       timestamptz  not null,
    completed_at       timestamptz,
    constraint application_delivery_address check (delivery = 'PICK_UP' or delivery_address is not null)
);
create index application_office_state on application (office_id, state);
create index application_applicant on application (applicant_id);
create index application_completed on application (completed_at) where completed_at is not null;

-- Every edge an application took, oldest first.
create table application_history (
    id              bigserial    primary key,
    number          text         not null references application (number),
    event           text         not null,
    from_state      text,
    to_state        text         not null,
    actor_role      text         not null,
    actor           text         not null,
    reasons         jsonb        not null default '[]',
    note            text,
    occurred_at     timestamptz  not null
);
create index application_history_number on application_history (number, id);

-- Legal clocks. DUTY clocks run until an event stops them (MET in time, LATE after the due date);
-- VALIDITY rows say how long a result is valid (status INFO).
create table deadline (
    id                    bigserial   primary key,
    number                text        not null references application (number),
    clock                 text        not null,
    type                  text        not null check (type in ('DUTY', 'VALIDITY')),
    status                text        not null check (status in ('RUNNING', 'MET', 'LATE', 'INFO')),
    started_on            date        not null,
    due_date              date        not null,
    basis                 text        not null,
    closed_on             date,
    office_id             text        not null,
    service_code          text        not null,
    zone                  text        not null,
    approaching_raised_at timestamptz,
    breached_raised_at    timestamptz
);
create unique index deadline_one_running_per_clock on deadline (number, clock) where status = 'RUNNING';
create index deadline_number on deadline (number);
create index deadline_watch on deadline (due_date) where status = 'RUNNING';

-- Invoices whose payment moved an application: a second payment-received for the same invoice
-- (a distinct event id) changes nothing.
create table fee_payment (
    invoice_id  text        primary key,
    number      text        not null references application (number),
    payment_id  text        not null,
    applied_at  timestamptz not null
);

-- Failed access-code lookups per key (number or client address), in fixed windows; shared by instances.
create table lookup_throttle (
    key          text        primary key,
    window_start timestamptz not null,
    failures     integer     not null
);

create table complaint (
    number              text        primary key,
    application_number  text        references application (number),
    office_id           text        not null,
    complainant_id      text,
    complainant_name    text        not null,
    postal_address      text        not null,
    about               text        not null,
    subject             text        not null,
    demands             text        not null,
    written             boolean     not null,
    accepted_by_name    text        not null,
    accepted_by_subject text        not null,
    handler_name        text        not null,
    handler_contact     text        not null,
    accepted_at         timestamptz not null,
    answer_due_at       timestamptz not null,
    answered_at         timestamptz
);

create table feedback (
    number             text        primary key references application (number),
    service_code       text        not null,
    office_id          text        not null,
    process            smallint    not null check (process between 1 and 5),
    information        smallint    not null check (information between 1 and 5),
    courtesy           smallint    not null check (courtesy between 1 and 5),
    complaint_handling smallint    check (complaint_handling between 1 and 5),
    given_at           timestamptz not null
);
create index feedback_given on feedback (given_at);

-- The fee projection learns payments too.
alter table application_fee drop constraint application_fee_status_check;
alter table application_fee add constraint application_fee_status_check check (status in ('DUE', 'CANCELLED', 'PAID'));
alter table application_fee add column paid_at timestamptz;

-- Event backbone of every Kerege service (owned by the platform module; versions 0.x, services use 1+).
-- Outbox: an event is inserted in the same transaction as the state change it reports, and relayed to
-- Kafka afterwards. seq orders events; bucket (hash of the aggregate id) is the unit of relay work,
-- so one relay at a time sends a given aggregate's events, in seq order.
create table outbox_event (
    seq            bigserial    primary key,
    id             uuid         not null unique,
    topic          text         not null,
    event_type     text         not null,
    aggregate_type text         not null,
    aggregate_id   text         not null,
    bucket         integer      not null,
    payload        jsonb        not null,
    occurred_at    timestamptz  not null,
    sent_at        timestamptz
);
create index outbox_event_unsent on outbox_event (bucket, seq) where sent_at is null;
create index outbox_event_sent_at on outbox_event (sent_at) where sent_at is not null;

-- Inbox: one row per event a consumer has applied, written in the same transaction as its effect.
create table inbox_event (
    consumer        text         not null,
    event_id        uuid         not null,
    event_type      text         not null,
    topic           text         not null,
    kafka_partition integer      not null,
    kafka_offset    bigint       not null,
    processed_at    timestamptz  not null,
    primary key (consumer, event_id)
);

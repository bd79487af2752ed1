-- Versioned snapshots a consumer has taken in (e.g. each published catalog version), so that an older
-- version arriving late never replaces a newer one. Written in the inbox transaction.
create table received_version (
    stream       text        not null,
    version      integer     not null,
    event_id     uuid        not null,
    published_at timestamptz not null,
    received_at  timestamptz not null,
    primary key (stream, version)
);

-- The relay reads unsent rows in seq order. With (bucket, seq) PostgreSQL could not serve
-- "bucket = any(...) order by seq limit n" from the index and, whenever its statistics said most rows
-- were unsent (during and right after a backlog), scanned the primary key through every sent row:
-- p99 commit-to-consumed went from ~10 ms to 160 ms (bench/relay). An index of the unsent rows in seq
-- order serves the query directly.
-- The sent_at index is dropped too: pruning walks the primary key from the oldest rows, and every
-- index on sent_at made marking a row sent cost one more index write.
drop index if exists outbox_event_unsent;
drop index if exists outbox_event_sent_at;
create index outbox_event_unsent on outbox_event (seq) where sent_at is null;

-- Change notifications for the public status lookup's in-memory answers (PublicStatusCache, ADR 0007).
-- Every committed change to what the lookup shows (an application, its history, its due dates) notifies every
-- instance listening on channel kerege_status_view with the application number; PostgreSQL delivers notifications
-- only on commit, and folds identical ones of one transaction into one.
create function notify_public_view_changed() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        perform pg_notify('kerege_status_view', old.number);
    else
        perform pg_notify('kerege_status_view', new.number);
        if tg_op = 'UPDATE' and old.number is distinct from new.number then
            perform pg_notify('kerege_status_view', old.number);
        end if;
    end if;
    return null;
end $$;

create trigger application_public_view_changed after insert or update or delete on application
    for each row execute function notify_public_view_changed();
create trigger history_public_view_changed after insert or update or delete on application_history
    for each row execute function notify_public_view_changed();
create trigger deadline_public_view_changed after insert or update or delete on deadline
    for each row execute function notify_public_view_changed();

-- Failed access-code lookups (LookupThrottle): every instance learns the new count of a number or a client, so that
-- none serves an answer from memory to a number or address that is blocked for guessing.
-- Payload: <key> <failures> <window start, epoch seconds>
create function notify_lookup_throttle() returns trigger language plpgsql as $$
begin
    perform pg_notify('kerege_status_throttle',
                      new.key || ' ' || new.failures || ' ' || floor(extract(epoch from new.window_start))::bigint);
    return null;
end $$;

create trigger lookup_throttle_counted after insert or update on lookup_throttle
    for each row execute function notify_lookup_throttle();

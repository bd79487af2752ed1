-- The statements appointments-service runs for one POST /v1/bookings (partner on behalf, no Idempotency-Key),
-- in the same order and transactions (RateLimiter.HIT; then OfficeStore.LOAD, CatalogPolicies.BY_CODE,
-- BookingStore.LOCK_PERSON, RELEASE_OWN_STALE_HOLD, ENSURE_SLOT, TAKE_PLACE, INSERT). Run with -M prepared and
-- PGOPTIONS='-c search_path=appointments'; variables: office, service, base (epoch seconds of the first slot),
-- nslots, capacity. Keep in step with the Java constants when they change.
\set p random(1, 2000000000)
\set s random(0, :nslots - 1)
BEGIN;
insert into rate_limit (subject, window_start, hits) values ('pgb-' || :client_id || '-' || :p, date_trunc('minute', now()), 1)
  on conflict (subject, window_start) do update set hits = rate_limit.hits + 1 returning hits;
COMMIT;
BEGIN;
select o.id, o.name_en, o.name_local, o.kind, o.country, o.zone, o.address, o.hours::text, o.legal_source,
  coalesce((select json_agg(json_build_object('code', c.code, 'location', c.location, 'priority', c.priority,
        'services', c.services) order by length(c.code), c.code) from office_counter c where c.office_id = o.id), '[]')::text,
  coalesce((select json_agg(json_build_object('serviceCode', s.service_code, 'bookingPolicy', s.booking_policy,
        'walkInSharePercent', s.walk_in_share_percent, 'slotMinutes', s.slot_minutes,
        'quotaMaxBookings', s.quota_max_bookings, 'quotaWindowDays', s.quota_window_days, 'source', s.source)
        order by s.service_code) from office_service s where s.office_id = o.id), '[]')::text,
  coalesce((select json_agg(json_build_object('id', x.id, 'from', x.date_from, 'to', x.date_to, 'reason', x.reason)
        order by x.date_from) from office_closure x where x.office_id = o.id), '[]')::text
from office o where o.id = :office;
select service_code, country, title_en, effective_from, effective_to, booking_policy, min_service_minutes,
  max_service_minutes, catalog_version from service_policy where service_code = :service;
select pg_advisory_xact_lock(hashtextextended('pgb-' || :client_id || '-' || :p || '/' || :service, 0));
with expired as (
  update booking set status = 'EXPIRED', closed_at = now()
  where person_id = 'pgb-' || :client_id || '-' || :p and service_code = :service and status = 'HELD' and hold_expires_at <= now()
  returning office_id, service_code, starts_at)
update slot_capacity s set taken = s.taken - 1 from expired e
where s.office_id = e.office_id and s.service_code = e.service_code and s.starts_at = e.starts_at;
insert into slot_capacity (office_id, service_code, starts_at, capacity, taken)
  values (:office, :service, to_timestamp(:base::bigint + :s::bigint * 1200), :capacity::int, 0) on conflict do nothing;
update slot_capacity set taken = taken + 1
where office_id = :office and service_code = :service and starts_at = to_timestamp(:base::bigint + :s::bigint * 1200) and taken < capacity;
insert into booking (id, short_code, office_id, service_code, starts_at, ends_at, person_id, application_ref,
  status, hold_expires_at, booked_by, created_at)
values (gen_random_uuid(), upper(substr(md5(random()::text), 1, 8)), :office, :service,
  to_timestamp(:base::bigint + :s::bigint * 1200), to_timestamp(:base::bigint + :s::bigint * 1200 + 1200),
  'pgb-' || :client_id || '-' || :p, null, 'HELD', now() + interval '5 minutes', 'bench-partner', now()) on conflict do nothing;
COMMIT;

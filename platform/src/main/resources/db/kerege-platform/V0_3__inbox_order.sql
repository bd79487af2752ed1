-- The order in which a consumer applied events, to check order per aggregate (fault runs, audits).
alter table inbox_event add column seq bigserial;
alter table inbox_event add column subject text;

-- Review windows and result validity of each service, as the requirements catalog publishes them.
-- review_windows / result_validity: [{"condition": "...", "amount": 60, "unit": "CALENDAR_DAYS", "startsOn": "..."}]
create table review_rule (
    id              bigserial primary key,
    service_code    text       not null,
    country         varchar(2) not null,
    title_en        text       not null,
    effective_from  date,          -- null: the source is undated
    effective_to    date,          -- exclusive; null: open-ended
    review_windows  jsonb      not null,
    result_validity jsonb      not null,
    fee_code        text,
    catalog_version integer    not null
);
create index review_rule_code on review_rule (service_code);

-- Published versions of the catalog. content holds the catalog files as published:
-- {"index.json": {...}, "reference-lists.json": [...], "kg/kg.meken-card.json": {...}, ...}
create table catalog_version (
    number        integer     primary key check (number >= 1),
    published_at  timestamptz not null,
    published_by  text        not null,
    source        text        not null check (source in ('shipped', 'uploaded')),
    services      integer     not null,
    content       jsonb       not null
);

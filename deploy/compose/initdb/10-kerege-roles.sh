#!/bin/bash
# Runs once, when the PostgreSQL volume is empty (docker-entrypoint-initdb.d). Creates one login role
# per service and its schema, owned by that role (contracts.md: one database `kerege`, one schema per
# service, each service its own role). Flyway then migrates each schema as its owner.
set -euo pipefail

for service in requirements appointments payments status signature; do
    var="${service^^}_DB_PASSWORD"
    password="${!var:?$var is not set (see deploy/compose/.env.example)}"
    psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
         -v role="$service" -v password="$password" <<'SQL'
CREATE ROLE :"role" LOGIN PASSWORD :'password';
CREATE SCHEMA :"role" AUTHORIZATION :"role";
SQL
done

# Nobody but the superuser creates objects in the public schema.
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
     -c 'REVOKE CREATE ON SCHEMA public FROM PUBLIC'

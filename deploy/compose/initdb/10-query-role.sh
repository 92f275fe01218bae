#!/bin/bash
# Runs once, when the postgres container initializes an empty data directory: the query
# service's read-only role (PostgreSQL 14+: pg_read_all_data reads every schema), named as
# query's migration names it (the migration then only grants; it creates it where no one did).
set -euo pipefail
psql --variable=ON_ERROR_STOP=1 --username="$POSTGRES_USER" --dbname="$POSTGRES_DB" \
  --set=password="$QUERY_PASSWORD" <<'SQL'
CREATE ROLE sourcing_reader LOGIN PASSWORD :'password' IN ROLE pg_read_all_data;
ALTER ROLE sourcing_reader SET default_transaction_read_only = on;
SQL

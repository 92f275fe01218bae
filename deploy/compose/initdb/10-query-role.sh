#!/bin/bash
# Runs once, when the postgres container initializes an empty data directory: the query
# service's read-only role (PostgreSQL 14+: pg_read_all_data reads every schema).
set -euo pipefail
psql --variable=ON_ERROR_STOP=1 --username="$POSTGRES_USER" --dbname="$POSTGRES_DB" \
  --set=password="$QUERY_PASSWORD" <<'SQL'
CREATE ROLE sourcing_query LOGIN PASSWORD :'password' IN ROLE pg_read_all_data;
SQL

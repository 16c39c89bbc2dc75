#!/usr/bin/env bash
# Starts the portal at http://localhost:5080 with demo data, on a private PostgreSQL cluster whose data
# lives in deploy/local/.data (git-ignored). Run it again and it reuses the data.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
# shellcheck source=deploy/local/lib.sh
source "$here/lib.sh"

PGPORT="${THRESHOLDPORTAL_PGPORT:-5433}"
PGDATA_DIR="$here/.data/postgres"
URL="${THRESHOLDPORTAL_URL:-http://localhost:5080}"

ensure_packages postgresql postgresql-contrib
start_cluster "$PGDATA_DIR" "$PGPORT"
if ! psql -h 127.0.0.1 -p "$PGPORT" -U postgres -tAc "select 1 from pg_database where datname='thresholdportal'" | grep -q 1; then
  psql -h 127.0.0.1 -p "$PGPORT" -U postgres -qc "create database thresholdportal" >/dev/null
fi

cat <<INFO

Refer a child (ThresholdPortal) is starting at $URL
PostgreSQL: 127.0.0.1:$PGPORT, data in $PGDATA_DIR (stop it with: runuser -u postgres -- $(pg_bin)/pg_ctl -D $PGDATA_DIR stop)

Demo sign-ins (Development only), all with the password Demo-Pass-2026!
  referrer@example.org      Referrer at Riverside Primary School
  practitioner@example.org  MASH practitioner
  manager@example.org       MASH manager
  police@example.org        Agency responder at Northshire Police
  admin@example.org         Administrator

INFO

export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
export ConnectionStrings__Portal="Host=127.0.0.1;Port=$PGPORT;Database=thresholdportal;Username=postgres"
export Database__MigrateOnStartup=true
cd "$root"
exec dotnet run --project src/ThresholdPortal.Web --no-launch-profile --urls "$URL"

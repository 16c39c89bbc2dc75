#!/usr/bin/env bash
# Starts the portal at http://localhost:5080 with demo data, on a private PostgreSQL cluster whose data
# lives in deploy/local/.data (git-ignored), and a real SMTP server on loopback (aiosmtpd) that saves the
# portal's e-mails as .eml files in deploy/local/.data/mail. Run it again and it reuses the data.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
# shellcheck source=deploy/local/lib.sh
source "$here/lib.sh"

PGPORT="${THRESHOLDPORTAL_PGPORT:-5433}"
PGDATA_DIR="$here/.data/postgres"
URL="${THRESHOLDPORTAL_URL:-http://localhost:5080}"
SMTP_PORT="${THRESHOLDPORTAL_SMTP_PORT:-2525}"
MAIL_DIR="$here/.data/mail"

ensure_packages postgresql postgresql-contrib python3-aiosmtpd
ensure_node
start_cluster "$PGDATA_DIR" "$PGPORT"
# The owner role runs the migrations; the portal signs in as the app role, which cannot alter tables or disable
# triggers (docs/decisions/0115). Both scripts may run again on every start.
psql -h 127.0.0.1 -p "$PGPORT" -U postgres -v ON_ERROR_STOP=1 -qf "$root/deploy/database/roles.sql"
if ! psql -h 127.0.0.1 -p "$PGPORT" -U postgres -tAc "select 1 from pg_database where datname='thresholdportal'" | grep -q 1; then
  psql -h 127.0.0.1 -p "$PGPORT" -U postgres -qc "create database thresholdportal" >/dev/null
fi
psql -h 127.0.0.1 -p "$PGPORT" -U postgres -d thresholdportal -v ON_ERROR_STOP=1 -qf "$root/deploy/database/grants.sql"

# Debian's aiosmtpd belongs to the system Python, which another python3 on the PATH may hide.
smtp_pid=""
if port_in_use "$SMTP_PORT"; then
  echo "Port $SMTP_PORT is already taken; assuming it is an SMTP server from an earlier run." >&2
else
  mkdir -p "$MAIL_DIR"
  PYTHONPATH="$here" /usr/bin/python3 -m aiosmtpd -n -l "127.0.0.1:$SMTP_PORT" -c smtp_drop.EmlDrop "$MAIL_DIR" &
  smtp_pid=$!
  trap '[ -n "$smtp_pid" ] && kill "$smtp_pid" 2>/dev/null || true' EXIT
fi

cat <<INFO

Refer a child (ThresholdPortal) is starting at $URL
PostgreSQL: 127.0.0.1:$PGPORT, data in $PGDATA_DIR (stop it with: runuser -u postgres -- $(pg_bin)/pg_ctl -D $PGDATA_DIR stop)

Demo sign-ins (seeded by tools/ThresholdPortal.DemoData), all with the password Demo-Pass-2026!
  referrer@example.org      Referrer at Riverside Primary School
  practitioner@example.org  MASH practitioner
  manager@example.org       MASH manager
  police@example.org        Agency responder at Northshire Police
  admin@example.org         Administrator
  dpo@example.org           Data protection officer (subject access)

The practitioner, manager, administrator and data protection officer also need a code from an authenticator app. They are
enrolled with this published demo key (never use it for a real account):
  $(python3 -c 'import sys; sys.path.insert(0, sys.argv[1]); import totp; print(totp.DEMO_KEY)' "$here")
Add it to any authenticator app, or print the current code with: python3 deploy/local/totp.py

E-mails (invitations, password resets...) go to the SMTP server on 127.0.0.1:$SMTP_PORT and are saved in
$MAIL_DIR

INFO

export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
export ConnectionStrings__Portal="Host=127.0.0.1;Port=$PGPORT;Database=thresholdportal;Username=thresholdportal_app"
export ConnectionStrings__Migrations="Host=127.0.0.1;Port=$PGPORT;Database=thresholdportal;Username=thresholdportal_owner"
export Database__MigrateOnStartup=true
export Email__Mode=Smtp
export Email__Smtp__Host=127.0.0.1
export Email__Smtp__Port="$SMTP_PORT"
export Email__Smtp__Security=None
export Email__PublicBaseUrl="$URL"
cd "$root"
# Demo data is a tool's, not the portal's (docs/decisions/0082): it migrates, seeds an empty database once, and exits.
dotnet run --project tools/ThresholdPortal.DemoData -- --migrate
# Optional (THRESHOLDPORTAL_SSO_DEMO=1): a local OpenID Connect provider, tools/ThresholdPortal.LocalOidcProvider, and
# a "Sign in with Northshire staff account" button for the demo's MASH staff (docs/decisions/0122). Never for real use.
if [ "${THRESHOLDPORTAL_SSO_DEMO:-0}" = "1" ]; then
  OIDC_URL="${THRESHOLDPORTAL_OIDC_URL:-http://127.0.0.1:5199}"
  council_id="$(psql -h 127.0.0.1 -p "$PGPORT" -U postgres -d thresholdportal -tAc \
    "select \"Id\" from \"Organisations\" where \"Name\" = 'Northshire County Council'")"
  LOCAL_OIDC_URL="$OIDC_URL" LOCAL_OIDC_USERS="practitioner@example.org,manager@example.org" \
    dotnet run --project tools/ThresholdPortal.LocalOidcProvider &
  oidc_pid=$!
  trap '[ -n "$smtp_pid" ] && kill "$smtp_pid" 2>/dev/null; kill "$oidc_pid" 2>/dev/null || true' EXIT
  export SingleSignOn__Providers__0__Scheme=Northshire
  export SingleSignOn__Providers__0__DisplayName="Northshire staff account"
  export SingleSignOn__Providers__0__OrganisationId="$council_id"
  export SingleSignOn__Providers__0__Authority="$OIDC_URL/"
  export SingleSignOn__Providers__0__ClientId=threshold-portal
  export SingleSignOn__Providers__0__ClientSecret=local-demo-secret-not-for-production
  echo "Single sign-on demo: practitioner@example.org and manager@example.org can use the Northshire button."
fi

# Not exec: the trap above stops the SMTP server (and the demo provider) when the portal stops.
dotnet run --project src/ThresholdPortal.Web --no-launch-profile --urls "$URL"

#!/usr/bin/env bash
# Runs every test of the solution on a bare Debian machine: installs PostgreSQL and Chromium from apt if
# missing, starts a throwaway PostgreSQL cluster on a free loopback port, runs `dotnet test`, stops the
# cluster and exits with the tests' status. Arguments are passed to `dotnet test` (e.g. --filter).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
# shellcheck source=deploy/local/lib.sh
source "$here/lib.sh"

ensure_packages postgresql postgresql-contrib chromium fonts-liberation python3

work="$(mktemp -d /tmp/thresholdportal-test.XXXXXX)"
chmod 755 "$work"
pgdata="$work/postgres"
port="$(free_port)"
cleanup() {
  stop_cluster "$pgdata"
  rm -rf "$work"
}
trap cleanup EXIT

# fsync off: this cluster is thrown away after the run.
start_cluster "$pgdata" "$port" "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300"
echo "Test PostgreSQL on 127.0.0.1:$port"

export THRESHOLDPORTAL_TEST_DB="Host=127.0.0.1;Port=$port;Username=postgres"
export THRESHOLDPORTAL_CHROMIUM="${THRESHOLDPORTAL_CHROMIUM:-/usr/bin/chromium}"

cd "$root"
dotnet tool restore >/dev/null
dotnet build ThresholdPortal.sln -c Release -warnaserror -nologo -v quiet
status=0
dotnet test ThresholdPortal.sln -c Release --no-build --nologo \
  --logger "trx;LogFilePrefix=results" --results-directory "$work/results" "$@" || status=$?

# One plain closing line over every test project, as CI reads it.
python3 "$here/summarise-trx.py" "$work/results" || status=1
exit "$status"

#!/usr/bin/env bash
# Runs every test of the solution on a bare Debian machine: installs PostgreSQL, Chromium's headless shell and
# aiosmtpd from apt if missing, starts a throwaway PostgreSQL cluster on a free loopback port, runs `dotnet test`,
# stops the cluster and exits with the tests' status. Tests that send e-mail start their own real SMTP server on
# loopback (aiosmtpd with deploy/local/smtp_drop.py), so they can also stop it to show an outage.
# Arguments are passed to `dotnet test` (e.g. --filter).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
# shellcheck source=deploy/local/lib.sh
source "$here/lib.sh"

ensure_packages postgresql postgresql-contrib chromium-headless-shell fonts-liberation python3 python3-aiosmtpd
ensure_node

# The throwaway cluster lives in memory where the machine offers a tmpfs with room (Debian's /dev/shm), else in /tmp.
# Each test clones a database, 646 files made and later removed; on ext4 without a journal (this machine's root) the
# search for a free inode among so many just removed took half of PostgreSQL's processor time in the tests
# (docs/decisions/0152).
scratch=/tmp
if [[ -w /dev/shm && "$(stat -f -c %T /dev/shm 2>/dev/null)" == tmpfs ]] \
  && (( $(df --output=avail -k /dev/shm | tail -n 1) > 2 * 1024 * 1024 )); then
  scratch=/dev/shm
fi
work="$(mktemp -d "$scratch/thresholdportal-test.XXXXXX")"
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
# The owner and app roles the tests' databases are made with (docs/decisions/0115); the tests run the same script.
psql -h 127.0.0.1 -p "$port" -U postgres -v ON_ERROR_STOP=1 -qf "$root/deploy/database/roles.sql"

export THRESHOLDPORTAL_TEST_DB="Host=127.0.0.1;Port=$port;Username=postgres"
# Chromium's headless shell, as Playwright itself runs headless: a new browser context and its first page cost a sixth of
# the processor that the full browser's headless mode takes (docs/decisions/0143).
export THRESHOLDPORTAL_CHROMIUM="${THRESHOLDPORTAL_CHROMIUM:-/usr/bin/chromium-headless-shell}"
# Debian's aiosmtpd is installed for the system Python, which another python3 on the PATH may hide.
export THRESHOLDPORTAL_PYTHON="${THRESHOLDPORTAL_PYTHON:-/usr/bin/python3}"
# Every test host (a portal per test class, derived factories, the loopback fakes) would otherwise watch its appsettings
# files, one inotify instance each; Linux allows a user 128, and a parallel run came within reach of it.
export DOTNET_hostBuilder__reloadConfigOnChange=false
# Any file provider still asked to watch (content roots, static files) polls instead of taking an inotify instance: the
# instances still ran out late in a run once the API's six test classes (and their portals) were added.
export DOTNET_USE_POLLING_FILE_WATCHER=true

cd "$root"
dotnet tool restore >/dev/null
dotnet build ThresholdPortal.sln -c Release -warnaserror -nologo -v quiet
status=0
dotnet test ThresholdPortal.sln -c Release --no-build --nologo \
  --logger "trx;LogFilePrefix=results" --results-directory "$work/results" "$@" || status=$?

# One plain closing line over every test project, as CI reads it.
python3 "$here/summarise-trx.py" "$work/results" || status=1
# Set THRESHOLDPORTAL_KEEP_RESULTS to a directory to keep the TRX files (each test's duration) after the run.
if [[ -n "${THRESHOLDPORTAL_KEEP_RESULTS:-}" ]]; then
  mkdir -p "$THRESHOLDPORTAL_KEEP_RESULTS" && cp "$work"/results/*.trx "$THRESHOLDPORTAL_KEEP_RESULTS"/ || true
fi
exit "$status"

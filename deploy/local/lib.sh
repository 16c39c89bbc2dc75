# Shared by run.sh and test.sh: install what is missing from Debian's apt, and run a private PostgreSQL
# cluster on loopback. Sourced, not executed.

apt_updated=""

# ensure_packages PACKAGE... : installs the Debian packages that are not installed yet.
ensure_packages() {
  local missing=()
  local package
  for package in "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if ! command -v sudo >/dev/null 2>&1; then
      echo "Missing Debian packages: ${missing[*]}. Install them as root (apt-get install ${missing[*]}) and run this again." >&2
      return 1
    fi
    sudo="sudo"
  fi
  if [ -z "$apt_updated" ]; then
    echo "Updating the apt package lists..."
    $sudo apt-get update -qq
    apt_updated=1
  fi
  echo "Installing ${missing[*]} from apt..."
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# ensure_node : the build runs `npm ci` for GOV.UK Frontend. Debian's nodejs does not bring npm, so both are
# installed when npm is missing (a Node.js installed some other way, with its own npm, is left alone).
ensure_node() {
  command -v npm >/dev/null 2>&1 && command -v node >/dev/null 2>&1 && return 0
  ensure_packages nodejs npm
}

pg_bin() {
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1
}

# as_postgres CMD... : PostgreSQL refuses to run as root, so root runs it as the postgres user.
as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

# start_cluster DATA_DIR PORT [EXTRA_SERVER_OPTIONS] : creates the cluster if needed and starts it on 127.0.0.1.
start_cluster() {
  local data="$1" port="$2" extra="${3:-}"
  local bin
  bin="$(pg_bin)"
  if [ ! -s "$data/PG_VERSION" ]; then
    mkdir -p "$data"
    [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$data"
    chmod 700 "$data"
    if ! as_postgres test -w "$data"; then
      echo "The postgres user cannot write to $data; move the checkout somewhere it can reach (for example /srv or /tmp)." >&2
      return 1
    fi
    as_postgres "$bin/initdb" -D "$data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  fi
  if as_postgres "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    return 0
  fi
  as_postgres "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w start \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $data $extra" >/dev/null
}

stop_cluster() {
  local data="$1"
  [ -s "$data/PG_VERSION" ] || return 0
  as_postgres "$(pg_bin)/pg_ctl" -D "$data" -m fast -w stop >/dev/null 2>&1 || true
}

# port_in_use PORT : true when something listens on 127.0.0.1:PORT.
port_in_use() {
  python3 -c 'import socket, sys; s = socket.socket(); s.settimeout(0.5); sys.exit(0 if s.connect_ex(("127.0.0.1", int(sys.argv[1]))) == 0 else 1)' "$1"
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

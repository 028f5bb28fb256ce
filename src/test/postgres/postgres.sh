#!/usr/bin/env bash
# A throwaway PostgreSQL for the integration tests of the postgres profile (mvn -Ppayara,postgres verify), from the
# server binaries of Debian's postgresql package (/usr/lib/postgresql/<version>/bin; PG_BIN=<dir> picks others).
#
#   postgres.sh start STATE_DIR PORT   a new cluster in STATE_DIR/data, TCP on 127.0.0.1:PORT only (no Unix socket),
#                                      database and user freshjwt, whose password goes to STATE_DIR/password
#   postgres.sh stop STATE_DIR         stops it (fast shutdown) and deletes its data
#   postgres.sh crash STATE_DIR        stops it abruptly (immediate shutdown, as a crash or a killed container), data kept
#   postgres.sh resume STATE_DIR       starts it again on the same data and port, after crash
#
# PostgreSQL refuses to run as root: as root, every server command runs as the postgres user (created by Debian's
# package). That user may not be able to reach STATE_DIR (a clone under /root): the data directory then goes to a
# fresh directory under /tmp, named in STATE_DIR/server-dir, and is deleted by stop (which keeps its log). A watchdog
# stops the server when the Maven process that started it ends without stopping it (Ctrl+C, a crash).
set -euo pipefail

usage() { echo "usage: $0 start STATE_DIR PORT | stop STATE_DIR | crash STATE_DIR | resume STATE_DIR" >&2; exit 2; }
[ $# -ge 2 ] || usage
command=$1
state=$(mkdir -p "$2" && cd "$2" && pwd)
script=$(cd "$(dirname "$0")" && pwd)/$(basename "$0")
cd / # the server's user may not be allowed into the build's directory

bin=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}
if [ -z "$bin" ] || [ ! -x "$bin/pg_ctl" ]; then
  echo "PostgreSQL's server binaries were not found (/usr/lib/postgresql/<version>/bin):" \
       "apt-get install postgresql, or set PG_BIN" >&2
  exit 1
fi

as_server=()
if [ "$(id -u)" -eq 0 ]; then
  if ! id postgres >/dev/null 2>&1; then
    echo "Running as root, but there is no postgres user to run PostgreSQL as (apt-get install postgresql)" >&2
    exit 1
  fi
  as_server=(runuser -u postgres --)
fi

# The server's options: TCP on 127.0.0.1:PORT only, no Unix socket.
options() { echo "-c listen_addresses=127.0.0.1 -c port=$1 -c unix_socket_directories=''"; }

# Stops the server of the cluster this directory holds, if one runs, and deletes its data.
stop_cluster() {
  [ -f "$state/server-dir" ] || return 0
  local dir
  dir=$(cat "$state/server-dir")
  if [ -f "$dir/data/postmaster.pid" ]; then
    "${as_server[@]}" "$bin/pg_ctl" -D "$dir/data" -m fast -w -t 60 stop >/dev/null 2>&1 || true
  fi
  if [ "$dir" = "$state" ]; then
    rm -rf "$state/data" "$state/superuser-password"
  else
    cp "$dir/postgres.log" "$state/" 2>/dev/null || true
    rm -rf "$dir"
  fi
  rm -f "$state/server-dir"
}

# The watchdog of a cluster this directory held, if it still waits.
stop_watchdog() {
  [ -f "$state/watchdog.pid" ] || return 0
  kill "$(cat "$state/watchdog.pid")" 2>/dev/null || true
  rm -f "$state/watchdog.pid"
}

case $command in
  start)
    [ $# -eq 3 ] || usage
    port=$3
    # A cluster a killed build left behind.
    stop_watchdog
    stop_cluster
    rm -rf "$state/data" "$state/password" "$state/initdb.log" "$state/postgres.log"

    # Where the server's files go (data, log, the superuser's password file): STATE_DIR, unless the server's user
    # cannot write there.
    dir=$state
    if [ ${#as_server[@]} -gt 0 ]; then
      chown postgres "$state"
      if ! runuser -u postgres -- test -w "$state"; then
        dir=$(mktemp -d /tmp/freshjwt-postgres.XXXXXX)
        chown postgres "$dir"
      fi
    fi
    echo "$dir" > "$state/server-dir"
    echo "$port" > "$state/port"
    trap stop_cluster EXIT # unless it all goes well
    data=$dir/data
    log=$dir/postgres.log

    # Passwords for this run only: the server listens on loopback, but other local users could reach it.
    (umask 077
     head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' > "$state/password"
     head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' > "$dir/superuser-password")
    if [ ${#as_server[@]} -gt 0 ]; then
      touch "$log"
      chown postgres "$dir/superuser-password" "$log"
    fi

    "${as_server[@]}" "$bin/initdb" -D "$data" -U postgres --pwfile="$dir/superuser-password" \
      --auth=scram-sha-256 --encoding=UTF8 --locale=C >"$state/initdb.log" 2>&1 \
      || { cat "$state/initdb.log" >&2; exit 1; }
    if ! "${as_server[@]}" "$bin/pg_ctl" -D "$data" -l "$log" -w -t 60 \
        -o "$(options "$port")" start >/dev/null; then
      cat "$log" >&2
      exit 1
    fi

    PGPASSWORD=$(cat "$dir/superuser-password") "$bin/psql" -X -q -v ON_ERROR_STOP=1 \
      -h 127.0.0.1 -p "$port" -U postgres -d postgres <<SQL
CREATE ROLE freshjwt LOGIN PASSWORD '$(cat "$state/password")';
CREATE DATABASE freshjwt OWNER freshjwt;
SQL

    # The watchdog: while the build that started the server runs, nothing; once it is gone, stop the server. A
    # normal stop ends the watchdog first.
    setsid bash -c 'while kill -0 "$1" 2>/dev/null; do sleep 2; done; rm -f "$3/watchdog.pid"; exec bash "$2" stop "$3"' \
      watchdog "$PPID" "$script" "$state" </dev/null >/dev/null 2>&1 &
    echo $! > "$state/watchdog.pid"
    trap - EXIT
    echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port, database freshjwt, data in $data"
    ;;
  stop)
    stop_watchdog
    stop_cluster
    echo "PostgreSQL stopped"
    ;;
  crash)
    dir=$(cat "$state/server-dir")
    "${as_server[@]}" "$bin/pg_ctl" -D "$dir/data" -m immediate -w -t 60 stop >/dev/null
    echo "PostgreSQL stopped abruptly"
    ;;
  resume)
    dir=$(cat "$state/server-dir")
    "${as_server[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/postgres.log" -w -t 60 \
      -o "$(options "$(cat "$state/port")")" start >/dev/null \
      || { tail -n 20 "$dir/postgres.log" >&2; exit 1; }
    echo "PostgreSQL started again"
    ;;
  *) usage ;;
esac

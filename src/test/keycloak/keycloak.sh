#!/usr/bin/env bash
# A throwaway Keycloak for the integration tests of the keycloak profile (mvn -Ppayara,keycloak verify), from the
# distribution the build unpacked (org.keycloak:keycloak-quarkus-dist, zip, from Maven Central).
#
#   keycloak.sh start KEYCLOAK_HOME STATE_DIR PORT MANAGEMENT_PORT REALM_FILE [APP_PORT]
#       imports REALM_FILE into a new, empty database (start-dev: H2 files under KEYCLOAK_HOME/data) and starts
#       Keycloak on 127.0.0.1:PORT (management interface 127.0.0.1:MANAGEMENT_PORT); returns once the realm's OpenID
#       configuration answers. Bootstrap administrator admin / admin. Log in STATE_DIR/keycloak.log. With APP_PORT
#       (the demo's, -Ddemo.port), the application URLs of the realm file (redirect URIs, back-channel logout URL:
#       http://127.0.0.1:8080/..., http://localhost:8080/...) name that port instead of 8080.
#   keycloak.sh stop STATE_DIR
#       stops it (and its watchdog): TERM, then KILL after 30 s.
#
# The JDK: the first of TOOLCHAIN_JAVA_HOME (exec-maven-plugin sets it to the build's server JDK: Java 21+ for the
# current servers, but possibly 17 under -Pee10), JAVA_HOME, JAVA25_HOME, JAVA21_HOME and /usr/lib/jvm/* that is a
# Java 21 or later (Keycloak 26 needs it).
# Keycloak runs in a session of its own (setsid), so that stop ends kc.sh and the JVMs it starts, and nothing else. A
# watchdog stops it when the Maven process that started it ends without stopping it (Ctrl+C, a crash).
set -euo pipefail

usage() { echo "usage: $0 start KEYCLOAK_HOME STATE_DIR PORT MANAGEMENT_PORT REALM_FILE [APP_PORT] | stop STATE_DIR" >&2; exit 2; }
[ $# -ge 2 ] || usage
command=$1
script=$(cd "$(dirname "$0")" && pwd)/$(basename "$0")

# Stops the Keycloak this state directory names, if it still runs: its whole process group.
stop_keycloak() {
  [ -f "$state/keycloak.pid" ] || return 0
  local pid
  pid=$(cat "$state/keycloak.pid")
  if kill -0 -- "-$pid" 2>/dev/null; then
    kill -TERM -- "-$pid" 2>/dev/null || true
    for _ in $(seq 1 60); do
      kill -0 -- "-$pid" 2>/dev/null || break
      sleep 0.5
    done
    kill -KILL -- "-$pid" 2>/dev/null || true
  fi
  rm -f "$state/keycloak.pid"
}

stop_watchdog() {
  [ -f "$state/watchdog.pid" ] || return 0
  kill "$(cat "$state/watchdog.pid")" 2>/dev/null || true
  rm -f "$state/watchdog.pid"
}

case $command in
  start)
    [ $# -eq 6 ] || [ $# -eq 7 ] || usage
    home=$(cd "$2" && pwd)
    state=$(mkdir -p "$3" && cd "$3" && pwd)
    port=$4
    management_port=$5
    realm_file=$6
    app_port=${7:-8080}
    case $app_port in ''|*[!0-9]*) echo "APP_PORT is not a port number: $app_port" >&2; exit 2 ;; esac
    java_home=
    for candidate in "${TOOLCHAIN_JAVA_HOME:-}" "${JAVA_HOME:-}" "${JAVA25_HOME:-}" "${JAVA21_HOME:-}" /usr/lib/jvm/*; do
      [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] || continue
      # "17.0.13", "21.0.5", "25": the feature version is the first number.
      feature=$("$candidate/bin/java" -XshowSettings:properties -version 2>&1 \
        | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p')
      if [ -n "$feature" ] && [ "$feature" -ge 21 ]; then
        java_home=$candidate
        break
      fi
    done
    if [ -z "$java_home" ]; then
      echo "No JDK 21 or later for Keycloak (tried TOOLCHAIN_JAVA_HOME, JAVA_HOME, JAVA25_HOME, JAVA21_HOME, /usr/lib/jvm/*): install one or set JAVA_HOME to it" >&2
      exit 1
    fi
    echo "Keycloak runs on $java_home"
    # A Keycloak a killed build left behind.
    stop_watchdog
    stop_keycloak

    # A new database each run, so that the realm is imported as committed (--import-realm skips an existing realm).
    rm -rf "$home/data"
    mkdir -p "$home/data/import"
    sed -e "s#://127\.0\.0\.1:8080/#://127.0.0.1:$app_port/#g" -e "s#://localhost:8080/#://localhost:$app_port/#g" \
      "$realm_file" > "$home/data/import/$(basename "$realm_file")"
    realm=$(sed -n 's/^  "realm": "\(.*\)",$/\1/p' "$realm_file")
    [ -n "$realm" ] || { echo "No \"realm\" name in $realm_file" >&2; exit 1; }

    trap stop_keycloak EXIT # unless it all goes well
    log=$state/keycloak.log
    # start-dev: HTTP, an H2 database in data/, no hostname to configure (the issuer follows the request's host:
    # tests and the demo all use 127.0.0.1).
    JAVA_HOME=$java_home KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin \
      setsid "$home/bin/kc.sh" start-dev --import-realm --http-host 127.0.0.1 --http-port "$port" \
      --http-management-port "$management_port" </dev/null >"$log" 2>&1 &
    echo $! > "$state/keycloak.pid"
    echo "$port" > "$state/port"

    # Ready when the realm's OpenID configuration answers: the realm is imported and the server takes requests. A
    # first start also builds Keycloak's optimised configuration (about 30 s here); 45-90 s in all on 2 cores.
    url=http://127.0.0.1:$port/realms/$realm/.well-known/openid-configuration
    deadline=$((SECONDS + 300))
    until curl -fsS -o /dev/null --max-time 5 "$url" 2>/dev/null; do
      if ! kill -0 "$(cat "$state/keycloak.pid")" 2>/dev/null; then
        echo "Keycloak stopped during its start:" >&2
        tail -n 40 "$log" >&2
        exit 1
      fi
      if [ $SECONDS -ge $deadline ]; then
        echo "Keycloak did not answer $url within 300 s:" >&2
        tail -n 40 "$log" >&2
        exit 1
      fi
      sleep 1
    done

    # The watchdog: while the build that started Keycloak runs, nothing; once it is gone, stop Keycloak. A normal stop
    # ends the watchdog first.
    setsid bash -c 'while kill -0 "$1" 2>/dev/null; do sleep 2; done; rm -f "$3/watchdog.pid"; exec bash "$2" stop "$3"' \
      watchdog "$PPID" "$script" "$state" </dev/null >/dev/null 2>&1 &
    echo $! > "$state/watchdog.pid"
    trap - EXIT
    echo "Keycloak $(cat "$home/version.txt" 2>/dev/null | awk '{print $NF}') on http://127.0.0.1:$port, realm $realm, log in $log"
    ;;
  stop)
    state=$(mkdir -p "$2" && cd "$2" && pwd)
    stop_watchdog
    stop_keycloak
    echo "Keycloak stopped"
    ;;
  *) usage ;;
esac

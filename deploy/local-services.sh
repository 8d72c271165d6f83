#!/usr/bin/env bash
# PostgreSQL and Redis on this machine, for CI and for working by hand.
#
# Installs them from Debian's packages when missing, starts them when they are
# not running, waits until they answer, and creates the CI database. On a
# machine where both already run it changes nothing, so it is safe to call
# again and again (.ci/run calls it every time).
#
#   bash deploy/local-services.sh            # PostgreSQL 5432, Redis 6379
#   LOCAL_DATABASE=lms bash deploy/local-services.sh
set -euo pipefail

PG_PORT="${PG_PORT:-5432}"
REDIS_PORT="${REDIS_PORT:-6379}"
LOCAL_DATABASE="${LOCAL_DATABASE:-lms_ci}"
WAIT_SECONDS="${WAIT_SECONDS:-60}"

say() { echo "local-services: $*"; }

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

install_packages() {
    local missing=()
    command -v pg_ctlcluster >/dev/null 2>&1 && ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 \
        || missing+=(postgresql)
    command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
    [ "${#missing[@]}" -eq 0 ] && return 0
    say "installing ${missing[*]} from Debian's packages"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

pg_answers() {
    pg_isready -q -h 127.0.0.1 -p "$PG_PORT" >/dev/null 2>&1
}

redis_answers() {
    [ "$(redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null)" = "PONG" ]
}

wait_for() {
    local what="$1" check="$2" waited=0
    until "$check"; do
        if [ "$waited" -ge "$WAIT_SECONDS" ]; then
            say "$what did not answer within ${WAIT_SECONDS}s" >&2
            exit 1
        fi
        sleep 1
        waited=$((waited + 1))
    done
}

start_postgres() {
    pg_answers && return 0
    local version cluster
    version="$(ls /usr/lib/postgresql | sort -V | tail -1)"
    cluster="main"
    if ! pg_lsclusters -h | awk '{print $1, $2}' | grep -qx "$version $cluster"; then
        say "creating PostgreSQL $version cluster $cluster"
        as_root pg_createcluster "$version" "$cluster" --port "$PG_PORT" >/dev/null
    fi
    say "starting PostgreSQL $version"
    as_root pg_ctlcluster "$version" "$cluster" start
    wait_for PostgreSQL pg_answers
}

trust_local_connections() {
    # CI and the test suite connect as postgres over loopback without a password.
    if psql_as_postgres -c "SELECT 1" >/dev/null 2>&1; then
        return 0
    fi
    local hba
    hba="$(as_root runuser -u postgres -- psql -tAc 'SHOW hba_file')"
    say "allowing password-less loopback connections in $hba"
    as_root sed -i -E 's/^(host\s+all\s+all\s+(127\.0\.0\.1\/32|::1\/128)\s+)\S+/\1trust/' "$hba"
    as_root runuser -u postgres -- psql -qc 'SELECT pg_reload_conf()' >/dev/null
}

psql_as_postgres() {
    psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -qtA "$@"
}

create_database() {
    local exists
    exists="$(psql_as_postgres -c "SELECT 1 FROM pg_database WHERE datname = '$LOCAL_DATABASE'")"
    if [ "$exists" != "1" ]; then
        say "creating database $LOCAL_DATABASE"
        psql_as_postgres -c "CREATE DATABASE \"$LOCAL_DATABASE\""
    fi
}

start_redis() {
    redis_answers && return 0
    say "starting Redis on port $REDIS_PORT"
    redis-server --daemonize yes --bind 127.0.0.1 --port "$REDIS_PORT" \
        --save "" --appendonly no >/dev/null
    wait_for Redis redis_answers
}

install_packages
start_postgres
trust_local_connections
create_database
start_redis
say "PostgreSQL at 127.0.0.1:$PG_PORT (database $LOCAL_DATABASE), Redis at 127.0.0.1:$REDIS_PORT"

#!/usr/bin/env bash
# Start the production-style stack on this machine: gunicorn, a task worker and
# the periodic scheduler, configured only by the environment (DATABASE_URL,
# REDIS_URL, SECRET_KEY, ALLOWED_HOSTS, ELASTICSEARCH_URL, ...). Ctrl-C stops
# all of them; if one of them dies, the others are stopped too, so a process
# manager (systemd, a container runtime) sees the failure and restarts the set.
#
#   SERVE_SETUP=0       skip migrate + collectstatic + doctor at start
#   SERVE_STRICT=1      refuse to start when `manage.py doctor` reports an error
#   SERVE_WORKER=0      do not start a task worker here (run it elsewhere)
#   SERVE_SCHEDULER=0   do not start the periodic scheduler here
#   PYTHON=...          interpreter to use (default: .venv/bin/python, python3)
set -euo pipefail

cd "$(dirname "$0")/.."

if [[ -z "${PYTHON:-}" ]]; then
    if [[ -x .venv/bin/python ]]; then PYTHON=.venv/bin/python; else PYTHON=python3; fi
fi
manage() { "$PYTHON" manage.py "$@"; }
say() { printf 'serve: %s\n' "$*" >&2; }

if [[ "${DEBUG:-0}" =~ ^(1|true|yes|on)$ ]]; then
    say "DEBUG is on: this is meant to run the production configuration."
fi

if [[ "${SERVE_SETUP:-1}" != "0" ]]; then
    manage migrate --noinput
    manage collectstatic --noinput --verbosity 0
    if ! manage doctor --quiet; then
        if [[ "${SERVE_STRICT:-0}" == "1" ]]; then
            say "refusing to start: fix the errors reported above"
            exit 1
        fi
        say "starting anyway; set SERVE_STRICT=1 to refuse"
    fi
fi

# The same choice lms/settings.py makes: an explicit TASKS_BACKEND wins, then
# Redis when REDIS_URL is set, else tasks run inside the web process.
backend="${TASKS_BACKEND:-}"
if [[ -z "$backend" ]]; then
    if [[ -n "${REDIS_URL:-}" ]]; then backend=rq; else backend=immediate; fi
fi
queues=(default processing search)

pids=()
names=()
start() {
    local name=$1
    shift
    "$@" &
    pids+=("$!")
    names+=("$name")
    say "started $name (pid $!)"
}

stop_all() {
    trap - INT TERM
    say "stopping ${names[*]}"
    for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
    for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap 'stop_all; exit 130' INT
trap 'stop_all; exit 143' TERM

start web "$PYTHON" -m gunicorn -c lms/gunicorn.conf.py lms.wsgi

if [[ "${SERVE_WORKER:-1}" != "0" ]]; then
    case "$backend" in
        rq)
            start worker "$PYTHON" manage.py rqworker --with-scheduler \
                --job-class django_tasks_rq.Job "${queues[@]}" ;;
        database)
            start worker "$PYTHON" manage.py db_worker \
                --queue-name "$(IFS=,; echo "${queues[*]}")" ;;
        *)
            say "TASKS_BACKEND is $backend: tasks run inside web requests, no worker" ;;
    esac
fi

if [[ "${SERVE_SCHEDULER:-1}" != "0" ]]; then
    start scheduler "$PYTHON" manage.py run_periodic
fi

# Whichever process ends first ends the set.
set +e
wait -n "${pids[@]}"
status=$?
set -e
say "a process exited with status $status"
stop_all
exit "$status"

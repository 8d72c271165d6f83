# ruff: noqa: N999 - gunicorn looks for this conventional file name
"""Gunicorn settings, read from the environment so one file serves every size.

Run with ``gunicorn -c lms/gunicorn.conf.py lms.wsgi``. The defaults suit a
small server; a national deployment raises WEB_CONCURRENCY per machine and
runs more machines behind the load balancer (see deploy/SCALING.md).
"""

import multiprocessing
import os


def _env_int(name: str, default: int) -> int:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    if not raw.isdigit() or int(raw) < 1:
        raise SystemExit(f"{name}: expected a whole number of at least 1, got {raw!r}")
    return int(raw)


def _debug() -> bool:
    return os.environ.get("DEBUG", "").strip().lower() in {"1", "true", "yes", "on"}


# Where to listen: GUNICORN_BIND wins, else PORT (as set by most platforms).
bind = [
    address.strip()
    for address in os.environ.get(
        "GUNICORN_BIND", f"0.0.0.0:{os.environ.get('PORT', '8000')}"
    ).split(",")
    if address.strip()
]

# Processes × threads: threads cover time spent waiting on PostgreSQL and the
# search engine; processes cover CPU (template rendering).
workers = _env_int("WEB_CONCURRENCY", min(multiprocessing.cpu_count() * 2 + 1, 9))
threads = _env_int("GUNICORN_THREADS", 4)
worker_class = "gthread"

# A request that takes longer than this is killed and logged; keep it below
# the load balancer's own timeout so the client sees our error, not theirs.
timeout = _env_int("GUNICORN_TIMEOUT", 30)
graceful_timeout = _env_int("GUNICORN_GRACEFUL_TIMEOUT", 30)
keepalive = _env_int("GUNICORN_KEEPALIVE", 5)

# Recycle workers now and then so a slow leak can never take a machine down.
max_requests = _env_int("GUNICORN_MAX_REQUESTS", 2000)
max_requests_jitter = _env_int("GUNICORN_MAX_REQUESTS_JITTER", 200)

# Trust X-Forwarded-* only from the proxies in front of us.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")

# Logs go to standard output/error for the process manager to collect.
accesslog = "-" if os.environ.get("GUNICORN_ACCESS_LOG", "1") != "0" else None
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "info").lower()
_log_format = os.environ.get("LOG_FORMAT", "").strip().lower() or (
    "plain" if _debug() else "json"
)
if _log_format == "json":
    logger_class = "lms.gunicorn_logging.JsonLogger"

# Temporary request bodies in memory-backed storage when the host has it.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None  # noqa: S108
proc_name = "lms-web"

# gunicorn's runtime control socket sits at one path per user by default, so
# several instances on one host would fight over it: opt in with a path.
if os.environ.get("GUNICORN_CONTROL_SOCKET", "").strip():
    control_socket = os.environ["GUNICORN_CONTROL_SOCKET"].strip()
else:
    control_socket_disable = True


def post_worker_init(worker) -> None:
    """Import the views and compile the templates before taking requests."""
    from lms.warmup import warm_up_worker

    warm_up_worker(worker)

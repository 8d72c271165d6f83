"""Gunicorn's own logs (access and error) as JSON lines like the app's.

One format for every line a web process prints lets a log shipper parse them
without per-source rules, and the access line carries the request id the
application put on the response, so a slow request can be followed into the
application's log lines.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from gunicorn.glogging import Logger

from lms.jsonlog import JsonFormatter


class JsonLogger(Logger):
    """Gunicorn logger whose handlers write one JSON object per line."""

    def setup(self, cfg: Any) -> None:
        super().setup(cfg)
        for log in (self.error_log, self.access_log):
            for handler in log.handlers:
                handler.setFormatter(JsonFormatter())

    def access(
        self, resp: Any, req: Any, environ: dict, request_time: timedelta
    ) -> None:
        if not self.access_log_enabled:
            return
        headers = {name.lower(): value for name, value in resp.headers}
        status = resp.status
        if isinstance(status, str):
            status = status.split(None, 1)[0]
        self.access_log.info(
            "%s %s %s",
            environ.get("REQUEST_METHOD"),
            environ.get("RAW_URI"),
            status,
            extra={
                "method": environ.get("REQUEST_METHOD"),
                "path": environ.get("PATH_INFO"),
                "query": environ.get("QUERY_STRING", ""),
                "status": int(status) if str(status).isdigit() else str(status),
                "bytes": getattr(resp, "sent", None),
                "duration_ms": round(request_time.total_seconds() * 1000, 2),
                "remote": environ.get("REMOTE_ADDR", ""),
                "forwarded_for": environ.get("HTTP_X_FORWARDED_FOR", ""),
                "user_agent": environ.get("HTTP_USER_AGENT", ""),
                "referer": environ.get("HTTP_REFERER", ""),
                "request_id": headers.get("x-request-id")
                or environ.get("HTTP_X_REQUEST_ID", ""),
            },
        )

"""Log records as one JSON object per line, for log shippers to index.

Plain text is kept for a developer's terminal; JSON is the default whenever
DEBUG is off (``LOG_FORMAT`` chooses explicitly).
"""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime

# Attributes every LogRecord has; anything else was passed with ``extra=``.
_STANDARD = set(vars(logging.makeLogRecord({}))) | {"message", "asctime"}
_SCALARS = (str, int, float, bool, type(None))


class JsonFormatter(logging.Formatter):
    """Timestamp, level, logger, message, request id, then any simple extras."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, object] = {
            "time": datetime.fromtimestamp(record.created, tz=UTC).isoformat(
                timespec="milliseconds"
            ),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", ""),
            "process": record.process,
        }
        for key, value in vars(record).items():
            if (
                key not in _STANDARD
                and key not in entry
                and isinstance(value, _SCALARS)
            ):
                entry[key] = value
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        if record.stack_info:
            entry["stack"] = self.formatStack(record.stack_info)
        return json.dumps(entry, ensure_ascii=False, default=str)

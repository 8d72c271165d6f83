"""Ralph's API server on a socket handed over by tests/ralph_lrs.py.

Run by the Python of Ralph's own environment, never the project's. Ralph's
file-system backend creates its statements file on the first write and
refuses every later one (its default write mode is "create"); an LRS takes
statements all day, so here that backend appends, as Ralph's database
backends in effect do. Nothing else of Ralph is changed.
"""

import sys

import uvicorn
from ralph.backends.data.base import BaseOperationType
from ralph.backends.lrs.fs import FSLRSBackend


def main(listening_fd: int) -> None:
    FSLRSBackend.default_operation_type = BaseOperationType.APPEND
    uvicorn.run("ralph.api:app", fd=listening_fd, access_log=False, log_level="info")


if __name__ == "__main__":
    main(int(sys.argv[1]))

"""Peak resident memory of a benchmark process (Linux ``/proc``).

``VmHWM`` starts afresh in a new program, unlike ``ru_maxrss`` across
``exec``, and ``reset_peak`` starts it again from the current size, so one
process can measure two steps apart.
"""

from __future__ import annotations

from pathlib import Path


def peak_resident_kib() -> int:
    """The process's peak resident memory (VmHWM) since start or last reset."""
    status = Path("/proc/self/status").read_text()
    line = next(line for line in status.splitlines() if line.startswith("VmHWM:"))
    return int(line.split()[1])


def reset_peak() -> int:
    """Start the peak afresh from the current size (``clear_refs`` 5); the
    current resident size."""
    Path("/proc/self/clear_refs").write_text("5")
    return peak_resident_kib()

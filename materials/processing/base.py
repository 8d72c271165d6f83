"""What processing learns about a file, and how a step says it failed."""

from dataclasses import dataclass


class ProcessingError(Exception):
    """A step could not finish; ``step`` names it for the teacher.

    Its text is "step: reason", the form Material.processing_error_message
    reads back to translate each part.
    """

    def __init__(self, step: str, reason: str):
        super().__init__(f"{step}: {reason}")
        self.step = step
        self.reason = reason


@dataclass
class Derived:
    """Everything processing learns about one file."""

    file_size: int
    checksum_sha256: str
    mime_type: str
    kind: str
    page_count: int | None = None
    duration_seconds: int | None = None
    text: str = ""
    thumbnail_jpeg: bytes | None = None

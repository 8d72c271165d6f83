"""The two types every validation rule speaks in."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError


class FileRefused(ValidationError):
    """A file broke ``rule``; the message tells the teacher which and why."""

    def __init__(self, rule: str, message: str):
        super().__init__(message, code=rule)
        self.rule = rule


@dataclass(frozen=True)
class SniffedFile:
    mime_type: str
    kind: str  # document, image, audio, video or package

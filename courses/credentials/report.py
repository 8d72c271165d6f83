"""What a credential check found: each check's outcome, told in words.

Kept apart from the checks themselves so every module of checks can build
``Check`` objects without importing the others.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from django.utils.translation import gettext as _


class Outcome(StrEnum):
    PASSED = "passed"
    FAILED = "failed"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class Check:
    name: str
    outcome: Outcome
    message: str
    detail: str = ""


@dataclass
class Report:
    """What was found; ``problem`` is set when the input is no credential."""

    checks: list[Check] = field(default_factory=list)
    problem: str = ""
    issuer_name: str = ""
    achievement_name: str = ""
    is_transcript: bool = False
    # A transcript's embedded credentials, each with its own report.
    parts: list[Report] = field(default_factory=list)

    @property
    def outcome(self) -> Outcome:
        outcomes = [c.outcome for c in self.checks] + [p.outcome for p in self.parts]
        if self.problem or Outcome.FAILED in outcomes:
            return Outcome.FAILED
        if Outcome.UNKNOWN in outcomes:
            return Outcome.UNKNOWN
        return Outcome.PASSED

    @property
    def verdict(self) -> str:
        return {
            Outcome.PASSED: _("This credential is valid."),
            Outcome.FAILED: _("This credential is not valid."),
            Outcome.UNKNOWN: _("This credential could only be partly checked here."),
        }[self.outcome]

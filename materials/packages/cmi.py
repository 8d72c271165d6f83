"""The part of a SCORM package's run-time data (CMI) that we keep.

A package sends the elements it changed, by their SCORM names; each is
checked against its version's data model (known name, type, vocabulary,
length) and stored under a name shared by both versions, so the state of a
1.2 and a 2004 package reads alike. Only what resuming, completion and
reporting need is kept: interactions and objectives are the package's own
business and are accepted by the run-time without being saved.
"""

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from lms.vocabulary import PackageKind

SUSPEND_DATA_12 = 4096
SUSPEND_DATA_2004 = 64000
LESSON_STATUSES = (
    "passed",
    "completed",
    "failed",
    "incomplete",
    "browsed",
    "not attempted",
)
COMPLETION_STATUSES = ("completed", "incomplete", "not attempted", "unknown")
SUCCESS_STATUSES = ("passed", "failed", "unknown")
EXITS_12 = ("", "time-out", "suspend", "logout")
EXITS_2004 = ("", "timeout", "suspend", "logout", "normal")
TIME_12 = re.compile(r"^(\d{2,4}):([0-5]\d):([0-5]\d)(\.\d{1,2})?$")
DURATION_2004 = re.compile(
    r"^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)D)?"
    r"(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d{1,2})?)S)?)?$"
)


@dataclass(frozen=True)
class Element:
    key: str  # the name it is stored under
    check: Callable[[str, str], Any]  # (element, value) -> stored value


def _text(limit: int) -> Callable[[str, str], str]:
    def check(element: str, value: str) -> str:
        if len(value) > limit:
            raise _refused(
                element,
                _("it holds %(length)d characters, more than the %(limit)d allowed")
                % {"length": len(value), "limit": limit},
            )
        return value

    return check


def _one_of(choices: tuple[str, ...]) -> Callable[[str, str], str]:
    def check(element: str, value: str) -> str:
        if value not in choices:
            raise _refused(
                element,
                _("“%(value)s” is not one of: %(choices)s")
                % {
                    "value": value[:40],
                    "choices": ", ".join(c or "“”" for c in choices),
                },
            )
        return value

    return check


def _number(low: float | None, high: float | None) -> Callable[[str, str], Any]:
    def check(element: str, value: str) -> float | None:
        if value == "":
            return None
        try:
            number = Decimal(value)
        except InvalidOperation:
            number = None
        if number is None or not number.is_finite():
            raise _refused(
                element, _("“%(value)s” is not a number") % {"value": value[:40]}
            )
        if (low is not None and number < low) or (high is not None and number > high):
            raise _refused(
                element,
                _("%(value)s is outside %(low)s to %(high)s")
                % {"value": value[:40], "low": low, "high": high},
            )
        return float(number)

    return check


def _time_12(element: str, value: str) -> float:
    match = TIME_12.match(value)
    if not match:
        raise _refused(
            element,
            _("“%(value)s” is not a time such as 0001:30:00") % {"value": value[:40]},
        )
    hours, minutes, seconds, fraction = match.groups()
    return int(hours) * 3600 + int(minutes) * 60 + int(seconds) + float(fraction or 0)


def _duration_2004(element: str, value: str) -> float:
    match = DURATION_2004.match(value)
    if not match or value in {"P", "PT"} or value.endswith("T"):
        raise _refused(
            element,
            _("“%(value)s” is not a duration such as PT1H30M") % {"value": value[:40]},
        )
    years, months, days, hours, minutes, seconds = (
        float(g or 0) for g in match.groups()
    )
    days += years * 365 + months * 30
    return ((days * 24 + hours) * 60 + minutes) * 60 + seconds


ELEMENTS: dict[str, dict[str, Element]] = {
    PackageKind.SCORM_12: {
        "cmi.suspend_data": Element("suspend_data", _text(SUSPEND_DATA_12)),
        "cmi.core.lesson_location": Element("location", _text(255)),
        "cmi.core.lesson_status": Element("lesson_status", _one_of(LESSON_STATUSES)),
        "cmi.core.score.raw": Element("score_raw", _number(0, 100)),
        "cmi.core.score.min": Element("score_min", _number(0, 100)),
        "cmi.core.score.max": Element("score_max", _number(0, 100)),
        "cmi.core.exit": Element("exit", _one_of(EXITS_12)),
        "cmi.core.session_time": Element("session_time", _time_12),
    },
    PackageKind.SCORM_2004: {
        "cmi.suspend_data": Element("suspend_data", _text(SUSPEND_DATA_2004)),
        "cmi.location": Element("location", _text(1000)),
        "cmi.completion_status": Element(
            "completion_status", _one_of(COMPLETION_STATUSES)
        ),
        "cmi.success_status": Element("success_status", _one_of(SUCCESS_STATUSES)),
        "cmi.score.raw": Element("score_raw", _number(None, None)),
        "cmi.score.min": Element("score_min", _number(None, None)),
        "cmi.score.max": Element("score_max", _number(None, None)),
        "cmi.score.scaled": Element("score_scaled", _number(-1, 1)),
        "cmi.progress_measure": Element("progress_measure", _number(0, 1)),
        "cmi.exit": Element("exit", _one_of(EXITS_2004)),
        "cmi.session_time": Element("session_time", _duration_2004),
    },
}


def _refused(element: str, problem: str) -> ValidationError:
    return ValidationError(
        _("The package sent an unusable %(element)s: %(problem)s.")
        % {"element": element, "problem": problem},
        code="invalid_cmi",
    )


def clean_cmi(kind: str, sent: Any) -> dict[str, Any]:
    """The changes a package sent, checked and under their stored names.

    Raises ``ValidationError`` naming the first element that is unknown or
    unusable; nothing is kept from a refused message.
    """
    elements = ELEMENTS.get(kind)
    if elements is None:
        raise ValidationError(
            _("This material is not a SCORM package."), code="not_scorm"
        )
    if not isinstance(sent, Mapping) or not sent:
        raise ValidationError(
            _("The package sent no data to save."), code="invalid_cmi"
        )
    cleaned: dict[str, Any] = {}
    for name, value in sent.items():
        element = elements.get(name)
        if element is None:
            raise ValidationError(
                _("The package sent %(element)s, which is not an element we keep.")
                % {"element": str(name)[:80]},
                code="unknown_element",
            )
        if not isinstance(value, str):
            raise _refused(name, _("its value is not text"))
        cleaned[element.key] = element.check(name, value)
    return cleaned


def merge(stored: Mapping[str, Any], changes: Mapping[str, Any]) -> dict[str, Any]:
    """The stored state after ``changes``: session time adds to the total."""
    merged = {**stored, **changes}
    session = merged.pop("session_time", None)
    if session is not None:
        merged["total_time"] = round(float(stored.get("total_time", 0)) + session, 2)
    return merged


def is_complete(kind: str, state: Mapping[str, Any]) -> bool:
    """Whether the package says the learner finished or passed it."""
    if kind == PackageKind.SCORM_12:
        return state.get("lesson_status") in {"completed", "passed"}
    return (
        state.get("completion_status") == "completed"
        or state.get("success_status") == "passed"
    )

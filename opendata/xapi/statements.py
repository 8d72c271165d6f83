"""Building xAPI 1.0.3 statements from plain learning-event data.

Other apps describe what happened (who, which verb, which activity, with what
result, when); this module turns that into a statement a Learning Record
Store accepts, checking the rules the specification sets on each part.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from lms.links import site_origin
from opendata.describe import iso_duration

XAPI_VERSION = "1.0.3"
ACTIVITY_TYPES = "http://adlnet.gov/expapi/activities/"


class LearningVerb(StrEnum):
    """The learner events the platform reports, each mapped to an xAPI verb."""

    ENROLLED = "enrolled"
    LAUNCHED = "launched"
    COMPLETED = "completed"
    PASSED = "passed"
    FAILED = "failed"
    EARNED = "earned"
    SHARED = "shared"


VERB_IRIS = {
    LearningVerb.ENROLLED: "http://adlnet.gov/expapi/verbs/registered",
    LearningVerb.LAUNCHED: "http://adlnet.gov/expapi/verbs/launched",
    LearningVerb.COMPLETED: "http://adlnet.gov/expapi/verbs/completed",
    LearningVerb.PASSED: "http://adlnet.gov/expapi/verbs/passed",
    LearningVerb.FAILED: "http://adlnet.gov/expapi/verbs/failed",
    LearningVerb.EARNED: "http://id.tincanapi.com/verb/earned",
    LearningVerb.SHARED: "http://adlnet.gov/expapi/verbs/shared",
}
VERB_DISPLAY = {
    LearningVerb.ENROLLED: ("enrolled in", "đã ghi danh vào"),
    LearningVerb.LAUNCHED: ("launched", "đã mở"),
    LearningVerb.COMPLETED: ("completed", "đã hoàn thành"),
    LearningVerb.PASSED: ("passed", "đã đạt"),
    LearningVerb.FAILED: ("failed", "chưa đạt"),
    LearningVerb.EARNED: ("earned", "đã nhận"),
    LearningVerb.SHARED: ("shared", "đã chia sẻ"),
}
# The activity type each verb is usually about, from the ADL vocabulary.
ACTIVITY_TYPE_FOR_VERB = {
    LearningVerb.ENROLLED: ACTIVITY_TYPES + "course",
    LearningVerb.LAUNCHED: ACTIVITY_TYPES + "lesson",
    LearningVerb.COMPLETED: ACTIVITY_TYPES + "lesson",
    LearningVerb.PASSED: ACTIVITY_TYPES + "assessment",
    LearningVerb.FAILED: ACTIVITY_TYPES + "assessment",
    LearningVerb.EARNED: "http://id.tincanapi.com/activitytype/certificate",
    # A shared transcript is a document (a file, in ADL's words) the learner
    # hands out, not an activity they take part in.
    LearningVerb.SHARED: ACTIVITY_TYPES + "file",
}


@dataclass(frozen=True)
class LearningResult:
    """The outcome of an attempt; every part is optional, as in xAPI."""

    score_scaled: float | None = None
    score_raw: float | None = None
    score_min: float | None = None
    score_max: float | None = None
    success: bool | None = None
    completion: bool | None = None
    duration: timedelta | None = None
    response: str | None = None

    def validate(self) -> None:
        scaled = self.score_scaled
        if scaled is not None and not -1 <= scaled <= 1:
            raise ValidationError(_("A scaled score must lie between -1 and 1."))
        low, high, raw = self.score_min, self.score_max, self.score_raw
        if low is not None and high is not None and low > high:
            raise ValidationError(_("The minimum score must not exceed the maximum."))
        if raw is not None and low is not None and raw < low:
            raise ValidationError(_("The raw score must not be below the minimum."))
        if raw is not None and high is not None and raw > high:
            raise ValidationError(_("The raw score must not be above the maximum."))
        if self.duration is not None and self.duration < timedelta(0):
            raise ValidationError(_("A duration cannot be negative."))

    def as_xapi(self) -> dict[str, Any]:
        self.validate()
        score = {
            key: value
            for key, value in (
                ("scaled", self.score_scaled),
                ("raw", self.score_raw),
                ("min", self.score_min),
                ("max", self.score_max),
            )
            if value is not None
        }
        result: dict[str, Any] = {}
        if score:
            result["score"] = score
        if self.success is not None:
            result["success"] = self.success
        if self.completion is not None:
            result["completion"] = self.completion
        if self.duration is not None:
            result["duration"] = iso_duration(self.duration) or "PT0S"
        if self.response is not None:
            result["response"] = self.response
        return result


def actor_for(user) -> dict[str, Any]:
    """An Agent identified by account alone: no name, no email, so a record
    store learns nothing about who the learner is."""
    return {
        "objectType": "Agent",
        "account": {"homePage": site_origin(), "name": str(user.pk)},
    }


def _check_iri(url: str) -> None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValidationError(
            _("An activity id must be an absolute http(s) URL, not “%(url)s”.")
            % {"url": url}
        )


def build_statement(
    *,
    user,
    verb: LearningVerb,
    object_url: str,
    object_name: str,
    result: LearningResult | None,
    timestamp: datetime,
    statement_id: uuid.UUID,
    activity_type: str | None = None,
    language: str | None = None,
    parent_url: str | None = None,
    registration: uuid.UUID | None = None,
) -> dict[str, Any]:
    """A complete xAPI 1.0.3 statement as a JSON-ready dict.

    ``activity_type`` overrides the type usually meant by the verb, as when a
    whole course (not a lesson) is completed. ``language`` is the language
    the activity is written in (its page's), ``parent_url`` the activity it
    is part of (a lesson's course, a quiz's lesson) and ``registration`` the
    enrolment, so a record store can group a learner's course.
    """
    verb = LearningVerb(verb)
    _check_iri(object_url)
    if timestamp.tzinfo is None:
        raise ValidationError(_("The timestamp must include a time zone."))
    if not object_name.strip():
        raise ValidationError(_("The activity needs a name."))
    if activity_type is not None:
        _check_iri(activity_type)
    if parent_url is not None:
        _check_iri(parent_url)
    tag = language_tag(language)
    english, vietnamese = VERB_DISPLAY[verb]
    statement: dict[str, Any] = {
        "id": str(statement_id),
        "version": XAPI_VERSION,
        "actor": actor_for(user),
        "verb": {
            "id": VERB_IRIS[verb],
            "display": {"en-US": english, "vi-VN": vietnamese},
        },
        "object": {
            "objectType": "Activity",
            "id": object_url,
            "definition": {
                "name": {tag: object_name},
                "type": activity_type or ACTIVITY_TYPE_FOR_VERB[verb],
            },
        },
        "timestamp": timestamp.isoformat(),
        "context": _context(tag, parent_url, registration),
    }
    if result is not None:
        xapi_result = result.as_xapi()
        if xapi_result:
            statement["result"] = xapi_result
    return statement


VOIDED_VERB = {
    "id": "http://adlnet.gov/expapi/verbs/voided",
    "display": {"en-US": "voided", "vi-VN": "đã huỷ"},
}


def build_voiding_statement(
    *, voided_by, voided_id: uuid.UUID, timestamp: datetime, statement_id: uuid.UUID
) -> dict[str, Any]:
    """An xAPI 1.0.3 voiding statement: its object refers to the statement it
    voids, so (as the specification requires of such objects) it carries no
    platform context."""
    if timestamp.tzinfo is None:
        raise ValidationError(_("The timestamp must include a time zone."))
    return {
        "id": str(statement_id),
        "version": XAPI_VERSION,
        "actor": actor_for(voided_by),
        "verb": VOIDED_VERB,
        "object": {"objectType": "StatementRef", "id": str(voided_id)},
        "timestamp": timestamp.isoformat(),
    }


def _context(tag: str, parent_url, registration) -> dict[str, Any]:
    context: dict[str, Any] = {"platform": settings.WAGTAIL_SITE_NAME, "language": tag}
    if registration is not None:
        context["registration"] = str(registration)
    if parent_url is not None:
        context["contextActivities"] = {
            "parent": [{"objectType": "Activity", "id": parent_url}]
        }
    return context


def language_tag(language: str | None = None) -> str:
    """An RFC 5646 tag for a language code; the site's language by default."""
    code = language or settings.LANGUAGE_CODE
    return {"vi": "vi-VN", "en": "en-US"}.get(code, code)

"""The dates check: is the credential valid today, told in words."""

from __future__ import annotations

from datetime import UTC, datetime

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from courses.credentials.report import Check, Outcome


def dates_check(document: dict) -> Check:
    now = timezone.now()
    moments = {}
    for name in ("validFrom", "validUntil"):
        value = document.get(name)
        if value is None:
            continue
        try:
            moments[name] = datetime.fromisoformat(str(value))
        except ValueError:
            return Check(
                "dates",
                Outcome.FAILED,
                _("%(field)s is not a date and time.") % {"field": name},
                detail=str(value),
            )
        if timezone.is_naive(moments[name]):
            moments[name] = moments[name].replace(tzinfo=UTC)
    start, end = moments.get("validFrom"), moments.get("validUntil")
    if start is None:
        return Check(
            "dates", Outcome.FAILED, _("The credential has no validFrom date.")
        )
    if start > now:
        return Check(
            "dates",
            Outcome.FAILED,
            _("It is not valid before %(date)s.") % {"date": _day(start)},
        )
    if end is not None and end < now:
        return Check(
            "dates",
            Outcome.FAILED,
            _("It expired on %(date)s.") % {"date": _day(end)},
        )
    if end is None:
        message = _("Valid since %(date)s, with no end date.") % {"date": _day(start)}
    else:
        message = _("Valid from %(start)s until %(end)s.") % {
            "start": _day(start),
            "end": _day(end),
        }
    return Check("dates", Outcome.PASSED, message)


def _day(moment: datetime) -> str:
    return date_format(timezone.localtime(moment), "DATE_FORMAT")

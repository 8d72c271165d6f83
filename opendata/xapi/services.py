"""Recording learner events as xAPI statements, kept and forwarded."""

from __future__ import annotations

import uuid
from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from opendata.models import StatementStatus, XapiStatement
from opendata.xapi.lrs import lrs_config
from opendata.xapi.statements import (
    LearningResult,
    LearningVerb,
    build_statement,
    build_voiding_statement,
)

# The verb column of a voiding statement (not a learning event of its own).
VOIDED = "voided"


def record_learning_event(
    *,
    user,
    verb: LearningVerb | str,
    object_url: str,
    object_name: str,
    result: LearningResult | None = None,
    timestamp: datetime | None = None,
    activity_type: str | None = None,
    language: str | None = None,
    parent_url: str | None = None,
    registration: uuid.UUID | None = None,
) -> XapiStatement:
    """Store an xAPI statement for a learner event and forward it after commit.

    The statement is kept whether or not an LRS is configured, so progress can
    always be exported; with an LRS it is queued for delivery once the
    caller's transaction commits, so a rolled-back enrolment sends nothing.
    Raises ValidationError (naming the rule) for malformed input. It needs
    no transaction of its own (every check comes before its one insert), so
    inside a service's transaction it costs no savepoint round trips.
    """
    if verb not in tuple(LearningVerb):
        raise ValidationError(
            _("“%(verb)s” is not a learning verb; use one of: %(verbs)s.")
            % {"verb": verb, "verbs": ", ".join(LearningVerb)}
        )
    verb = LearningVerb(verb)
    timestamp = timestamp or timezone.now()
    statement_id = uuid.uuid4()
    payload = build_statement(
        user=user,
        verb=verb,
        object_url=object_url,
        object_name=object_name,
        result=result,
        timestamp=timestamp,
        statement_id=statement_id,
        activity_type=activity_type,
        language=language,
        parent_url=parent_url,
        registration=registration,
    )
    statement = XapiStatement.objects.create(
        statement_id=statement_id,
        user=user,
        verb=verb.value,
        object_id=object_url,
        payload=payload,
        timestamp=timestamp,
        next_attempt_at=timestamp,
    )
    if lrs_config() is not None:
        transaction.on_commit(_enqueue_forwarding)
    return statement


def record_voiding(*, statement: XapiStatement, voided_by, timestamp: datetime):
    """Record that a statement no longer holds (a revoked certificate), and
    forward it after commit like any other; the voided row stays, as the
    specification keeps voided statements too. Voiding twice adds nothing."""
    already = XapiStatement.objects.filter(
        verb=VOIDED, payload__object__id=str(statement.statement_id)
    )
    if already.exists():
        return already.first()
    statement_id = uuid.uuid4()
    voiding = XapiStatement.objects.create(
        statement_id=statement_id,
        user_id=statement.user_id,
        verb=VOIDED,
        object_id=statement.object_id,
        payload=build_voiding_statement(
            voided_by=voided_by,
            voided_id=statement.statement_id,
            timestamp=timestamp,
            statement_id=statement_id,
        ),
        timestamp=timestamp,
        next_attempt_at=timestamp,
    )
    if lrs_config() is not None:
        transaction.on_commit(_enqueue_forwarding)
    return voiding


def _enqueue_forwarding() -> None:
    from opendata.xapi.tasks import forward_statements

    forward_statements.enqueue()


@transaction.atomic
def retry_failed_statements() -> int:
    """Put statements that were given up on back in the queue; returns how many."""
    return XapiStatement.objects.filter(status=StatementStatus.FAILED).update(
        status=StatementStatus.PENDING,
        attempts=0,
        next_attempt_at=timezone.now(),
    )

"""What the open-data doors must remember: OAI tombstones and the xAPI outbox."""

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _


class RecordKind(models.TextChoices):
    MATERIAL = "material", _("Learning material")
    COURSE = "course", _("Course")


class DeletedRecord(models.Model):
    """An OAI-PMH item that was withdrawn from the public.

    The repository declares ``deletedRecord=persistent``: harvesters that
    copied an item must learn that it is gone, so a row stays here for as long
    as the item is not public, with the sets it belonged to at the time.
    """

    kind = models.CharField(_("kind"), max_length=16, choices=RecordKind.choices)
    object_id = models.PositiveBigIntegerField(_("object id"))
    datestamp = models.DateTimeField(_("withdrawn at"), db_index=True)
    set_specs = models.JSONField(_("sets"), default=list)

    class Meta:
        verbose_name = _("withdrawn OAI record")
        verbose_name_plural = _("withdrawn OAI records")
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "object_id"], name="opendata_deleted_record_unique"
            )
        ]
        indexes = [models.Index(fields=["datestamp", "kind", "object_id"])]

    def __str__(self) -> str:
        return f"{self.kind}:{self.object_id}"


class StatementStatus(models.TextChoices):
    PENDING = "pending", _("Waiting to be sent")
    SENT = "sent", _("Sent to the learning record store")
    FAILED = "failed", _("Given up after repeated failures")


class XapiStatement(models.Model):
    """One xAPI statement, kept whether or not a learning record store is set.

    Rows are the export of learner activity and the outbox for forwarding:
    a failed delivery keeps the row (with the error) so nothing is lost, and
    the statement id is fixed here so a repeated delivery cannot duplicate it.
    """

    statement_id = models.UUIDField(_("statement id"), default=uuid.uuid4, unique=True)
    user = models.ForeignKey(
        "accounts.User",
        verbose_name=_("learner"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="xapi_statements",
    )
    verb = models.CharField(_("verb"), max_length=32)
    object_id = models.URLField(_("activity"), max_length=500)
    payload = models.JSONField(_("statement"))
    timestamp = models.DateTimeField(_("happened at"))
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=StatementStatus.choices,
        default=StatementStatus.PENDING,
    )
    attempts = models.PositiveIntegerField(_("delivery attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    next_attempt_at = models.DateTimeField(_("next attempt at"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("xAPI statement")
        verbose_name_plural = _("xAPI statements")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["status", "next_attempt_at"])]

    def __str__(self) -> str:
        return f"{self.verb} {self.object_id}"

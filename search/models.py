from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class IndexChange(models.Model):
    """A change the public search index has yet to follow (the outbox).

    Written in the same transaction as the change itself, so a committed
    publish, unpublish or delete always leaves a row behind; the row is only
    removed once the index has taken the change, which is how no update is
    ever lost while the engine is down.
    """

    kind = models.CharField(_("kind"), max_length=16)
    object_id = models.PositiveBigIntegerField(_("object id"))
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(
        _("next attempt at"), default=timezone.now, db_index=True
    )
    last_error = models.TextField(_("last error"), blank=True)

    class Meta:
        verbose_name = _("pending search index change")
        verbose_name_plural = _("pending search index changes")
        ordering = ["pk"]
        indexes = [models.Index(fields=["kind", "object_id"])]

    def __str__(self) -> str:
        return f"{self.kind}-{self.object_id}"

"""Forgetting the one-time rows of launches once they can no longer be used."""

from __future__ import annotations

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from lti.models import DeepLinkingRequest, Handoff, LoginState
from lti.services.login import STATE_MINUTES

# Kept a day past their use, so a replay in that time is told it was a replay.
KEEP = timedelta(days=1)


@transaction.atomic
def launch_rows_prune() -> dict[str, int]:
    """Delete login states, hand-offs and picker requests past any use."""
    cutoff = timezone.now() - KEEP
    return {
        "login_states": LoginState.objects.filter(
            created_at__lt=cutoff - timedelta(minutes=STATE_MINUTES)
        ).delete()[0],
        "handoffs": Handoff.objects.filter(expires_at__lt=cutoff).delete()[0],
        "deep_linking": DeepLinkingRequest.objects.filter(
            expires_at__lt=cutoff
        ).delete()[0],
    }

"""Used-up launch rows are forgotten a day later; fresh ones stay."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from lti.models import LoginState
from lti.tasks import prune_launch_rows
from tests.lti.conftest import start_login

pytestmark = pytest.mark.django_db


def test_old_login_states_go_and_fresh_ones_stay(client, registration):
    start_login(client)
    start_login(client)
    old = LoginState.objects.first()
    LoginState.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - timedelta(days=2)
    )

    prune_launch_rows.enqueue()

    assert list(LoginState.objects.all()) == [
        LoginState.objects.exclude(pk=old.pk).get()
    ]

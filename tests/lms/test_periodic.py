from datetime import timedelta

import pytest
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from lms import periodic

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_leases_from_other_tests():
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def expired_session():
    return Session.objects.create(
        session_key="expired-session-key",
        session_data="e30",
        expire_date=timezone.now() - timedelta(days=1),
    )


def test_due_tasks_are_enqueued_and_run_by_the_worker(settings, expired_session):
    settings.PERIODIC_TASKS = [("lms.tasks.clear_expired_sessions", 3600)]
    live = Session.objects.create(
        session_key="live-session-key",
        session_data="e30",
        expire_date=timezone.now() + timedelta(days=1),
    )

    enqueued = periodic.enqueue_due(periodic.load_schedule(), now=0)

    assert enqueued == ["lms.tasks.clear_expired_sessions"]
    assert list(Session.objects.all()) == [live]


def test_a_task_is_not_enqueued_again_before_its_interval(settings):
    settings.PERIODIC_TASKS = [("lms.tasks.clear_expired_sessions", 60)]
    schedule = periodic.load_schedule()

    first = periodic.enqueue_due(schedule, now=0)
    too_soon = periodic.enqueue_due(schedule, now=30)

    assert first == ["lms.tasks.clear_expired_sessions"]
    assert too_soon == []


def test_two_schedulers_sharing_a_cache_enqueue_each_run_once(settings):
    settings.PERIODIC_TASKS = [("lms.tasks.clear_expired_sessions", 60)]

    on_machine_a = periodic.enqueue_due(periodic.load_schedule(), now=0)
    on_machine_b = periodic.enqueue_due(periodic.load_schedule(), now=0)

    assert on_machine_a == ["lms.tasks.clear_expired_sessions"]
    assert on_machine_b == []


def test_once_enqueues_everything_and_says_so(settings, capsys, expired_session):
    settings.PERIODIC_TASKS = [("lms.tasks.clear_expired_sessions", 3600)]

    call_command("run_periodic", "--once")

    assert "enqueued lms.tasks.clear_expired_sessions" in capsys.readouterr().out
    assert not Session.objects.filter(pk=expired_session.pk).exists()


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        (("lms.tasks.no_such_task", 60), "no_such_task"),
        (("lms.periodic.load_schedule", 60), "is not a task"),
        (("lms.tasks.clear_expired_sessions", 0), "at least 1s apart"),
    ],
)
def test_a_bad_schedule_entry_stops_the_scheduler(settings, entry, message):
    settings.PERIODIC_TASKS = [entry]

    with pytest.raises(CommandError, match=message):
        call_command("run_periodic", "--once")


def test_old_finished_task_results_are_pruned(settings):
    from django_tasks import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    from lms.tasks import clear_expired_sessions, prune_finished_task_results

    settings.TASKS = {
        "default": {
            "BACKEND": "django_tasks_db.DatabaseBackend",
            "QUEUES": ["default", "processing", "search"],
        }
    }
    old, recent, failed = (clear_expired_sessions.enqueue() for _ in range(3))
    long_ago = timezone.now() - timedelta(days=30)
    DBTaskResult.objects.filter(id=old.id).update(
        status=TaskResultStatus.SUCCESSFUL, finished_at=long_ago
    )
    DBTaskResult.objects.filter(id=recent.id).update(
        status=TaskResultStatus.SUCCESSFUL, finished_at=timezone.now()
    )
    DBTaskResult.objects.filter(id=failed.id).update(
        status=TaskResultStatus.FAILED, finished_at=long_ago
    )

    prune_finished_task_results.call()

    remaining = {str(pk) for pk in DBTaskResult.objects.values_list("id", flat=True)}
    assert remaining == {recent.id, failed.id}

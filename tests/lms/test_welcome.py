"""`make run` ends with what a newcomer needs: the address and the demo
accounts, each with where its work starts; nothing else is printed."""

import shutil
import subprocess
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from lms.demo.people import DEMO_ACCOUNTS, ensure_demo_accounts

pytestmark = pytest.mark.django_db


def test_welcome_names_the_address_and_each_roles_start(settings):
    settings.SITE_URL = "http://127.0.0.1:8101"
    ensure_demo_accounts()
    out = StringIO()

    call_command("welcome", stdout=out)

    text = out.getvalue()
    assert "The site is ready at http://127.0.0.1:8101/" in text
    for account in DEMO_ACCOUNTS:
        assert account.username in text and account.password in text
    starts = {
        name: next(line for line in text.splitlines() if f" {name} " in line)
        for name in ("admin", "curator", "teacher.lan", "student.an")
    }
    assert starts["admin"].endswith("http://127.0.0.1:8101/admin/")
    assert starts["curator"].endswith("http://127.0.0.1:8101/materials/review/")
    assert starts["teacher.lan"].endswith("http://127.0.0.1:8101/materials/mine/")
    assert starts["student.an"].endswith("http://127.0.0.1:8101/learning/")


def test_seed_demo_is_silent_when_asked(settings):
    out = StringIO()

    call_command(
        "seed_demo", materials=1, courses=0, force=True, verbosity=0, stdout=out
    )

    assert out.getvalue() == ""


def test_make_run_points_site_url_at_the_port_it_serves():
    """Certificate and email links made outside a request use SITE_URL, so
    `make run PORT=8101` must not leave it on port 8000."""
    root = Path(__file__).resolve().parents[2]
    shown = "sh -c 'echo SITE_URL=$$SITE_URL; exit 3' --"
    finished = subprocess.run(  # noqa: S603 - fixed arguments
        [
            shutil.which("make"),
            "-s",
            "-o",
            ".venv/.site-synced",
            "run",
            "PORT=8101",
            f"MANAGE={shown}",
        ],
        cwd=root,
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", "HOME": str(root)},
        check=False,
    )
    assert "SITE_URL=http://127.0.0.1:8101" in finished.stdout

"""Static files leave with hashed names, compressed, cached for a decade."""

import json
import re

import pytest
from django.core.management import call_command
from django.test import Client

TEN_YEARS = "max-age=315360000"


@pytest.fixture
def collected(settings, tmp_path):
    source = tmp_path / "source"
    (source / "css").mkdir(parents=True)
    (source / "css" / "site.css").write_text(
        "".join(f".lesson-{n} {{ margin: {n}px; }}\n" for n in range(200))
    )
    settings.STATICFILES_DIRS = [source]
    settings.STATICFILES_FINDERS = [
        "django.contrib.staticfiles.finders.FileSystemFinder"
    ]
    settings.STATIC_ROOT = tmp_path / "collected"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {
            "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        },
    }
    call_command("collectstatic", "--noinput", verbosity=0)
    manifest = json.loads((settings.STATIC_ROOT / "staticfiles.json").read_text())
    return settings.STATIC_ROOT, manifest["paths"]["css/site.css"]


def test_collected_names_carry_a_content_hash(collected):
    root, hashed = collected

    assert re.fullmatch(r"css/site\.[0-9a-f]{12}\.css", hashed)
    assert (root / f"{hashed}.gz").is_file()
    assert (root / f"{hashed}.br").is_file()


def test_templates_link_to_the_hashed_name(collected):
    from django.templatetags.static import static

    _, hashed = collected

    assert static("css/site.css") == f"/static/{hashed}"


def test_hashed_files_are_cached_forever_and_served_compressed(collected):
    _, hashed = collected

    response = Client().get(f"/static/{hashed}", HTTP_ACCEPT_ENCODING="gzip")

    assert response.status_code == 200
    assert TEN_YEARS in response["Cache-Control"]
    assert "immutable" in response["Cache-Control"]
    assert response["Content-Encoding"] == "gzip"


def test_unhashed_names_are_cached_only_briefly(collected):
    response = Client().get("/static/css/site.css")

    assert response.status_code == 200
    assert TEN_YEARS not in response["Cache-Control"]
    assert "max-age=60" in response["Cache-Control"]

"""Playing a SCORM package: its files, straight from the stored zip.

Files are read from the validated zip on each request rather than from an
unpacked copy: the zip already passed every check (no paths outside it, no
ambiguous names, sizes bounded), so there is one copy to trust and nothing
to keep in step when a teacher replaces the file or the material is
deleted. Packages are small and a zip's central directory gives any member
without reading the others.

The package runs in a sandbox without ``allow-same-origin``: an opaque
origin that cannot read the site's cookies nor call its pages as the
learner. Its requests for its own files therefore carry no session, so
the address itself carries a signed, expiring token naming the material,
the learner and the lesson; it grants nothing but those files and the
embedding of that learner's own saved data.
"""

import mimetypes
import posixpath
import re
import zipfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from django.core import signing
from django.core.cache import cache as shared_cache
from django.http import Http404, HttpResponse
from django.utils.html import json_script

from lms.vocabulary import PackageKind
from materials.models import Material
from materials.packages.reader import read_package_manifest
from materials.validation.base import FileRefused

TOKEN_SALT = "materials.package-player"  # noqa: S105 - a namespace, not a secret
TOKEN_AGE = 12 * 3600  # seconds: longer than any sitting
SANDBOX = "sandbox allow-scripts allow-forms allow-popups"
SCORM_KINDS = {PackageKind.SCORM_12, PackageKind.SCORM_2004}
HTML_TYPES = {"text/html", "application/xhtml+xml"}
RUNTIME = Path(__file__).with_name("runtime.js")
EXTRA_TYPES = {
    ".js": "text/javascript",
    ".mjs": "text/javascript",
    ".css": "text/css",
    ".json": "application/json",
    ".svg": "image/svg+xml",
    ".woff2": "font/woff2",
    ".woff": "font/woff",
    ".webp": "image/webp",
    ".xml": "application/xml",
    ".xsd": "application/xml",
}


@dataclass(frozen=True)
class Ticket:
    """Who plays which package where, as a token signed it."""

    material_id: int
    learner_id: int | None
    lesson_id: int | None


def is_playable(material: Material) -> bool:
    return material.package_kind in SCORM_KINDS


def make_token(*, material: Material, learner: Any, lesson: Any) -> str:
    learner_id = learner.pk if learner and learner.is_authenticated else None
    lesson_id = lesson.pk if lesson is not None else None
    return signing.dumps([material.pk, learner_id, lesson_id], salt=TOKEN_SALT)


def read_token(token: str) -> Ticket:
    """The ticket a token carries; Http404 for a forged or expired one.

    A visitor's ticket does not expire, so a material page cached for
    visitors keeps a working player."""
    try:
        material_id, learner_id, lesson_id = signing.loads(token, salt=TOKEN_SALT)
        if learner_id is not None:  # a visitor's ticket names no one: no expiry
            signing.loads(token, salt=TOKEN_SALT, max_age=TOKEN_AGE)
    except (signing.BadSignature, ValueError, TypeError) as error:
        raise Http404 from error
    return Ticket(material_id, learner_id, lesson_id)


def launch_path(material: Material) -> str:
    """The file the manifest starts with, remembered per stored zip; "" when
    the stored file can no longer be read as a package."""
    key = f"materials:package-launch:{material.file.name}"
    launch = shared_cache.get(key)
    if launch is None:
        try:
            with material.file.open("rb") as handle:
                manifest = read_package_manifest(handle)
        except (FileRefused, OSError):
            manifest = None  # the page still shows; the player is left out
        launch = (manifest.launch if manifest else "") or ""
        shared_cache.set(key, launch, 24 * 3600)
    return launch


def clean_path(path: str) -> str:
    """The member name for a requested path; Http404 for one outside."""
    if "\\" in path or "\x00" in path or path.startswith("/"):
        raise Http404
    normal = posixpath.normpath(path)
    if normal in {".", ""} or normal.startswith("../") or normal == "..":
        raise Http404
    return normal


def read_member(material: Material, path: str) -> bytes:
    """The bytes of one file of the package; Http404 for an unknown one."""
    name = clean_path(path)
    with material.file.open("rb") as handle, zipfile.ZipFile(handle) as archive:
        try:
            info = archive.getinfo(name)
        except KeyError as error:
            raise Http404 from error
        if info.is_dir():
            raise Http404
        return archive.read(info)


def content_type(path: str) -> str:
    suffix = posixpath.splitext(path)[1].lower()
    guessed = EXTRA_TYPES.get(suffix) or mimetypes.guess_type(path)[0]
    return guessed or "application/octet-stream"


@cache
def runtime_source() -> str:
    return RUNTIME.read_text(encoding="utf-8")


HEAD = re.compile(rb"<head(?:\s[^>]*)?>", re.IGNORECASE)
OPENING = re.compile(
    rb"^\s*(?:<!doctype[^>]*>\s*)?(?:<html(?:\s[^>]*)?>)?", re.IGNORECASE
)
CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([A-Za-z0-9_-]+)""", re.IGNORECASE)


def with_runtime(html: bytes, start: dict[str, Any]) -> bytes:
    """The page with the run-time as the first thing in its head, so the
    package finds ``API`` / ``API_1484_11`` before any script of its own.
    A page without a head gets it after its doctype and ``<html>``, so it
    stays in standards mode. The script is ASCII: any page encoding reads it.
    """
    data = json_script(start, "lms-scorm-data")
    script = f"{data}<script>{runtime_source()}</script>".encode()
    at = HEAD.search(html, 0, 8192)
    end = at.end() if at else OPENING.match(html).end()
    return html[:end] + script + html[end:]


def html_charset(html: bytes) -> str:
    """The encoding a page declares: the run-time pushes its meta tag past
    the first kilobyte, where browsers stop looking, so the header says it."""
    declared = CHARSET.search(html, 0, 2048)
    return declared.group(1).decode("ascii").lower() if declared else "utf-8"


def package_response(
    body: bytes, mime: str, *, per_learner: bool, charset: str = "utf-8"
) -> HttpResponse:
    """A package file under the sandbox that keeps it away from the site."""
    if mime.startswith("text/") or mime in {
        "application/javascript",
        "application/json",
    }:
        mime = f"{mime}; charset={charset}"
    response = HttpResponse(body, content_type=mime)
    response["Content-Security-Policy"] = SANDBOX
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store" if per_learner else "private"
    response["Referrer-Policy"] = "no-referrer"
    return response


def runtime_start(
    *, kind: str, state: dict[str, Any], learner: Any, parent_origin: str
) -> dict[str, Any]:
    """What the run-time starts from: the package's version, the saved
    elements by their SCORM names, and the page to report changes to (none
    for a visitor, whose progress is not kept)."""
    resumed = bool(state.get("suspend_data") or state.get("location"))
    values = (
        _values_12(state, resumed)
        if kind == PackageKind.SCORM_12
        else (_values_2004(state, resumed))
    )
    values.update(_learner_values(kind, learner))
    return {
        "version": "1.2" if kind == PackageKind.SCORM_12 else "2004",
        "values": values,
        "saving": bool(parent_origin),
        "parentOrigin": parent_origin,
    }


def _values_12(state: dict[str, Any], resumed: bool) -> dict[str, str]:
    return {
        "cmi.core.entry": "resume" if resumed else "ab-initio",
        "cmi.core.lesson_location": state.get("location", ""),
        "cmi.suspend_data": state.get("suspend_data", ""),
        "cmi.core.lesson_status": state.get("lesson_status", "not attempted"),
        "cmi.core.score.raw": _number(state.get("score_raw")),
        "cmi.core.score.min": _number(state.get("score_min")),
        "cmi.core.score.max": _number(state.get("score_max")),
        "cmi.core.total_time": _time_12(state.get("total_time", 0)),
        "cmi.core.credit": "credit",
        "cmi.core.lesson_mode": "normal",
        "cmi.launch_data": "",
    }


def _values_2004(state: dict[str, Any], resumed: bool) -> dict[str, str]:
    return {
        "cmi.entry": "resume" if resumed else "ab-initio",
        "cmi.location": state.get("location", ""),
        "cmi.suspend_data": state.get("suspend_data", ""),
        "cmi.completion_status": state.get("completion_status", "unknown"),
        "cmi.success_status": state.get("success_status", "unknown"),
        "cmi.score.raw": _number(state.get("score_raw")),
        "cmi.score.min": _number(state.get("score_min")),
        "cmi.score.max": _number(state.get("score_max")),
        "cmi.score.scaled": _number(state.get("score_scaled")),
        "cmi.progress_measure": _number(state.get("progress_measure")),
        "cmi.total_time": f"PT{float(state.get('total_time', 0)):.2f}S",
        "cmi.credit": "credit",
        "cmi.mode": "normal",
        "cmi.launch_data": "",
    }


def _learner_values(kind: str, learner: Any) -> dict[str, str]:
    signed_in = learner is not None and learner.is_authenticated
    learner_id = str(learner.pk) if signed_in else ""
    name = (getattr(learner, "display_name", "") or str(learner)) if signed_in else ""
    if kind == PackageKind.SCORM_12:
        return {"cmi.core.student_id": learner_id, "cmi.core.student_name": name}
    return {"cmi.learner_id": learner_id, "cmi.learner_name": name}


def _number(value: Any) -> str:
    return "" if value is None else f"{value:g}"


def _time_12(seconds: float) -> str:
    whole = int(seconds)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours:04d}:{minutes:02d}:{secs:02d}"

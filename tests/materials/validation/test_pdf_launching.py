"""A PDF that starts a program, sends data or fetches an address by itself
is refused; a link the reader clicks is kept. PDFs written with pikepdf."""

import io
import warnings

import pytest
from django.utils import translation
from pikepdf import Array, Dictionary, Name, Pdf

from tests.materials.uploads import refused, upload

pytestmark = pytest.mark.django_db

WEB = "https://vi.wikipedia.org/wiki/Ph%C3%A2n_s%E1%BB%91"


def _pdf(*, catalog: dict | None = None, page: dict | None = None) -> bytes:
    """One blank page; ``catalog`` and ``page`` entries are added as given."""
    with Pdf.new() as pdf:
        pdf.add_blank_page(page_size=(595, 842))
        for key, value in (catalog or {}).items():
            pdf.Root[key] = value
        for key, value in (page or {}).items():
            pdf.pages[0].obj[key] = value
        out = io.BytesIO()
        with warnings.catch_warnings():
            # A bare widget outside /AcroForm is enough for a reader to run it.
            warnings.simplefilter("ignore")
            pdf.save(out)
    return out.getvalue()


def _annotation(**entries) -> Array:
    return Array(
        [Dictionary(Type=Name.Annot, Rect=Array([50, 50, 200, 80]), **entries)]
    )


def _action(kind: str, **entries) -> Dictionary:
    return Dictionary(S=Name("/" + kind), **entries)


REFUSED = {
    "launch_on_open": (
        _pdf(catalog={"/OpenAction": _action("Launch", F="cmd.exe")}),
        "pdf_external_action",
    ),
    "launch_on_click": (
        _pdf(
            page={
                "/Annots": _annotation(
                    Subtype=Name.Link, A=_action("Launch", F="calc.exe")
                )
            }
        ),
        "pdf_external_action",
    ),
    "submit_form_from_a_field": (
        _pdf(
            page={
                "/Annots": _annotation(
                    Subtype=Name.Widget,
                    FT=Name.Btn,
                    AA=Dictionary(U=_action("SubmitForm", F="https://example.org/x")),
                )
            }
        ),
        "pdf_external_action",
    ),
    "web_address_on_open": (
        _pdf(catalog={"/OpenAction": _action("URI", URI=WEB)}),
        "pdf_automatic_link",
    ),
    "web_address_when_the_page_shows": (
        _pdf(page={"/AA": Dictionary(O=_action("URI", URI=WEB))}),
        "pdf_automatic_link",
    ),
    "web_address_chained_after_an_ordinary_action": (
        _pdf(
            catalog={
                "/OpenAction": _action(
                    "Named", N=Name.NextPage, Next=Array([_action("URI", URI=WEB)])
                )
            }
        ),
        "pdf_automatic_link",
    ),
}


@pytest.mark.parametrize(("data", "rule"), REFUSED.values(), ids=list(REFUSED))
def test_actions_that_run_on_their_own_or_leave_the_file_are_refused(
    settings, data, rule
):
    error = refused(settings, data, name="phieu.pdf")
    assert error.code == rule


def test_the_refusal_says_the_address_is_fetched_without_a_click(settings):
    data = REFUSED["web_address_on_open"][0]
    error = refused(settings, data, name="phieu.pdf")
    assert error.messages[0].startswith("The PDF opens a web address by itself")


def test_a_web_link_the_reader_clicks_is_kept():
    data = _pdf(
        page={"/Annots": _annotation(Subtype=Name.Link, A=_action("URI", URI=WEB))}
    )
    assert upload(data, name="phieu.pdf").pk is not None


def test_a_vietnamese_teacher_reads_the_refusal_in_vietnamese(settings):
    with translation.override("vi"):
        error = refused(settings, REFUSED["web_address_on_open"][0], name="a.pdf")
    assert error.messages[0].startswith("Tệp PDF tự mở một địa chỉ web")

"""What a PDF may contain, decided by parsing it, not by searching its bytes.

qpdf (through pikepdf) decodes names (``/Java#53cript`` is ``/JavaScript``),
hex strings, object streams and cross-reference streams, so the checks see
what a reader sees whatever the spelling. Every object the cross-reference
table lists is inspected, reachable or not, and each earlier revision of an
incrementally updated file is opened on its own, because a reader that
rebuilds a damaged file may bring back objects a later revision dropped.
Stream data is never decoded (except object streams, which hold objects),
so a long PDF costs one pass over its objects.

What is refused, and why:

- JavaScript anywhere (actions, ``/JS`` keys, the ``/JavaScript`` name tree,
  3D ``/OnInstantiate`` scripts): readers run it on opening or on a click.
- Actions that leave the document: Launch (starts a program), GoToR and
  GoToE (open another file), SubmitForm and ImportData (send or read data),
  and a Thread that points to another file. ResetForm only clears the form's
  own fields, so it stays allowed, as do GoTo, Named and other in-document
  actions.
- Links (URI actions) other than http, https and mailto: ``javascript:``,
  ``file:`` and network shares must not be one click away. A web link that
  runs by itself (the document's ``/OpenAction``, or an ``/AA`` trigger
  such as opening a page, hovering a field or closing the file) fetches
  an address without the reader asking, which tells the other side who
  opened the file and when; only links the reader clicks are kept.
- Embedded files and file attachments, all of them: the repository cannot
  vet what is inside (a program, a macro document, another PDF), readers
  open them with a click, and a teacher can upload each file on its own,
  where it is checked.
- Interactive media (RichMedia, 3D, Movie, Screen, Sound annotations and the
  actions that play them): the reader's largest attack surface, and not
  needed for printable worksheets.
- XFA forms: XML forms with their own scripting that only Adobe readers run
  and that PDF 2.0 deprecated; their scripts cannot be vetted without
  parsing XFA itself, and "print to PDF" gives an ordinary form.
- Password-protected PDFs, which cannot be checked at all.
"""

import io

import pikepdf
import pypdfium2
from django.utils.translation import gettext_lazy as _

from materials.validation.base import FileRefused
from materials.validation.links import is_safe_link

MAX_REVISIONS = 50
MAX_CHAINED_ACTIONS = 100
EOF_MARKER = b"%%EOF"
SCRIPT_BYTES = (b"/JavaScript", b"/JS ", b"/JS(")

SCRIPT_KEYS = frozenset({"/JS", "/JavaScript", "/OnInstantiate"})
EMBEDDED_KEYS = frozenset({"/EF", "/EmbeddedFiles"})
SCRIPT_ACTIONS = frozenset({"/JavaScript"})
EXTERNAL_ACTIONS = frozenset(
    {"/Launch", "/GoToR", "/GoToE", "/SubmitForm", "/ImportData"}
)
MEDIA_ACTIONS = frozenset(
    {"/RichMediaExecute", "/Rendition", "/Movie", "/Sound", "/GoTo3DView"}
)
MEDIA_ANNOTATIONS = frozenset({"/RichMedia", "/3D", "/Movie", "/Screen", "/Sound"})

DICTIONARY = pikepdf.ObjectType.dictionary
STREAM = pikepdf.ObjectType.stream
ARRAY = pikepdf.ObjectType.array
NAME = pikepdf.ObjectType.name_
STRING = pikepdf.ObjectType.string
CONTAINERS = frozenset({DICTIONARY, STREAM, ARRAY})

MESSAGES = {
    "pdf_javascript": _("PDF files with embedded JavaScript are refused."),
    "pdf_external_action": _(
        "The PDF contains an action that starts a program, opens another file "
        "or sends form data; such PDFs are refused."
    ),
    "pdf_automatic_link": _(
        "The PDF opens a web address by itself (when it is opened, a page is "
        "shown or a field is touched); such PDFs are refused. Links the reader "
        "clicks are fine."
    ),
    "pdf_unsafe_link": _(
        "The file contains a link that is not a web address (http, https) or an "
        "e-mail address, such as a script or a file on the computer."
    ),
    "pdf_embedded_file": _(
        "The PDF has files attached inside it; upload each file as its own "
        "material instead."
    ),
    "pdf_media": _(
        "The PDF contains interactive media (RichMedia, 3D, video or sound) that "
        "plays inside the reader; such PDFs are refused."
    ),
    "pdf_xfa": _(
        "The PDF contains an XFA form, which can run scripts; save it again as "
        "an ordinary PDF (for example with Print to PDF)."
    ),
    "pdf_encrypted": _(
        "The PDF is protected by a password; remove the password and upload it again."
    ),
    "pdf_too_many_revisions": _(
        "The PDF was saved in more than %(limit)d revisions; save it as a new "
        "PDF and upload it again."
    ),
    "corrupt_pdf": _("The PDF is damaged and cannot be opened."),
}


def check_pdf(data: bytes) -> None:
    """Refuse a PDF that carries active content or that a reader cannot open.

    The byte search goes first because it is cheap and catches the plain
    spellings before anything is parsed; the parse decides the rest.
    """
    if any(marker in data for marker in SCRIPT_BYTES):
        raise _refused("pdf_javascript")
    check_pdf_objects(data)
    _check_pages(data)


def check_pdf_objects(data: bytes) -> None:
    """Refuse active content in the latest revision or any earlier one."""
    ends = _revision_ends(data)
    with _open(data) as pdf:
        _inspect_document(pdf)
    for end in ends[:-1]:
        _inspect_earlier_revision(data[:end])


def _revision_ends(data: bytes) -> list[int]:
    ends, start = [], data.find(EOF_MARKER)
    while start != -1:
        ends.append(start + len(EOF_MARKER))
        start = data.find(EOF_MARKER, start + 1)
    if len(ends) > MAX_REVISIONS:
        raise _refused("pdf_too_many_revisions", limit=MAX_REVISIONS)
    return ends


def _open(data: bytes) -> pikepdf.Pdf:
    try:
        return pikepdf.open(io.BytesIO(data))
    except pikepdf.PasswordError as error:
        raise _refused("pdf_encrypted") from error
    except (pikepdf.PdfError, ValueError) as error:
        raise _refused("corrupt_pdf") from error


def _inspect_earlier_revision(prefix: bytes) -> None:
    """An intact earlier revision is inspected; a partial one (a linearised
    file's first section) has nothing the whole file did not show."""
    try:
        pdf = pikepdf.open(io.BytesIO(prefix), attempt_recovery=False)
    except (pikepdf.PdfError, pikepdf.PasswordError, ValueError):
        return
    with pdf:
        _inspect_document(pdf)


def _inspect_document(pdf: pikepdf.Pdf) -> None:
    _inspect_tree(pdf.trailer)
    for obj in pdf.objects:  # qpdf hands back numbers and null as Python values
        if isinstance(obj, pikepdf.Object):
            _inspect_tree(obj)


def _inspect_tree(root: pikepdf.Object) -> None:
    """Inspect an object and the direct objects nested in it.

    Indirect children are skipped: they are in ``pdf.objects`` and are
    inspected there, so each object is read once.
    """
    stack = [root]
    while stack:
        item = stack.pop()
        code = item._type_code
        if code == ARRAY:
            children = list(item)
        elif code in (DICTIONARY, STREAM):
            _inspect_dictionary(item)
            children = item.values()
        else:
            continue
        stack.extend(child for child in children if _is_direct_container(child))


def _is_direct_container(value: object) -> bool:
    return (
        isinstance(value, pikepdf.Object)
        and value._type_code in CONTAINERS
        and not value.is_indirect
    )


def _inspect_dictionary(item: pikepdf.Object) -> None:
    keys = set(item.keys())
    if keys & SCRIPT_KEYS:
        raise _refused("pdf_javascript")
    if keys & EMBEDDED_KEYS or _name(item, "/Type") == "/EmbeddedFile":
        raise _refused("pdf_embedded_file")
    if "/XFA" in keys:
        raise _refused("pdf_xfa")
    if "/S" in keys:
        # Readers run an action whatever else its dictionary says (a /Type
        # of /StructElem included), so every /S is read as an action's.
        _check_action(item)
    if "/Subtype" in keys:
        _check_annotation(_name(item, "/Subtype"))
    if "/URI" in keys:
        _check_uri(item.get("/URI"))
    if "/OpenAction" in keys:
        _check_automatic(item.get("/OpenAction"))
    if "/AA" in keys:
        triggers = item.get("/AA")
        if isinstance(triggers, pikepdf.Object) and triggers._type_code == DICTIONARY:
            for action in triggers.values():
                _check_automatic(action)


def _check_action(action: pikepdf.Object) -> None:
    kind = _name(action, "/S")
    if kind in SCRIPT_ACTIONS:
        raise _refused("pdf_javascript")
    if kind in EXTERNAL_ACTIONS or (kind == "/Thread" and "/F" in action):
        raise _refused("pdf_external_action")
    if kind in MEDIA_ACTIONS:
        raise _refused("pdf_media")


def _check_automatic(action: object) -> None:
    """An action that runs without a click, and the ``/Next`` ones it chains."""
    pending, seen = [action], 0
    while pending and seen < MAX_CHAINED_ACTIONS:
        item = pending.pop()
        seen += 1
        if not isinstance(item, pikepdf.Object):
            continue
        if item._type_code == ARRAY:
            pending.extend(item)
        elif item._type_code == DICTIONARY:
            if _name(item, "/S") == "/URI":
                raise _refused("pdf_automatic_link")
            if "/Next" in item:
                pending.append(item.get("/Next"))


def _check_annotation(subtype: str | None) -> None:
    if subtype == "/FileAttachment":
        raise _refused("pdf_embedded_file")
    if subtype in MEDIA_ANNOTATIONS:
        raise _refused("pdf_media")


def _check_uri(value: object) -> None:
    """A URI action's target, or the catalog's base for relative URIs."""
    if isinstance(value, pikepdf.Object) and value._type_code == DICTIONARY:
        value = value.get("/Base")
        if value is None:
            return
    if not (isinstance(value, pikepdf.Object) and value._type_code == STRING):
        return
    if not is_safe_link(str(value)):
        raise _refused("pdf_unsafe_link")


def _name(item: pikepdf.Object, key: str) -> str | None:
    value = item.get(key)
    if isinstance(value, pikepdf.Object) and value._type_code == NAME:
        return str(value)
    return None


def _check_pages(data: bytes) -> None:
    """The reader we render with must open it and find at least one page."""
    try:
        document = pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError as error:
        raise _refused("corrupt_pdf") from error
    try:
        if len(document) == 0:
            raise FileRefused("corrupt_pdf", str(_("The PDF has no pages.")))
    finally:
        document.close()


def _refused(rule: str, **params: object) -> FileRefused:
    message = str(MESSAGES[rule])
    return FileRefused(rule, message % params if params else message)

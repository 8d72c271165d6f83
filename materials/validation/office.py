"""The refusals OOXML and OpenDocument files share, worded once."""

from django.utils.translation import gettext as _

from materials.validation.base import FileRefused


def refused_corrupt_office() -> FileRefused:
    return FileRefused(
        "corrupt_office",
        _(
            "The office document is damaged: its list of parts is missing or "
            "cannot be read."
        ),
    )


def refused_macros() -> FileRefused:
    return FileRefused(
        "office_macros",
        _(
            "Office documents with macros are refused; save the document again "
            "without macros (as .docx, .pptx, .xlsx, .odt, .odp or .ods)."
        ),
    )


def refused_activex() -> FileRefused:
    return FileRefused(
        "office_activex", _("Office documents with ActiveX controls are refused.")
    )


def refused_embedded_object() -> FileRefused:
    return FileRefused(
        "office_embedded_object",
        _(
            "The document contains embedded objects (OLE) that can start programs. "
            "Equations made with MathType or Equation Editor are such objects: "
            "convert them to built-in equations, or save the document as PDF."
        ),
    )


def refused_external_content() -> FileRefused:
    return FileRefused(
        "office_external_content",
        _(
            "The document loads a template, a program or content from outside the "
            "file; such documents are refused."
        ),
    )


def refused_unsafe_link() -> FileRefused:
    return FileRefused(
        "office_unsafe_link",
        _(
            "The file contains a link that is not a web address (http, https) or an "
            "e-mail address, such as a script or a file on the computer."
        ),
    )

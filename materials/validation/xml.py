"""The one way XML from an upload is read: no DTD, no entities, no network.

Office parts, OpenDocument parts, SVG images, package manifests, their
metadata and Common Cartridge resources all come from people we do not
know. An XML document type declaration is what every XML attack needs: an
external entity reads a file or a web address into the document, entities
nested in each other expand a few bytes into gigabytes ("billion laughs"),
and a remote DTD makes the parser fetch it. None of our formats needs one,
so any DOCTYPE is refused, before a single entity is declared, and the
parser never opens a file or a connection. The refusal names what the
document tried, so the teacher (or whoever made the file) can tell a
broken export from an attack.
"""

import io
from collections.abc import Callable, Iterator
from typing import IO
from xml.etree.ElementTree import Element, ParseError
from xml.parsers.expat import errors as expat_errors

import defusedxml
from defusedxml import ElementTree as SafeElementTree
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from materials.validation.base import FileRefused

# The parse errors people meet in hand-edited manifests, in their language;
# any other keeps expat's English wording.
PARSE_REASONS = {
    expat_errors.codes[expat_errors.XML_ERROR_SYNTAX]: gettext_lazy("syntax error"),
    expat_errors.codes[expat_errors.XML_ERROR_NO_ELEMENTS]: gettext_lazy(
        "the document is empty or ends too early"
    ),
    expat_errors.codes[expat_errors.XML_ERROR_INVALID_TOKEN]: gettext_lazy(
        "a character that is not allowed here"
    ),
    expat_errors.codes[expat_errors.XML_ERROR_UNCLOSED_TOKEN]: gettext_lazy(
        "a tag that is not closed"
    ),
    expat_errors.codes[expat_errors.XML_ERROR_TAG_MISMATCH]: gettext_lazy(
        "a closing tag that does not match the opening tag"
    ),
    expat_errors.codes[expat_errors.XML_ERROR_UNDEFINED_ENTITY]: gettext_lazy(
        "an entity that is not defined"
    ),
    expat_errors.codes[expat_errors.XML_ERROR_JUNK_AFTER_DOC_ELEMENT]: gettext_lazy(
        "content after the end of the document"
    ),
    expat_errors.codes[expat_errors.XML_ERROR_UNBOUND_PREFIX]: gettext_lazy(
        "a namespace prefix that is not declared"
    ),
    expat_errors.codes[expat_errors.XML_ERROR_INCORRECT_ENCODING]: gettext_lazy(
        "text that does not match the declared encoding"
    ),
}


def parse_xml(data: bytes, *, part: str) -> Element:
    """The document's root element; ``part`` names it in a refusal."""
    try:
        return SafeElementTree.fromstring(data, forbid_dtd=True)
    except defusedxml.DTDForbidden as error:
        raise refused_doctype(error, io.BytesIO(data), part) from error
    except defusedxml.DefusedXmlException as error:
        raise _refused_declaration(part) from error
    except ParseError as error:
        raise refused_malformed(error, part) from error


def iter_xml(open_stream: Callable[[], IO[bytes]], *, part: str) -> Iterator[Element]:
    """Each element of a possibly large document, streamed and then dropped.

    ``open_stream`` is called again only to name what a DOCTYPE tried.
    """
    try:
        with open_stream() as stream:
            for _event, element in SafeElementTree.iterparse(stream, forbid_dtd=True):
                yield element
                element.clear()
    except defusedxml.DTDForbidden as error:
        with open_stream() as stream:
            raise refused_doctype(error, stream, part) from error
    except defusedxml.DefusedXmlException as error:
        raise _refused_declaration(part) from error
    except ParseError as error:
        raise refused_malformed(error, part) from error


def check_prolog(open_stream: Callable[[], IO[bytes]], *, part: str) -> None:
    """Refuse a declaration without reading past the root element's start.

    A DOCTYPE can only come before the root element, so this proves a large
    part (a spreadsheet's sheet) has none, for the cost of its first bytes.
    """
    try:
        with open_stream() as stream:
            events = SafeElementTree.iterparse(
                stream, events=("start",), forbid_dtd=True
            )
            next(events, None)
    except defusedxml.DTDForbidden as error:
        with open_stream() as stream:
            raise refused_doctype(error, stream, part) from error
    except defusedxml.DefusedXmlException as error:
        raise _refused_declaration(part) from error
    except ParseError as error:
        raise refused_malformed(error, part) from error


def refused_doctype(
    error: defusedxml.DTDForbidden, stream: IO[bytes], part: str
) -> FileRefused:
    """Name what the declaration tried: a remote DTD, an external entity,
    entity expansion, or only a DOCTYPE."""
    target = error.sysid or error.pubid
    if target:
        return FileRefused(
            "xml_external_dtd",
            _(
                "%(part)s loads a document type definition from outside the file "
                "(%(target)s); such files are refused."
            )
            % {"part": part, "target": target},
        )
    entity = _first_entity(stream)
    if entity is None:
        return _refused_declaration(part)
    if entity.sysid or entity.pubid:
        return FileRefused(
            "xml_external_entity",
            _(
                "%(part)s declares an external entity (%(target)s) that would read "
                "a file or a web address into it; such files are refused."
            )
            % {"part": part, "target": entity.sysid or entity.pubid},
        )
    return FileRefused(
        "xml_entity_expansion",
        _(
            "%(part)s declares XML entities, which can expand a few bytes into "
            "gigabytes (a “billion laughs” attack); such files are refused."
        )
        % {"part": part},
    )


def _first_entity(stream: IO[bytes]) -> defusedxml.EntitiesForbidden | None:
    """The first entity the DOCTYPE declares, read up to the root element only.

    Entities and external references stay forbidden, so this pass too stops
    before anything is expanded or fetched.
    """
    events = SafeElementTree.iterparse(
        stream,
        events=("start",),
        forbid_dtd=False,
        forbid_entities=True,
        forbid_external=True,
    )
    try:
        next(events, None)
    except defusedxml.EntitiesForbidden as error:
        return error
    except (defusedxml.DefusedXmlException, ParseError):
        return None
    return None


def _refused_declaration(part: str) -> FileRefused:
    return FileRefused(
        "xml_doctype",
        _(
            "%(part)s contains an XML document type declaration (DOCTYPE), which "
            "is refused."
        )
        % {"part": part},
    )


def refused_malformed(error: ParseError, part: str) -> FileRefused:
    """Say where the XML breaks and how, as an editor would point to it."""
    line, column = error.position
    reason = PARSE_REASONS.get(error.code) or expat_errors.messages.get(
        error.code, str(error)
    )
    return FileRefused(
        "xml_malformed",
        _(
            "%(part)s is not well-formed XML: %(reason)s (line %(line)d, "
            "column %(column)d)."
        )
        % {"part": part, "reason": reason, "line": line, "column": column + 1},
    )

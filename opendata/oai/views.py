"""The OAI-PMH 2.0 endpoint: one URL, six verbs, errors inside the XML.

Protocol errors are answered with HTTP 200 and ``<error>`` elements, as the
specification requires; harvesters read the codes, not the status.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods
from lxml import etree as ET

from opendata.oai import formats, records, tokens
from opendata.oai.arguments import parse_arguments, parse_range, parse_verb
from opendata.oai.errors import OaiError, no_records
from opendata.oai.formats import MetadataFormat
from opendata.oai.xml import (
    OAI_ID_NS,
    OAI_ID_SCHEMA,
    OAI_NS,
    OAI_SCHEMA,
    XSI_NS,
    clean,
    datestamp,
    oai,
    q,
    root_element,
    serialise,
    sub,
)


def base_url(request: HttpRequest) -> str:
    return request.build_absolute_uri(request.path)


@csrf_exempt
@require_http_methods(["GET", "POST"])
def endpoint(request: HttpRequest) -> HttpResponse:
    """Answer one OAI-PMH request given by GET query or POST form."""
    params = request.GET if request.method == "GET" else request.POST
    root = root_element(q(OAI_NS, "OAI-PMH"), {None: OAI_NS})
    root.set(q(XSI_NS, "schemaLocation"), f"{OAI_NS} {OAI_SCHEMA}")
    oai(root, "responseDate", datestamp(timezone.now()))
    echo = oai(root, "request", base_url(request))
    try:
        verb = parse_verb(params)
        arguments = parse_arguments(verb, params)
        for name, value in {"verb": verb, **arguments}.items():
            echo.set(name, clean(value))
        container = oai(root, verb)
        try:
            VERB_HANDLERS[verb](request, arguments, container)
        except OaiError:
            root.remove(container)
            raise
    except OaiError as error:
        if error.code in ("badVerb", "badArgument"):
            # The protocol forbids echoing arguments that were not understood.
            echo.attrib.clear()
        oai(root, "error", error.message, code=error.code)
    return HttpResponse(serialise(root), content_type="text/xml; charset=utf-8")


def identify(
    request: HttpRequest, arguments: dict[str, str], element: ET._Element
) -> None:
    oai(element, "repositoryName", settings.OAI_REPOSITORY_NAME)
    oai(element, "baseURL", base_url(request))
    oai(element, "protocolVersion", "2.0")
    for email in settings.OAI_ADMIN_EMAILS:
        oai(element, "adminEmail", email)
    earliest = records.earliest_datestamp() or timezone.now()
    oai(element, "earliestDatestamp", datestamp(earliest))
    oai(element, "deletedRecord", "persistent")
    oai(element, "granularity", "YYYY-MM-DDThh:mm:ssZ")
    description = oai(element, "description")
    identifier = root_element(q(OAI_ID_NS, "oai-identifier"), {None: OAI_ID_NS})
    description.append(identifier)
    identifier.set(q(XSI_NS, "schemaLocation"), f"{OAI_ID_NS} {OAI_ID_SCHEMA}")
    sub(identifier, q(OAI_ID_NS, "scheme"), "oai")
    sub(
        identifier,
        q(OAI_ID_NS, "repositoryIdentifier"),
        settings.OAI_REPOSITORY_IDENTIFIER,
    )
    sub(identifier, q(OAI_ID_NS, "delimiter"), ":")
    sub(
        identifier,
        q(OAI_ID_NS, "sampleIdentifier"),
        records.make_identifier("material", 1),
    )


def list_metadata_formats(
    request: HttpRequest, arguments: dict[str, str], element: ET._Element
) -> None:
    available = list(formats.FORMATS.values())
    if "identifier" in arguments:
        item = _item_for(arguments["identifier"])
        available = formats.formats_for(item.kind)
        if not available:
            raise OaiError(
                "noMetadataFormats",
                _("No metadata formats are available for this item."),
            )
    for fmt in available:
        entry = oai(element, "metadataFormat")
        oai(entry, "metadataPrefix", fmt.prefix)
        oai(entry, "schema", fmt.schema)
        oai(entry, "metadataNamespace", fmt.namespace)


def list_sets(
    request: HttpRequest, arguments: dict[str, str], element: ET._Element
) -> None:
    _require_sets()
    if "resumptionToken" in arguments:
        raise OaiError(
            "badResumptionToken",
            _("The list of sets is always complete; no token was issued for it."),
        )
    for spec, name in records.all_sets():
        entry = oai(element, "set")
        oai(entry, "setSpec", spec)
        oai(entry, "setName", name)


def get_record(
    request: HttpRequest, arguments: dict[str, str], element: ET._Element
) -> None:
    fmt = _format(arguments["metadataPrefix"])
    item = _item_for(arguments["identifier"])
    if item.kind not in fmt.kinds:
        raise _cannot_disseminate(fmt.prefix)
    _record(element, item, fmt, request)


def list_identifiers(
    request: HttpRequest, arguments: dict[str, str], element: ET._Element
) -> None:
    _list(request, arguments, element, "ListIdentifiers")


def list_records(
    request: HttpRequest, arguments: dict[str, str], element: ET._Element
) -> None:
    _list(request, arguments, element, "ListRecords")


def _list(
    request: HttpRequest, arguments: dict[str, str], element: ET._Element, verb: str
) -> None:
    if "resumptionToken" in arguments:
        state = tokens.redeem(arguments["resumptionToken"], verb)
    else:
        state = _first_state(verb, arguments)
    fmt = _format(state.prefix)
    if state.spec and not records.set_exists(state.spec):
        raise no_records()
    items, last, total = records.page(
        kinds=fmt.kinds,
        spec=state.spec,
        start=state.start,
        end=state.end,
        after=state.after,
        size=settings.OAI_PAGE_SIZE,
    )
    if not items:
        raise no_records()
    for item in items:
        if verb == "ListRecords":
            _record(element, item, fmt, request)
        else:
            _header(element, item)
    _resumption(element, state, items, last, total)


def _first_state(verb: str, arguments: dict[str, str]) -> tokens.ListState:
    _format(arguments["metadataPrefix"])
    spec = arguments.get("set")
    if spec is not None:
        _require_sets()
        if not records.SET_SPEC.match(spec):
            raise OaiError(
                "badArgument", _("“%(set)s” is not a valid setSpec.") % {"set": spec}
            )
    start, end = parse_range(arguments.get("from"), arguments.get("until"))
    return tokens.ListState(
        verb=verb,
        prefix=arguments["metadataPrefix"],
        spec=spec,
        start=start,
        end=end,
        cursor=0,
        after=None,
    )


def _resumption(element, state, items, last, total) -> None:
    if last is not None:
        following = tokens.ListState(
            verb=state.verb,
            prefix=state.prefix,
            spec=state.spec,
            start=state.start,
            end=state.end,
            cursor=state.cursor + len(items),
            after=last,
        )
        oai(
            element,
            "resumptionToken",
            tokens.issue(following),
            completeListSize=str(total),
            cursor=str(state.cursor),
            expirationDate=datestamp(tokens.expiry()),
        )
    elif state.cursor:
        oai(
            element,
            "resumptionToken",
            "",
            completeListSize=str(total),
            cursor=str(state.cursor),
        )


def _record(parent, item: records.Item, fmt: MetadataFormat, request) -> None:
    record = oai(parent, "record")
    _header(record, item)
    if not item.deleted:
        oai(record, "metadata").append(fmt.write(item, request))


def _header(parent, item: records.Item) -> None:
    header = oai(parent, "header", **({"status": "deleted"} if item.deleted else {}))
    oai(header, "identifier", item.identifier)
    oai(header, "datestamp", datestamp(item.datestamp))
    if settings.OAI_SETS_ENABLED:
        for spec in item.set_specs:
            oai(header, "setSpec", spec)


def _format(prefix: str) -> MetadataFormat:
    if prefix not in formats.FORMATS:
        raise _cannot_disseminate(prefix)
    return formats.FORMATS[prefix]


def _cannot_disseminate(prefix: str) -> OaiError:
    return OaiError(
        "cannotDisseminateFormat",
        _("The metadata format “%(prefix)s” is not available here or for this item.")
        % {"prefix": prefix},
    )


def _item_for(identifier: str) -> records.Item:
    parsed = records.parse_identifier(identifier)
    item = records.find(*parsed) if parsed else None
    if item is None:
        raise OaiError(
            "idDoesNotExist",
            _("“%(identifier)s” is not an identifier in this repository.")
            % {"identifier": identifier},
        )
    return item


def _require_sets() -> None:
    if not settings.OAI_SETS_ENABLED:
        raise OaiError("noSetHierarchy", _("This repository does not offer sets."))


VERB_HANDLERS = {
    "Identify": identify,
    "ListMetadataFormats": list_metadata_formats,
    "ListSets": list_sets,
    "GetRecord": get_record,
    "ListIdentifiers": list_identifiers,
    "ListRecords": list_records,
}

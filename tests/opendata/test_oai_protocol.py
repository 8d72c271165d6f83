"""OAI-PMH verbs, arguments, sets, dates, tombstones and every error code."""

from datetime import UTC, datetime, timedelta

import pytest
from django.core import signing
from django.utils import timezone
from lxml import etree

from materials.models import Material
from opendata.models import DeletedRecord
from opendata.oai import tokens
from opendata.oai.records import make_identifier
from tests.factories import PublishedMaterialFactory

NS = {
    "oai": "http://www.openarchives.org/OAI/2.0/",
    "dc": "http://purl.org/dc/elements/1.1/",
    "lom": "http://ltsc.ieee.org/xsd/LOM",
}


@pytest.fixture
def ask(client, validate_oai):
    def ask(method: str = "get", **params) -> etree._Element:
        response = getattr(client, method)("/oai/", params)
        assert response.status_code == 200
        assert response["Content-Type"].startswith("text/xml")
        return validate_oai(response.content)

    return ask


def error_codes(tree) -> list[str]:
    return [error.get("code") for error in tree.iterfind("oai:error", NS)]


def identifiers(tree) -> list[str]:
    return [e.text for e in tree.iterfind(".//oai:header/oai:identifier", NS)]


def test_identify_describes_the_repository(ask, repository):
    tree = ask(verb="Identify")
    identify = tree.find("oai:Identify", NS)
    assert identify.findtext("oai:protocolVersion", namespaces=NS) == "2.0"
    assert identify.findtext("oai:baseURL", namespaces=NS) == "http://testserver/oai/"
    assert identify.findtext("oai:deletedRecord", namespaces=NS) == "persistent"
    earliest = min(m.last_published_at for m in repository.materials)
    assert identify.findtext(
        "oai:earliestDatestamp", namespaces=NS
    ) <= earliest.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    assert tree.find("oai:request", NS).get("verb") == "Identify"


def test_post_requests_are_answered_like_get(ask, repository):
    tree = ask("post", verb="ListIdentifiers", metadataPrefix="oai_dc")
    assert len(identifiers(tree)) == 6


def test_oai_dc_record_carries_dublin_core(ask, repository):
    material = repository.materials[0]
    tree = ask(
        verb="GetRecord",
        identifier=make_identifier("material", material.pk),
        metadataPrefix="oai_dc",
    )
    dc = tree.find(".//oai:metadata/*", NS)
    assert dc.findtext("dc:title", namespaces=NS) == "Phiếu bài tập phân số"
    assert dc.findtext("dc:creator", namespaces=NS) == "Nguyễn Thị Lan"
    assert dc.findtext("dc:language", namespaces=NS) == "vi"
    assert dc.findtext("dc:rights", namespaces=NS) == material.licence_url
    subjects = [e.text for e in dc.iterfind("dc:subject", NS)]
    assert {"luyện tập", "ôn thi"} <= set(subjects)
    assert dc.findtext("dc:identifier", namespaces=NS).endswith(
        material.get_absolute_url()
    )
    header = tree.find(".//oai:header", NS)
    assert [s.text for s in header.iterfind("oai:setSpec", NS)] == [
        "subject:toan",
        "type:worksheet",
    ]


def test_lom_record_describes_the_learning_object(ask, repository):
    video = repository.materials[2]
    tree = ask(
        verb="GetRecord",
        identifier=make_identifier("material", video.pk),
        metadataPrefix="lom",
    )
    lom = tree.find(".//oai:metadata/lom:lom", NS)
    assert lom.findtext("lom:general/lom:title/lom:string", namespaces=NS) == (
        "Video thí nghiệm"
    )
    assert lom.findtext("lom:general/lom:language", namespaces=NS) == "en"
    assert lom.findtext("lom:technical/lom:format", namespaces=NS) == "video/mp4"
    assert lom.findtext("lom:technical/lom:duration/lom:duration", namespaces=NS) == (
        "PT12M34S"
    )
    assert (
        lom.findtext(
            "lom:educational/lom:learningResourceType/lom:value", namespaces=NS
        )
        == "lecture"
    )
    assert lom.findtext("lom:rights/lom:cost/lom:value", namespaces=NS) == "no"
    taxa = [e.text for e in lom.iterfind(".//lom:taxon/lom:id", NS)]
    assert "vat-ly" in taxa


def test_course_lom_has_course_facets(ask, repository):
    course = repository.courses[0]
    tree = ask(
        verb="GetRecord",
        identifier=make_identifier("course", course.pk),
        metadataPrefix="lom",
    )
    lom = tree.find(".//lom:lom", NS)
    assert lom.findtext(
        "lom:educational/lom:typicalLearningTime/lom:duration", namespaces=NS
    ) == ("PT2H30M")
    assert lom.findtext(".//lom:contribute/lom:role/lom:value", namespaces=NS) == (
        "author"
    )


def test_sets_select_by_subject_and_type(ask, repository):
    maths = ask(verb="ListIdentifiers", metadataPrefix="oai_dc", set="subject:toan")
    assert set(identifiers(maths)) == {
        make_identifier("material", repository.materials[0].pk),
        make_identifier("material", repository.materials[3].pk),
        make_identifier("course", repository.courses[1].pk),
    }
    courses = ask(verb="ListIdentifiers", metadataPrefix="oai_dc", set="type:course")
    assert set(identifiers(courses)) == {
        make_identifier("course", course.pk) for course in repository.courses
    }
    everything = ask(verb="ListIdentifiers", metadataPrefix="oai_dc", set="type")
    assert len(identifiers(everything)) == 6


def test_from_and_until_select_by_datestamp(ask, repository):
    old = repository.materials[1]
    Material.objects.filter(pk=old.pk).update(
        last_published_at=datetime(2020, 5, 17, 10, 30, 15, tzinfo=UTC)
    )
    only_old = ask(
        verb="ListIdentifiers", metadataPrefix="oai_dc", until="2020-05-17T10:30:15Z"
    )
    assert identifiers(only_old) == [make_identifier("material", old.pk)]
    by_day = ask(
        verb="ListIdentifiers",
        metadataPrefix="oai_dc",
        **{"from": "2020-05-17", "until": "2020-05-17"},
    )
    assert identifiers(by_day) == [make_identifier("material", old.pk)]
    newer = ask(
        verb="ListIdentifiers",
        metadataPrefix="oai_dc",
        **{"from": "2020-05-17T10:30:16Z"},
    )
    assert make_identifier("material", old.pk) not in identifiers(newer)
    assert len(identifiers(newer)) == 5


def test_unpublished_and_deleted_items_become_deleted_records(ask, repository):
    withdrawn, removed = repository.materials[0], repository.materials[1]
    withdrawn.unpublish()
    removed_id = removed.pk
    removed.delete()
    repository.courses[1].unpublish()

    tree = ask(verb="ListRecords", metadataPrefix="oai_dc", set="subject:toan")
    deleted = [
        r.findtext("oai:header/oai:identifier", namespaces=NS)
        for r in tree.iterfind(".//oai:record", NS)
        if r.find("oai:header", NS).get("status") == "deleted"
    ]
    assert set(deleted) == {
        make_identifier("material", withdrawn.pk),
        make_identifier("course", repository.courses[1].pk),
    }
    assert all(
        r.find("oai:metadata", NS) is None
        for r in tree.iterfind(".//oai:record", NS)
        if r.find("oai:header", NS).get("status") == "deleted"
    )
    gone = ask(
        verb="GetRecord",
        identifier=make_identifier("material", removed_id),
        metadataPrefix="oai_dc",
    )
    assert gone.find(".//oai:header", NS).get("status") == "deleted"


def test_republishing_removes_the_tombstone(ask, repository):
    material = repository.materials[0]
    material.unpublish()
    assert DeletedRecord.objects.filter(object_id=material.pk).exists()

    material.save_revision().publish()

    assert not DeletedRecord.objects.filter(object_id=material.pk).exists()
    tree = ask(
        verb="GetRecord",
        identifier=make_identifier("material", material.pk),
        metadataPrefix="oai_dc",
    )
    assert tree.find(".//oai:header", NS).get("status") is None


def test_deleting_a_course_page_leaves_a_tombstone(repository):
    course = repository.courses[1]
    course_id = course.pk
    course.delete()
    assert DeletedRecord.objects.filter(kind="course", object_id=course_id).exists()


def test_resumption_tokens_page_through_the_list(ask, repository, settings):
    settings.OAI_PAGE_SIZE = 4
    first = ask(verb="ListRecords", metadataPrefix="oai_dc")
    token = first.find(".//oai:resumptionToken", NS)
    assert (token.get("cursor"), token.get("completeListSize")) == ("0", "6")
    assert token.get("expirationDate")
    # Publishing meanwhile does not shift the list: the new item comes last.
    late = PublishedMaterialFactory(title="Muộn")
    second = ask(verb="ListRecords", resumptionToken=token.text)
    seen = identifiers(first) + identifiers(second)
    assert len(set(seen)) == len(seen) == 7
    assert seen[-1] == make_identifier("material", late.pk)
    final = second.find(".//oai:resumptionToken", NS)
    assert final.text is None and final.get("cursor") == "4"


@pytest.mark.parametrize(
    ("params", "code"),
    [
        ({}, "badVerb"),
        ({"verb": "Harvest"}, "badVerb"),
        ({"verb": ["Identify", "Identify"]}, "badVerb"),
        ({"verb": "Identify", "set": "x"}, "badArgument"),
        ({"verb": "ListRecords"}, "badArgument"),
        ({"verb": "GetRecord", "metadataPrefix": "oai_dc"}, "badArgument"),
        (
            {"verb": "ListRecords", "metadataPrefix": ["oai_dc", "lom"]},
            "badArgument",
        ),
        (
            {"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "2020-13-45"},
            "badArgument",
        ),
        (
            {"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "yesterday"},
            "badArgument",
        ),
        (
            {
                "verb": "ListRecords",
                "metadataPrefix": "oai_dc",
                "from": "2020-01-01",
                "until": "2020-01-02T00:00:00Z",
            },
            "badArgument",
        ),
        (
            {
                "verb": "ListRecords",
                "metadataPrefix": "oai_dc",
                "from": "2021-01-01",
                "until": "2020-01-01",
            },
            "badArgument",
        ),
        (
            {"verb": "ListRecords", "metadataPrefix": "oai_dc", "set": "bad set"},
            "badArgument",
        ),
        (
            {
                "verb": "ListRecords",
                "metadataPrefix": "oai_dc",
                "resumptionToken": "abc",
            },
            "badArgument",
        ),
        ({"verb": "ListRecords", "resumptionToken": "forged"}, "badResumptionToken"),
        ({"verb": "ListSets", "resumptionToken": "anything"}, "badResumptionToken"),
        (
            {"verb": "ListRecords", "metadataPrefix": "marc21"},
            "cannotDisseminateFormat",
        ),
        (
            {
                "verb": "GetRecord",
                "identifier": "oai:elsewhere:x/1",
                "metadataPrefix": "oai_dc",
            },
            "idDoesNotExist",
        ),
        (
            {
                "verb": "ListMetadataFormats",
                "identifier": "oai:kho.example.edu.vn:material/999999",
            },
            "idDoesNotExist",
        ),
        (
            {
                "verb": "GetRecord",
                "identifier": "oai:kho.example.edu.vn:course/99999999999999999999999",
                "metadataPrefix": "lom",
            },
            "idDoesNotExist",
        ),
        (
            {
                "verb": "ListRecords",
                "metadataPrefix": "oai_dc",
                "set": "subject:unknown",
            },
            "noRecordsMatch",
        ),
        (
            {
                "verb": "ListIdentifiers",
                "metadataPrefix": "oai_dc",
                "from": "2999-01-01",
            },
            "noRecordsMatch",
        ),
    ],
)
def test_error_codes(ask, repository, params, code):
    tree = ask(**params)
    assert error_codes(tree) == [code]
    request = tree.find("oai:request", NS)
    if code in ("badVerb", "badArgument"):
        assert dict(request.attrib) == {}


def test_get_record_with_unknown_format_cannot_disseminate(ask, repository):
    tree = ask(
        verb="GetRecord",
        identifier=make_identifier("course", repository.courses[0].pk),
        metadataPrefix="mods",
    )
    assert error_codes(tree) == ["cannotDisseminateFormat"]
    assert tree.find("oai:request", NS).get("metadataPrefix") == "mods"


def test_a_token_for_another_verb_is_refused(ask, repository, settings):
    settings.OAI_PAGE_SIZE = 2
    first = ask(verb="ListIdentifiers", metadataPrefix="oai_dc")
    token = first.findtext(".//oai:resumptionToken", namespaces=NS)
    assert error_codes(ask(verb="ListRecords", resumptionToken=token)) == [
        "badResumptionToken"
    ]


def test_an_expired_token_is_refused(ask, repository, settings, monkeypatch):
    settings.OAI_PAGE_SIZE = 2
    first = ask(verb="ListIdentifiers", metadataPrefix="oai_dc")
    token = first.findtext(".//oai:resumptionToken", namespaces=NS)
    later = timezone.now() + timedelta(seconds=settings.OAI_TOKEN_MAX_AGE + 5)
    monkeypatch.setattr(signing.time, "time", lambda: later.timestamp())
    assert error_codes(ask(verb="ListIdentifiers", resumptionToken=token)) == [
        "badResumptionToken"
    ]


def test_a_token_with_a_broken_payload_is_refused(ask, repository):
    token = signing.dumps({"v": "ListRecords", "m": "oai_dc"}, salt=tokens.SALT)
    assert error_codes(ask(verb="ListRecords", resumptionToken=token)) == [
        "badResumptionToken"
    ]


def test_without_sets_the_repository_says_no_set_hierarchy(ask, repository, settings):
    settings.OAI_SETS_ENABLED = False
    assert error_codes(ask(verb="ListSets")) == ["noSetHierarchy"]
    selective = ask(verb="ListRecords", metadataPrefix="oai_dc", set="subject:toan")
    assert error_codes(selective) == ["noSetHierarchy"]
    plain = ask(verb="ListIdentifiers", metadataPrefix="oai_dc")
    assert plain.find(".//oai:setSpec", NS) is None


def test_item_without_formats_says_no_metadata_formats(ask, repository, monkeypatch):
    from opendata.oai import formats

    only_materials = frozenset({"material"})
    monkeypatch.setattr(
        formats,
        "FORMATS",
        {
            prefix: formats.MetadataFormat(
                fmt.prefix, fmt.schema, fmt.namespace, only_materials, fmt.write
            )
            for prefix, fmt in formats.FORMATS.items()
        },
    )
    course = make_identifier("course", repository.courses[0].pk)
    tree = ask(verb="ListMetadataFormats", identifier=course)
    assert error_codes(tree) == ["noMetadataFormats"]
    refused = ask(verb="GetRecord", identifier=course, metadataPrefix="oai_dc")
    assert error_codes(refused) == ["cannotDisseminateFormat"]


def test_list_metadata_formats_for_an_item(ask, repository):
    tree = ask(
        verb="ListMetadataFormats",
        identifier=make_identifier("material", repository.materials[0].pk),
    )
    prefixes = [e.text for e in tree.iterfind(".//oai:metadataPrefix", NS)]
    assert prefixes == ["oai_dc", "lom"]


def test_control_characters_in_text_do_not_break_the_xml(ask, repository):
    material = repository.materials[0]
    Material.objects.filter(pk=material.pk).update(description="Dòng\x1fmột\x0bhai")
    tree = ask(
        verb="GetRecord",
        identifier=make_identifier("material", material.pk),
        metadataPrefix="oai_dc",
    )
    assert tree.findtext(".//dc:description", namespaces=NS) == "Dòngmộthai"


def test_nul_in_arguments_is_a_protocol_error(ask, repository):
    tree = ask(verb="GetRecord", identifier="oai:x\x00", metadataPrefix="oai_dc")
    assert error_codes(tree) == ["idDoesNotExist"]

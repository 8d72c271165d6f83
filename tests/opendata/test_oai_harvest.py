"""Harvesting the whole repository over HTTP with the Sickle client."""

import pytest
from sickle import Sickle
from sickle.iterator import OAIResponseIterator

from materials.models import Material
from opendata.oai.records import make_identifier


class ValidatingSickle(Sickle):
    """A harvester that checks every raw response against the XML schemas."""

    def __init__(self, endpoint, validate, **kwargs):
        super().__init__(endpoint, **kwargs)
        self.validate = validate
        self.responses = 0

    def harvest(self, **kwargs):
        response = super().harvest(**kwargs)
        self.validate(response.raw.encode())
        self.responses += 1
        return response


@pytest.fixture
def harvester(live_server, validate_oai, settings):
    settings.OAI_PAGE_SIZE = 2
    return ValidatingSickle(f"{live_server.url}/oai/", validate_oai, max_retries=0)


def expected_identifiers(repository) -> set[str]:
    return {make_identifier("material", m.pk) for m in repository.materials} | {
        make_identifier("course", c.pk) for c in repository.courses
    }


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("prefix", ["oai_dc", "lom"])
def test_list_records_harvests_every_item_across_resumption(
    harvester, repository, prefix
):
    """Six items at two per page: three responses, every item exactly once."""
    records = list(harvester.ListRecords(metadataPrefix=prefix, ignore_deleted=False))

    identifiers = [record.header.identifier for record in records]
    assert sorted(identifiers) == sorted(expected_identifiers(repository))
    assert harvester.responses == 3
    titles = {title for record in records for title in record.metadata.get("title", [])}
    if prefix == "oai_dc":
        assert "Phiếu bài tập phân số" in titles
        assert "Sinh học tế bào" in titles


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_harvest_reports_withdrawn_material_as_deleted(harvester, repository):
    withdrawn = repository.materials[0]
    withdrawn.unpublish()

    headers = list(
        harvester.ListIdentifiers(metadataPrefix="oai_dc", ignore_deleted=False)
    )

    deleted = [h.identifier for h in headers if h.deleted]
    assert deleted == [make_identifier("material", withdrawn.pk)]
    assert len(headers) == 6
    assert not Material.objects.get(pk=withdrawn.pk).live


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_every_verb_answers_through_the_client(harvester, repository):
    identify = harvester.Identify()
    assert identify.deletedRecord == "persistent"
    assert identify.granularity == "YYYY-MM-DDThh:mm:ssZ"

    prefixes = {fmt.metadataPrefix for fmt in harvester.ListMetadataFormats()}
    assert prefixes == {"oai_dc", "lom"}

    specs = {s.setSpec for s in harvester.ListSets()}
    assert {"subject", "subject:toan", "type:worksheet", "type:course"} <= specs

    record = harvester.GetRecord(
        identifier=make_identifier("course", repository.courses[0].pk),
        metadataPrefix="oai_dc",
    )
    assert record.metadata["title"] == ["Sinh học tế bào"]

    in_set = list(
        harvester.ListIdentifiers(metadataPrefix="oai_dc", set="subject:vat-ly")
    )
    assert {h.identifier for h in in_set} == {
        make_identifier("material", m.pk) for m in repository.materials[1:3]
    }


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_raw_iteration_exposes_resumption_cursor(harvester, repository):
    harvester.iterator = OAIResponseIterator
    responses = list(harvester.ListIdentifiers(metadataPrefix="oai_dc"))
    tokens = [
        r.xml.find(".//{http://www.openarchives.org/OAI/2.0/}resumptionToken")
        for r in responses
    ]
    assert [t.get("cursor") for t in tokens] == ["0", "2", "4"]
    assert {t.get("completeListSize") for t in tokens} == {"6"}
    assert tokens[-1].text in (None, "")

"""Issuing and checking credentials never reaches beyond this machine:
contexts, schemas and keys are local files, so a school's server behind a
firewall (or a verifier on a train) works the same."""

import json
import socket

import pytest
from django.urls import reverse

from courses.credentials.checking import Outcome, check_credential
from courses.models import Certificate
from tests.factories import EnrolmentFactory

pytestmark = pytest.mark.django_db
LOOPBACK = {"127.0.0.1", "::1", "localhost"}


class OutboundRefused(OSError):
    pass


@pytest.fixture
def no_outbound_network(monkeypatch):
    """Any connection or name lookup beyond loopback fails loudly (the test
    database, cache and search engine on this machine stay reachable)."""
    real_connect, real_lookup = socket.socket.connect, socket.getaddrinfo

    def connect(self, address):
        if isinstance(address, tuple) and address[0] not in LOOPBACK:
            raise OutboundRefused(f"outbound connection to {address!r}")
        return real_connect(self, address)

    def getaddrinfo(host, *args, **kwargs):
        if host not in LOOPBACK and host is not None:
            raise OutboundRefused(f"name lookup of {host!r}")
        return real_lookup(host, *args, **kwargs)

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)


def test_the_guard_refuses_the_outside_world(no_outbound_network):
    with pytest.raises(OutboundRefused):
        socket.create_connection(("www.w3.org", 443), timeout=1)


def test_issuing_serving_and_checking_stay_on_this_machine(
    client, tree, learner, no_outbound_network
):
    EnrolmentFactory(learner=learner, course=tree.course)
    tree.complete_required(learner)
    certificate = Certificate.objects.get(learner=learner)

    credential = client.get(
        reverse("courses:certificate_json", args=[certificate.code])
    ).json()
    revocations = client.get(reverse("courses:certificate_revocations"))
    did_document = client.get("/.well-known/did.json")
    report = check_credential(json.dumps(credential))

    assert (revocations.status_code, did_document.status_code) == (200, 200)
    assert report.outcome == Outcome.PASSED, [c.message for c in report.checks]


def test_transcripts_are_issued_and_checked_on_this_machine(
    client, tree, learner, no_outbound_network
):
    EnrolmentFactory(learner=learner, course=tree.course)
    tree.complete_required(learner)
    client.force_login(learner)

    transcript = client.get(reverse("courses:transcript_json")).json()
    pdf = client.get(reverse("courses:transcript_pdf"))
    report = check_credential(json.dumps(transcript))

    assert transcript["type"] == ["VerifiableCredential", "ClrCredential"]
    assert pdf.status_code == 200
    assert report.outcome == Outcome.PASSED, [c.message for c in report.checks]
    assert [part.outcome for part in report.parts] == [Outcome.PASSED]

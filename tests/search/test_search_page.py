"""The search page, autocomplete and JSON API on a known data set."""

import pytest
from django.http import QueryDict
from django.urls import reverse

from lms.vocabulary import Language, MaterialType, Subject
from search.indexing import rebuild, refresh
from search.queries import MAX_QUERY_LENGTH, PAGE_SIZE, parse_params, search
from tests.factories import PublishedMaterialFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def library(search_engine):
    """Six materials with known facets, indexed."""
    specs = [
        ("Quang hợp ở thực vật", Subject.BIOLOGY, MaterialType.SLIDES, "6", 10),
        ("Quang hợp và hô hấp", Subject.BIOLOGY, MaterialType.WORKSHEET, "7", 50),
        ("Quãng đường và vận tốc", Subject.PHYSICS, MaterialType.WORKSHEET, "8", 5),
        ("Phương trình bậc hai", Subject.MATHEMATICS, MaterialType.LESSON_PLAN, "9", 1),
        ("Photosynthesis in plants", Subject.BIOLOGY, MaterialType.SLIDES, "10", 3),
        ("Địa lý Việt Nam", Subject.GEOGRAPHY, MaterialType.TEXTBOOK, "6", 0),
    ]
    materials = {}
    for title, subject, kind, grade, downloads in specs:
        materials[title] = PublishedMaterialFactory(
            title=title,
            description=f"{title}: tài liệu cho học sinh.",
            subject=subject,
            material_type=kind,
            grade_levels=[grade],
            language=Language.ENGLISH
            if title.startswith("Photo")
            else Language.VIETNAMESE,
            download_count=downloads,
        )
    rebuild(progress=False)
    refresh()
    return materials


def api(client, **params):
    return client.get(reverse("search:api"), params)


def test_facet_counts_follow_the_other_filters(client, library):
    """Subject counts ignore the subject choice but respect the type choice."""
    data = api(client, q="quang hop", subject="sinh-hoc").json()
    assert sorted(hit["title"] for hit in data["results"]) == [
        "Quang hợp và hô hấp",
        "Quang hợp ở thực vật",
    ]
    subjects = {facet["value"]: facet["count"] for facet in data["facets"]["subject"]}
    assert subjects == {"sinh-hoc": 2}
    data = api(client, type="worksheet").json()
    assert data["total"] == 2
    subjects = {facet["value"]: facet["count"] for facet in data["facets"]["subject"]}
    assert subjects == {"sinh-hoc": 1, "vat-ly": 1}
    types = {facet["value"]: facet["count"] for facet in data["facets"]["type"]}
    assert types == {"worksheet": 2, "slides": 2, "lesson-plan": 1, "textbook": 1}


def test_highlights_mark_matched_words_and_escape_markup(client, search_engine):
    PublishedMaterialFactory(
        title="Quang hợp & hô hấp: x < y", description="Lá cây quang hợp."
    )
    rebuild(progress=False)
    hit = api(client, q="quang hop").json()["results"][0]
    assert hit["title_html"] == (
        "<mark>Quang</mark> <mark>hợp</mark> &amp; hô hấp: x &lt; y"
    )
    assert "<mark>quang</mark> <mark>hợp</mark>" in hit["snippet"]


def test_exact_diacritics_rank_first(client, library):
    titles = [hit["title"] for hit in api(client, q="quãng").json()["results"]]
    assert titles[0] == "Quãng đường và vận tốc"


def test_english_stemming_finds_plural_forms(client, library):
    titles = [hit["title"] for hit in api(client, q="plant").json()["results"]]
    assert titles == ["Photosynthesis in plants"]


def test_sort_by_downloads_and_newest(client, library):
    by_downloads = [
        hit["title"] for hit in api(client, sort="downloads").json()["results"]
    ]
    assert by_downloads[:2] == ["Quang hợp và hô hấp", "Quang hợp ở thực vật"]
    newest = [hit["title"] for hit in api(client, sort="newest").json()["results"]]
    assert newest[0] == "Địa lý Việt Nam"


def test_pages_follow_search_after_cursors(client, search_engine):
    for number in range(PAGE_SIZE + 5):
        PublishedMaterialFactory(title=f"Bài tập số học {number}")
    rebuild(progress=False)
    first = api(client, q="so hoc", sort="newest").json()
    assert len(first["results"]) == PAGE_SIZE and first["next"]
    second = client.get(first["next"]).json()
    assert second["page"] == 2
    assert len(second["results"]) == 5 and second["next"] is None
    seen = {hit["title"] for hit in first["results"]} | {
        hit["title"] for hit in second["results"]
    }
    assert len(seen) == PAGE_SIZE + 5


def test_a_misspelling_finds_similar_words_and_suggests_the_spelling(client, library):
    """ "quanh hopp" matches nothing as typed: similar words answer, marked so."""
    results = search(parse_params(QueryDict("q=quanh+hopp")))
    assert results.fuzzy
    assert sorted(hit.title for hit in results.hits) == [
        "Quang hợp và hô hấp",
        "Quang hợp ở thực vật",
    ]
    assert results.suggestion == "quang hop"
    data = api(client, q="quanh hopp").json()
    assert data["fuzzy"] is True and data["total"] == 2
    assert data["suggestion"] == "quang hop"
    assert api(client, q="quang hop").json()["fuzzy"] is False
    html = client.get(reverse("search:search"), {"q": "quanh hopp"}).content.decode()
    assert "Nothing matches “quanh hopp” exactly" in html
    assert "<mark>Quang</mark> <mark>hợp</mark> ở thực vật" in html
    assert "Did you mean" in html and "?q=quang+hop" in html


def test_words_found_as_typed_get_no_fuzzy_matches_and_no_suggestion(library):
    results = search(parse_params(QueryDict("q=quang+hop")))
    assert not results.fuzzy and not results.suggestion
    assert "Quãng đường và vận tốc" not in {hit.title for hit in results.hits}


def test_the_next_page_of_similar_words_stays_similar(client, library):
    """A cursor from a fuzzy answer asks for the next page of the same kind."""
    for number in range(PAGE_SIZE + 2):
        PublishedMaterialFactory(title=f"Quang hợp bài {number}")
    rebuild(progress=False)
    refresh()
    first = search(parse_params(QueryDict("q=quanh+hopp")))
    assert first.fuzzy and first.next_cursor
    second = search(parse_params(QueryDict(f"q=quanh+hopp&after={first.next_cursor}")))
    assert second.fuzzy and second.params.page == 2
    assert len(first.hits) + len(second.hits) == first.total


def test_search_page_shows_results_facets_and_highlights(client, library):
    response = client.get(reverse("search:search"), {"q": "quang hop"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "<mark>Quang</mark> <mark>hợp</mark> ở thực vật" in html
    assert 'href="?q=quang+hop&amp;subject=sinh-hoc"' in html


def test_filters_fold_into_one_closed_panel_before_the_results(client, library):
    """On a phone the first result follows one "Refine" line, not 25 links."""
    chosen = {"q": "quang hop", "subject": "sinh-hoc"}
    html = client.get(reverse("search:search"), chosen).content.decode()

    panel = html.index('<details class="facets" id="facets">')
    assert panel < html.index('<ol class="hits">')
    assert html.index("</details>") < html.index('<ol class="hits">')
    assert "1 chosen" in html[panel : html.index("</summary>", panel)]


@pytest.mark.parametrize(
    "query",
    [
        "",
        "   ",
        "x" * 10_000,
        '"unclosed (( AND OR NOT *:* title:[a TO',
        "\\/\\/ {{}} ~~~ ^^ ??",
        "<script>alert(1)</script>",
        "Vie\u0302\u0323t",  # NFD input
    ],
)
def test_bad_queries_get_a_sensible_answer(client, library, query):
    response = client.get(reverse("search:search"), {"q": query})
    assert response.status_code == 200
    data = api(client, q=query).json()
    assert data["degraded"] is False
    assert len(data["query"]) <= MAX_QUERY_LENGTH


def test_huge_query_is_capped_with_a_message(client, library):
    data = api(client, q="quang hop " * 100).json()
    assert len(data["query"]) <= MAX_QUERY_LENGTH
    assert any("200" in message for message in data["messages"])


def test_nfd_and_nfc_queries_find_the_same(client, library):
    nfc = api(client, q="Địa lý").json()["results"]
    nfd = api(client, q="\u0110i\u0323a ly\u0301").json()["results"]
    assert (
        [hit["title"] for hit in nfc]
        == [hit["title"] for hit in nfd]
        == ["Địa lý Việt Nam"]
    )


def test_page_ten_thousand_and_forged_cursors_get_a_clear_message(client, library):
    data = api(client, q="quang", page="10000").json()
    assert data["page"] == 1
    assert any("Pages cannot be opened by number" in m for m in data["messages"])
    data = api(client, q="quang", after="forged:cursor").json()
    assert any("no longer valid" in m for m in data["messages"])
    page = client.get(reverse("search:search"), {"q": "quang", "page": "10000"})
    assert page.status_code == 200


def test_api_rejects_unknown_filters_and_sorts_naming_the_rule(client, library):
    response = api(client, sort="cheapest", subject="astrology")
    assert response.status_code == 400
    errors = " ".join(response.json()["errors"])
    assert "Sort must be one of: relevance, newest, downloads." in errors
    assert "Unknown subject: astrology." in errors


def test_empty_result_suggests_what_to_do(client, library):
    html = client.get(reverse("search:search"), {"q": "zzzzqqq"}).content.decode()
    assert "/courses/" in html and "sort=newest" in html


def test_autocomplete_returns_titles_as_json(client, library):
    data = client.get(reverse("search:suggest"), {"q": "quang h"}).json()
    titles = {suggestion["title"] for suggestion in data["suggestions"]}
    assert titles == {"Quang hợp ở thực vật", "Quang hợp và hô hấp"}
    assert client.get(reverse("search:suggest"), {"q": ""}).json()["suggestions"] == []


def test_engine_unreachable_degrades_to_the_database(client, settings, db):
    """With the engine down the page answers from the database and says so."""
    from search.client import reset_clients

    PublishedMaterialFactory(title="Quang hợp ở thực vật")
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"
    settings.SEARCH_REQUEST_TIMEOUT = 1
    reset_clients()
    response = client.get(reverse("search:search"), {"q": "Quang hợp"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Quang hợp ở thực vật" in html
    assert "reduced mode" in html
    data = api(client, q="Quang hợp").json()
    assert data["degraded"] is True
    assert [hit["title"] for hit in data["results"]] == ["Quang hợp ở thực vật"]
    suggestions = client.get(reverse("search:suggest"), {"q": "quang"}).json()
    assert suggestions == {"query": "quang", "suggestions": [], "degraded": True}
    reset_clients()


def test_search_form_keeps_chosen_filters_and_labels_its_fields(client, library):
    html = client.get(
        reverse("search:search"),
        {"q": "quang", "subject": "sinh-hoc", "type": "slides"},
    ).content.decode()
    assert '<input type="hidden" name="subject" value="sinh-hoc">' in html
    assert '<input type="hidden" name="type" value="slides">' in html
    assert '<label for="search-q">' in html and '<label for="search-sort">' in html
    assert '<label for="site-search-q">' in html  # the header search box


def test_a_correction_is_offered_only_when_it_finds_something(client, search_engine):
    """ "dinh omx" finds "Định luật Ôm" through similar words; the popular
    spelling "dong om" would find nothing, so no "did you mean" is offered."""
    for title in (
        "Dòng điện không đổi",
        "Dòng điện xoay chiều",
        "Dòng chảy của sông",
        "Định luật Ôm",
    ):
        PublishedMaterialFactory(title=title, description=title)
    rebuild(progress=False)
    refresh()
    results = search(parse_params(QueryDict("q=dinh+omx")))
    assert [hit.title for hit in results.hits] == ["Định luật Ôm"]
    assert results.suggestion == ""
    html = client.get(reverse("search:search"), {"q": "dinh omx"}).content.decode()
    assert "Nothing matches “dinh omx” exactly" in html
    assert "Did you mean" not in html

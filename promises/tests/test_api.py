"""The promise and agreement API: what a partner gets, what it never gets, and clear 4xx errors."""

import pytest
from wagtail.models import Locale

from promises.factories import PromiseFactory
from tests.world import DRAFT_TITLE, assert_nothing_hidden

pytestmark = pytest.mark.django_db


def get_json(client, url: str, status: int = 200) -> dict:
    response = client.get(url)
    assert response.status_code == status, response.content
    return response.json()


def titles(data: dict) -> list[str]:
    return [item["title"] for item in data["items"]]


def test_list_has_the_published_promises_of_public_agreements_only(client, world):
    response = client.get("/api/v3/promises/")
    data = response.json()
    assert sorted(titles(data)) == ["Information till föräldrar", "Två trygghetsvandringar"]
    assert data["count"] == 2
    assert_nothing_hidden(response.content.decode())


def test_list_item_has_stable_id_permalink_and_status(client, world):
    item = get_json(client, "/api/v3/promises/?status=fulfilled")["items"][0]
    assert item["id"] == world.walks.pk
    assert (
        item["meta"]["html_url"] == "http://testserver/sv/medborgarloften-2021/trygghetsvandringar/"
    )
    assert item["meta"]["detail_url"].endswith(f"/api/v3/promises/{world.walks.pk}/")
    assert item["status"] == "fulfilled"
    assert item["status_label"] == "uppfyllt"
    assert item["last_follow_up"] == "2021-12-15"
    assert item["agreement"]["id"] == world.agreement.pk
    # The permalink is served by the agreement page.
    assert client.get("/sv/medborgarloften-2021/trygghetsvandringar/").status_code == 200


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("year=2021", ["Information till föräldrar", "Två trygghetsvandringar"]),
        ("year=2020", []),
        ("status=in_progress", ["Information till föräldrar"]),
        (
            "status=in_progress&status=fulfilled",
            ["Information till föräldrar", "Två trygghetsvandringar"],
        ),
        ("party=police", ["Information till föräldrar"]),
        ("focus_area=droger", ["Information till föräldrar"]),
        ("locale=sv", ["Information till föräldrar", "Två trygghetsvandringar"]),
        ("locale=en", []),
        ("search=trygghetsvandring", ["Två trygghetsvandringar"]),  # Swedish stemming
        ("search=informationen", ["Information till föräldrar"]),
        ("search=utkast", []),  # a draft promise's words find nothing
    ],
)
def test_filters(client, world, query, expected):
    assert sorted(titles(get_json(client, f"/api/v3/promises/?{query}"))) == expected


def test_filter_by_agreement(client, world):
    data = get_json(client, f"/api/v3/promises/?agreement={world.agreement.pk}")
    assert data["count"] == 2
    hidden = world.hidden["unpublished_agreement"].pk
    assert get_json(client, f"/api/v3/promises/?agreement={hidden}")["count"] == 0


def test_ordering_and_pagination(client, world):
    ordered = titles(get_json(client, "/api/v3/promises/?order=title"))
    assert ordered == ["Information till föräldrar", "Två trygghetsvandringar"]
    assert titles(get_json(client, "/api/v3/promises/?order=-title")) == ordered[::-1]
    page = get_json(client, "/api/v3/promises/?order=title&limit=1&offset=1")
    assert page["count"] == 2
    assert titles(page) == ["Två trygghetsvandringar"]


def test_detail_has_follow_up_timeline_and_live_public_stories(client, world):
    data = get_json(client, f"/api/v3/promises/{world.walks.pk}/")
    assert [f["date"] for f in data["follow_ups"]] == ["2021-06-01", "2021-12-15"]
    assert [f["status"] for f in data["follow_ups"]] == ["in_progress", "fulfilled"]
    assert data["follow_ups"][1]["evidence"] == [
        {"title": "Protokoll", "url": "https://example.org/protokoll"}
    ]
    assert [s["title"] for s in data["stories"]] == ["Nästan alla löften uppfyllda"]
    assert data["stories"][0]["detail_url"].endswith(f"/api/v3/pages/{world.story.pk}/")
    assert data["description"] == "<p>Vi går <b>tillsammans</b>.</p>"


def test_detail_shows_the_published_version_not_the_draft_revision(client, world):
    data = get_json(client, f"/api/v3/promises/{world.parents.pk}/")
    assert data["title"] == "Information till föräldrar"
    assert DRAFT_TITLE not in str(get_json(client, "/api/v3/promises/"))


@pytest.mark.parametrize("hidden", ["draft", "in_unpublished", "in_private"])
def test_hidden_promises_are_not_found(client, world, hidden):
    data = get_json(client, f"/api/v3/promises/{world.hidden[hidden].pk}/", status=404)
    assert data["status"] == 404


def test_continued_promise_links_the_earlier_one(client, world, home):
    later = PromiseFactory(
        agreement=world.agreement, title="Fler vandringar", slug="fler", continues=world.walks
    )
    data = get_json(client, f"/api/v3/promises/{later.pk}/")
    assert data["continues"]["id"] == world.walks.pk
    # Continuing a hidden promise does not reveal it.
    secret = PromiseFactory(
        agreement=world.agreement, title="Ny", slug="ny", continues=world.hidden["in_private"]
    )
    assert get_json(client, f"/api/v3/promises/{secret.pk}/")["continues"] is None


def test_english_translation_with_english_labels(client, world, home_en):
    en = Locale.objects.get(language_code="en")
    agreement_en = world.agreement.copy_for_translation(en)
    agreement_en.save_revision().publish()
    walks_en = PromiseFactory(
        agreement=agreement_en,
        locale=en,
        translation_key=world.walks.translation_key,
        title="Two safety walks",
        slug="trygghetsvandringar",
    )
    data = get_json(client, "/api/v3/promises/?locale=en&year=2021")
    assert titles(data) == ["Two safety walks"]
    assert data["items"][0]["status_label"] == "fulfilled"
    assert data["items"][0]["meta"]["locale"] == "en"
    translations = get_json(client, f"/api/v3/promises/?translation_of={world.walks.pk}")
    assert [item["id"] for item in translations["items"]] == [walks_en.pk]


@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("/api/v3/promises/?status=unknown", 400),
        ("/api/v3/promises/?party=everyone", 400),
        ("/api/v3/promises/?limit=-1", 400),
        ("/api/v3/promises/?limit=0", 400),
        ("/api/v3/promises/?limit=100000", 400),
        ("/api/v3/promises/?offset=abc", 400),
        ("/api/v3/promises/?offset=-5", 400),
        ("/api/v3/promises/?year=abc", 400),
        ("/api/v3/promises/?year=99999", 400),
        ("/api/v3/promises/?order=password", 400),
        ("/api/v3/promises/?locale=xx", 400),
        ("/api/v3/promises/?agreement=abc", 400),
        ("/api/v3/promises/?translation_of=99999999", 404),
        ("/api/v3/promises/?search=" + "x" * 201, 400),
        ("/api/v3/promises/?search=a%00b", 400),
        ("/api/v3/promises/abc/", 400),
        ("/api/v3/promises/0/", 400),
        ("/api/v3/promises/99999999999999999999999/", 400),
        ("/api/v3/promises/99999999/", 404),
        ("/api/v3/agreements/?year=x", 400),
        ("/api/v3/agreements/?locale=zz", 400),
        ("/api/v3/agreements/?limit=51", 400),
        ("/api/v3/agreements/nope/", 400),
        ("/api/v3/agreements/99999999/", 404),
        ("/api/v3/pages/?limit=-1", 400),
        ("/api/v3/pages/?locale=%00", 400),
        ("/api/v3/pages/99999999/", 404),
        ("/api/v3/contacts/?organisation=x", 400),
        ("/api/v3/contacts/99999999/", 404),
        ("/api/v3/organisations/abc/", 400),
    ],
)
def test_bad_input_gets_problem_json_with_a_message(client, world, url, status):
    response = client.get(url)
    assert response.status_code == status
    assert response["Content-Type"] == "application/problem+json"
    problem = response.json()
    assert problem["status"] == status
    assert problem["detail"]


def test_agreements_list_and_detail(client, world):
    data = get_json(client, "/api/v3/agreements/")
    assert titles(data) == ["Medborgarlöften 2021"]
    item = data["items"][0]
    assert item["summary"]["total"] == 2
    assert item["summary"]["headline"] == "1 av 2 uppfyllda"
    assert {row["status"]: row["count"] for row in item["summary"]["by_status"]} == {
        "fulfilled": 1,
        "in_progress": 1,
    }
    detail = get_json(client, f"/api/v3/agreements/{world.agreement.pk}/")
    assert [p["title"] for p in detail["promises"]] == [
        "Information till föräldrar",
        "Två trygghetsvandringar",
    ]
    assert detail["problem_picture"].startswith("<p>Otrygghet")
    assert detail["links"]["export_json"].endswith(
        f"/open-data/agreements/{world.agreement.pk}/promises.json"
    )
    assert client.get(detail["links"]["export_csv"]).status_code == 200
    assert client.get(detail["links"]["embed"]).status_code == 200


@pytest.mark.parametrize("hidden", ["unpublished_agreement", "private_agreement"])
def test_hidden_agreements_are_not_found(client, world, hidden):
    get_json(client, f"/api/v3/agreements/{world.hidden[hidden].pk}/", status=404)
    assert_nothing_hidden(client.get("/api/v3/agreements/").content.decode())


def test_year_filter_on_agreements(client, world):
    assert get_json(client, "/api/v3/agreements/?year=2021")["count"] == 1
    assert get_json(client, "/api/v3/agreements/?year=2030")["count"] == 0

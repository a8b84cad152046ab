"""Open data export of an agreement's promises as CSV and JSON, labels in the requested language."""

import codecs
import csv
import io

import pytest
from wagtail.models import Locale

from promises.factories import PromiseFactory
from tests.world import assert_nothing_hidden

pytestmark = pytest.mark.django_db


def test_csv_has_one_row_per_published_promise(client, world):
    response = client.get(f"/open-data/agreements/{world.agreement.pk}/promises.csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="medborgarloften-2021-sv.csv"' in response["Content-Disposition"]
    text = response.content.decode("utf-8")
    assert_nothing_hidden(text)
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [(r["title"], r["status"], r["status_label"]) for r in rows] == [
        ("Information till föräldrar", "in_progress", "pågår"),
        ("Två trygghetsvandringar", "fulfilled", "uppfyllt"),
    ]
    walks = rows[1]
    assert walks["last_follow_up"] == "2021-12-15"
    assert walks["url"] == "http://testserver/sv/medborgarloften-2021/trygghetsvandringar/"
    assert walks["period_start"] == "2021-01-01"


def test_json_with_english_labels(client, world):
    response = client.get(f"/open-data/agreements/{world.agreement.pk}/promises.json?language=en")
    assert response.status_code == 200
    assert response["Content-Language"] == "en"
    data = response.json()
    assert data["language"] == "en"
    assert data["agreement"]["title"] == "Medborgarlöften 2021"
    assert {p["status"]: p["status_label"] for p in data["promises"]} == {
        "fulfilled": "fulfilled",
        "in_progress": "in progress",
    }
    assert {p["party_label"] for p in data["promises"]} == {
        "The police",
        "The municipality and the police",
    }
    assert_nothing_hidden(response.content.decode())


def test_english_export_uses_the_english_translation(client, world, home_en):
    en = Locale.objects.get(language_code="en")
    agreement_en = world.agreement.copy_for_translation(en)
    agreement_en.title = "Citizen promises 2021"
    agreement_en.save_revision().publish()
    PromiseFactory(
        agreement=agreement_en,
        locale=en,
        translation_key=world.walks.translation_key,
        title="Two safety walks",
        slug="trygghetsvandringar",
    )
    data = client.get(
        f"/open-data/agreements/{world.agreement.pk}/promises.json?language=en"
    ).json()
    assert data["agreement"]["title"] == "Citizen promises 2021"
    assert [p["title"] for p in data["promises"]] == ["Two safety walks"]
    assert data["promises"][0]["url"].startswith("http://testserver/en/")


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("promises.json?language=xx", 400),
        ("promises.xml", 404),
    ],
)
def test_bad_requests(client, world, path, status):
    response = client.get(f"/open-data/agreements/{world.agreement.pk}/{path}")
    assert response.status_code == status


@pytest.mark.parametrize("hidden", ["unpublished_agreement", "private_agreement"])
def test_hidden_agreement_cannot_be_exported(client, world, hidden):
    page = world.hidden[hidden]
    for fmt in ("csv", "json"):
        assert client.get(f"/open-data/agreements/{page.pk}/promises.{fmt}").status_code == 404


HYPERLINK = '=HYPERLINK("https://example.org/";"Klicka")'
FORMULAS = {
    "target": "-2+3",
    "partners": "+46 70 123 45 67",
    "status_reason": "@SUMMA(A1:A9)",
    "outcome": "\t=1+1",
    "focus_area": "\r=1+1",
}


def csv_rows(response, delimiter: str = ",") -> list[dict]:
    assert response.status_code == 200
    assert response.content.startswith(codecs.BOM_UTF8)  # Excel reads it as UTF-8
    text = response.content.decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter))


def test_csv_cells_that_start_a_formula_are_text(client, world):
    """OWASP CSV injection: a leading = + - @, tab or CR gets a `'`, so Excel shows text."""
    PromiseFactory(agreement=world.agreement, title=HYPERLINK, **FORMULAS)
    url = f"/open-data/agreements/{world.agreement.pk}/promises"
    rows = {row["id"]: row for row in csv_rows(client.get(f"{url}.csv"))}
    formulas = next(row for row in rows.values() if row["target"].endswith("-2+3"))
    assert formulas["title"] == "'" + HYPERLINK
    assert {field: formulas[field] for field in FORMULAS} == {
        field: "'" + value for field, value in FORMULAS.items()
    }
    walks = rows[str(world.walks.pk)]
    assert (walks["title"], walks["target"]) == ("Två trygghetsvandringar", "2 trygghetsvandringar")
    # The JSON is data for programs, not a spreadsheet: it keeps the text as written.
    promises = client.get(f"{url}.json").json()["promises"]
    assert HYPERLINK in [p["title"] for p in promises]


def test_csv_with_semicolons_for_swedish_excel(client, world):
    url = f"/open-data/agreements/{world.agreement.pk}/promises.csv"
    comma = csv_rows(client.get(url))
    semicolon = csv_rows(client.get(f"{url}?delimiter=semicolon"), delimiter=";")
    assert semicolon == comma
    assert list(semicolon[0])[:3] == ["id", "agreement", "period_start"]
    bad = client.get(f"{url}?delimiter=tab")
    assert bad.status_code == 400
    assert "semicolon" in bad.content.decode()

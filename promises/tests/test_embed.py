"""The embeddable promise-status cards: standalone, accessible, framable by any site, no scripts."""

import pytest
from bs4 import BeautifulSoup

from tests.world import assert_nothing_hidden

pytestmark = pytest.mark.django_db


def assert_embeddable(response) -> BeautifulSoup:
    assert response.status_code == 200
    assert "X-Frame-Options" not in response
    assert "frame-ancestors *" in response["Content-Security-Policy"]
    assert "script-src" not in response["Content-Security-Policy"]  # default-src 'none' covers it
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.find("script") is None
    # Nothing from a third party: only this site's stylesheets, the status colours the site uses.
    sheets = [link["href"] for link in soup.find_all("link", rel="stylesheet")]
    assert sheets == ["/static/css/status.css", "/static/css/embed.css"]
    assert "style-src 'self'" in response["Content-Security-Policy"]
    assert soup.find("style") is None and soup.find(style=True) is None
    assert soup.html["lang"] == "sv"
    assert soup.title.string
    assert soup.find("main") is not None
    assert_nothing_hidden(response.content.decode())
    return soup


def test_agreement_card(client, world):
    soup = assert_embeddable(client.get(f"/embed/agreements/{world.agreement.pk}/"))
    assert soup.h1.get_text(strip=True) == "Medborgarlöften 2021"
    text = soup.get_text(" ", strip=True)
    assert "1 av 2 uppfyllda" in text
    # Status in words, not only colour.
    items = [li.get_text(" ", strip=True) for li in soup.select("main ul li")]
    assert items == ["Information till föräldrar pågår", "Två trygghetsvandringar uppfyllt"]
    links = [a["href"] for a in soup.select("main ul a")]
    assert links[1] == "http://testserver/sv/medborgarloften-2021/trygghetsvandringar/"
    assert all(a["target"] == "_top" for a in soup.select("a"))


def test_promise_card(client, world):
    soup = assert_embeddable(client.get(f"/embed/promises/{world.walks.pk}/"))
    text = soup.get_text(" ", strip=True)
    assert "Två trygghetsvandringar" in text
    assert "uppfyllt" in text
    assert "15 december 2021" in text


def test_only_the_embed_may_be_framed(client, world):
    assert client.get("/sv/medborgarloften-2021/")["X-Frame-Options"] == "DENY"
    assert client.get("/api/v3/promises/")["X-Frame-Options"] == "DENY"


@pytest.mark.parametrize("hidden", ["unpublished_agreement", "private_agreement"])
def test_hidden_agreement_has_no_card(client, world, hidden):
    assert client.get(f"/embed/agreements/{world.hidden[hidden].pk}/").status_code == 404


@pytest.mark.parametrize("hidden", ["draft", "in_unpublished", "in_private"])
def test_hidden_promise_has_no_card(client, world, hidden):
    assert client.get(f"/embed/promises/{world.hidden[hidden].pk}/").status_code == 404


def test_draft_revision_is_not_embedded(client, world):
    response = client.get(f"/embed/promises/{world.parents.pk}/")
    assert "Information till föräldrar" in response.content.decode()
    assert_nothing_hidden(response.content.decode())

"""The pages API (Wagtail API v3): a story with everything a partner needs, and nothing more."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import APIToken

from tests.world import assert_nothing_hidden

pytestmark = pytest.mark.django_db


def test_article_detail_has_partner_fields(client, world):
    response = client.get(f"/api/v3/pages/{world.story.pk}/")
    assert response.status_code == 200
    data = response.json()
    assert data["meta"]["type"] == "news.NewsArticlePage"
    assert data["meta"]["first_published_at"]
    assert data["last_published_at"]
    assert data["lead"] == "Så gick det 2021."
    # Rich text is display HTML: the internal page link is a real href.
    body_html = data["body"][0]["value"]
    assert 'href="/sv/medborgarloften-2021/"' in body_html
    assert "linktype" not in body_html
    # A contact block in the body: the inactive person is replaced by the organisation.
    assert data["body"][1]["type"] == "contact"
    assert data["body"][1]["value"]["kind"] == "organisation"
    assert data["body"][1]["value"]["id"] == world.organisation.pk
    assert data["topics"] == [{"id": world.topic.pk, "name": "Trygghet", "slug": "trygghet"}]
    # The inactive person's block falls back to the organisation.
    assert [(c["kind"], c["name"]) for c in data["contacts"]] == [
        ("person", "Aktiv Person"),
        ("organisation", "Hässleholms kommun"),
    ]
    # Only the live promise of a public agreement; the draft and the private one are left out.
    assert [p["title"] for p in data["followed_promises"]] == ["Två trygghetsvandringar"]
    assert data["followed_promises"][0]["status"] == "fulfilled"
    assert_nothing_hidden(response.content.decode())


def test_agreement_page_detail_lists_published_promises(client, world):
    data = client.get(f"/api/v3/pages/{world.agreement.pk}/").json()
    assert data["summary"]["headline"] == "1 av 2 uppfyllda"
    assert sorted(p["title"] for p in data["promises"]) == [
        "Information till föräldrar",
        "Två trygghetsvandringar",
    ]
    assert data["period_start"] == "2021-01-01"


@pytest.mark.parametrize("hidden", ["draft_story", "private_story", "unpublished_agreement"])
def test_hidden_pages_are_not_found_or_listed(client, world, hidden):
    page = world.hidden[hidden]
    assert client.get(f"/api/v3/pages/{page.pk}/").status_code == 404
    listing = client.get("/api/v3/pages/?limit=50")
    assert page.pk not in [item["id"] for item in listing.json()["items"]]


def test_draft_revision_of_a_live_page_does_not_leak(client, world):
    world.story.title = "Utkast till ny rubrik"
    world.story.lead = "Utkast till ny ingress"
    world.story.save_revision()
    response = client.get(f"/api/v3/pages/{world.story.pk}/?version=draft")
    assert response.status_code == 200
    assert "Utkast till ny" not in response.content.decode()
    assert "Utkast till ny" not in client.get("/api/v3/pages/?limit=50").content.decode()


def test_locales_endpoint_is_registered_again(client, world):
    assert client.get("/api/v3/locales/").status_code == 401
    user = get_user_model().objects.create_superuser("admin", "admin@example.org", "pw")
    _token, plaintext = APIToken.create_token(user=user, name="test")
    response = client.get("/api/v3/locales/", HTTP_AUTHORIZATION=f"Bearer {plaintext}")
    assert response.status_code == 200
    assert sorted(item["language_code"] for item in response.json()["items"]) == ["en", "sv"]


def test_docs_page_works_offline(client, world):
    response = client.get("/api/v3/docs/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "/static/ninja/" in html
    assert "cdn." not in html
    assert "https://" not in html


def test_english_story_shows_contacts_and_topics_in_english(client, world, home_en):
    from contacts.factories import ContactPersonFactory
    from news.factories import NewsArticlePageFactory, NewsIndexPageFactory, TopicFactory

    en = home_en.locale
    ContactPersonFactory(
        locale=en,
        translation_key=world.person.translation_key,
        name=world.person.name,
        role_title="Safety coordinator",
        organisation=world.organisation,
    )
    topic_en = TopicFactory(
        locale=en, translation_key=world.topic.translation_key, name="Safety", slug="trygghet"
    )
    index_en = NewsIndexPageFactory(parent=home_en, slug="news")
    story_en = NewsArticlePageFactory(
        parent=index_en,
        title="Almost all promises kept",
        contacts=[("contact", {"person": world.person, "organisation": None})],
    )
    story_en.topics.add(world.topic)
    story_en.save_revision().publish()
    data = client.get(f"/api/v3/pages/{story_en.pk}/").json()
    assert data["contacts"][0]["role_title"] == "Safety coordinator"
    assert data["topics"] == [{"id": topic_en.pk, "name": "Safety", "slug": "trygghet"}]

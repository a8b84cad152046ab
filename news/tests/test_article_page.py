"""The article page: what a resident reads, and what it must never show."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from contacts.factories import ContactPersonFactory, OrganisationFactory
from home.models import SiteSettings
from news.factories import ArticlePromiseFactory, NewsArticlePageFactory, TopicFactory
from news.models import NewsArticlePage
from pagecache.generation import clear_page_cache
from promises.factories import PromiseFactory, PromiseFollowUpFactory
from promises.models import PromiseStatus


def text(response) -> str:
    return BeautifulSoup(response.content, "html.parser").get_text(" ", strip=True)


def contact(person=None, organisation=None) -> tuple:
    return ("contact", {"person": person, "organisation": organisation})


@pytest.mark.django_db
def test_article_renders_its_content_promises_contacts_and_footer(
    client, home, news_index, agreement
):
    organisation = OrganisationFactory(
        name="Hässleholms kommun",
        visiting_address="Stadshuset, Nytorget 1",
        postal_address="281 80 Hässleholm",
        switchboard="0451-26 70 00",
    )
    settings = SiteSettings.for_site(home.get_site())
    settings.organisation = organisation
    settings.save()
    person = ContactPersonFactory(name="Johanna Flogstam", role_title="Samordnare")
    promise = PromiseFactory(
        agreement=agreement, title="Trygghetsvandringar", status=PromiseStatus.FULFILLED
    )
    article = NewsArticlePageFactory(
        parent=news_index,
        title="Nästan alla medborgarlöften är uppfyllda",
        lead="En uppföljning visar det.",
        body=[
            ("heading", {"text": "Utvecklar samarbetet", "level": "h2"}),
            ("quote", {"text": "Väldigt roligt.", "attribution": "Johanna Flogstam", "role": ""}),
            ("promise", promise),
        ],
        contacts=[contact(person=person)],
    )
    ArticlePromiseFactory(page=article, promise=promise)

    response = client.get(article.url)
    page_text = text(response)
    soup = BeautifulSoup(response.content, "html.parser")

    assert response.status_code == 200
    assert soup.h1.get_text() == "Nästan alla medborgarlöften är uppfyllda"
    assert "En uppföljning visar det." in page_text
    assert soup.find("h2", string="Utvecklar samarbetet")
    assert "Väldigt roligt." in soup.blockquote.get_text()
    assert f'href="{promise.get_url()}"' in response.content.decode()
    assert "uppfyllt" in page_text
    assert "Johanna Flogstam" in page_text
    for line in ("Stadshuset, Nytorget 1", "281 80 Hässleholm", "0451-26 70 00"):
        assert line in page_text


@pytest.mark.django_db
def test_published_date_is_shown_and_updated_only_when_changed_later(client, news_index):
    article = NewsArticlePageFactory(parent=news_index)
    first = timezone.make_aware(datetime.datetime(2022, 2, 9, 9, 0))
    NewsArticlePage.objects.filter(pk=article.pk).update(
        first_published_at=first, last_published_at=first
    )
    page_text = text(client.get(article.url))
    assert "Publicerad 9 februari 2022" in page_text
    assert "Uppdaterad" not in page_text

    NewsArticlePage.objects.filter(pk=article.pk).update(
        last_published_at=first + datetime.timedelta(days=3)
    )
    assert "Uppdaterad 12 februari 2022" in text(client.get(article.url))


@pytest.mark.django_db
def test_inactive_contact_on_a_live_page_is_not_rendered(client, news_index):
    person = ContactPersonFactory(name="Tidigare Kontakt")
    article = NewsArticlePageFactory(parent=news_index, contacts=[contact(person=person)])
    assert "Tidigare Kontakt" in text(client.get(article.url))

    person.is_active = False
    person.save()
    page_text = text(client.get(article.url))
    assert "Tidigare Kontakt" not in page_text
    assert "Ingen giltig" not in page_text


@pytest.mark.django_db
def test_deleted_contact_on_a_live_page_leaves_no_placeholder(client, news_index):
    person = ContactPersonFactory(name="Borttagen Person")
    article = NewsArticlePageFactory(parent=news_index, contacts=[contact(person=person)])
    person.delete()
    response = client.get(article.url)
    assert response.status_code == 200
    assert "Borttagen Person" not in text(response)


@pytest.mark.django_db
def test_draft_promise_is_not_listed_on_the_article(client, news_index, agreement):
    draft = PromiseFactory(agreement=agreement, title="Hemligt utkast", live=False)
    article = NewsArticlePageFactory(parent=news_index, body=[("promise", draft)])
    ArticlePromiseFactory(page=article, promise=draft)
    assert "Hemligt utkast" not in text(client.get(article.url))


@pytest.mark.django_db
def test_topics_link_to_the_filtered_index(client, news_index):
    topic = TopicFactory(name="Trygghet", slug="trygghet")
    article = NewsArticlePageFactory(parent=news_index)
    article.topics.add(topic)
    article.save()
    assert f'href="{news_index.url}?topic=trygghet"' in client.get(article.url).content.decode()


def article_with(news_index, agreement, count: int) -> NewsArticlePage:
    """An article with `count` of every kind of block, promise, follow-up, topic and contact."""
    promises = [PromiseFactory(agreement=agreement) for _ in range(count)]
    for promise in promises:
        PromiseFollowUpFactory(promise=promise)
    people = [ContactPersonFactory() for _ in range(count)]
    article = NewsArticlePageFactory(
        parent=news_index,
        body=[("heading", {"text": f"Rubrik {i}", "level": "h2"}) for i in range(count)]
        + [("quote", {"text": "Citat", "attribution": "", "role": ""}) for _ in range(count)]
        + [("promise", p) for p in promises],
        contacts=[contact(person=p) for p in people]
        + [contact(organisation=p.organisation) for p in people],
    )
    for promise in promises:
        ArticlePromiseFactory(page=article, promise=promise)
        article.topics.add(TopicFactory())
    article.save()
    return article


@pytest.mark.django_db
def test_article_queries_do_not_grow_with_blocks_promises_or_contacts(
    news_index, agreement, count_queries
):
    one = count_queries(article_with(news_index, agreement, 1).url)
    twenty = count_queries(article_with(news_index, agreement, 20).url)
    assert twenty == one
    assert one <= 30


@pytest.mark.django_db
@pytest.mark.usefixtures("kept_fragments")
def test_kept_story_html_is_retired_by_any_change_it_shows(client, news_index, agreement):
    person = ContactPersonFactory(name="Anna Andersson")
    promise = PromiseFactory(agreement=agreement, title="Trygghetsvandringar")
    topic = TopicFactory(name="Trygghet")
    article = NewsArticlePageFactory(
        parent=news_index, body=[("promise", promise)], contacts=[contact(person=person)]
    )
    ArticlePromiseFactory(page=article, promise=promise)
    article.topics.add(topic)
    article.save_revision().publish()
    assert "Anna Andersson" in text(client.get(article.url))

    # Things the story only points at: a contact, a promise's status, a topic.
    person.name = "Anna Berg"
    person.save()
    promise.status = PromiseStatus.FULFILLED
    promise.save()
    topic.name = "Säkerhet"
    topic.save()
    response = client.get(article.url)
    assert "Anna Berg" in text(response)
    assert "Anna Andersson" not in text(response)
    assert "uppfyllt" in text(response)
    assert '<meta property="article:tag" content="Säkerhet">' in response.content.decode()


@pytest.mark.django_db
@pytest.mark.usefixtures("kept_fragments")
def test_kept_story_html_never_holds_a_preview_or_an_editors_view(client, admin_client, news_index):
    article = NewsArticlePageFactory(parent=news_index, lead="Publicerad ingress.")
    assert "Publicerad ingress." in text(client.get(article.url))
    data = nested_form_data(
        {
            "title": article.title,
            "slug": article.slug,
            "lead": "Utkast som inte får läcka.",
            "body-count": 0,
            "contacts-count": 0,
            "promise_links": inline_formset([]),
        }
    )
    preview_url = f"/admin/pages/{article.pk}/edit/preview/"
    assert admin_client.post(preview_url, data).json()["is_valid"]
    assert "Utkast som inte får läcka." in text(admin_client.get(preview_url))
    assert "Utkast som inte får läcka." not in text(client.get(article.url))

    # A change that sends no signal: the kept HTML stays (readers), an editor renders afresh.
    NewsArticlePage.objects.filter(pk=article.pk).update(lead="Ändrad utan signal.")
    assert "Ändrad utan signal." not in text(client.get(article.url))
    assert "Ändrad utan signal." in text(admin_client.get(article.url))
    clear_page_cache()
    assert "Ändrad utan signal." in text(client.get(article.url))


@pytest.mark.django_db
@pytest.mark.usefixtures("kept_fragments")
def test_kept_story_runs_six_queries_whatever_its_content(news_index, agreement, count_queries):
    """Wagtail's site, locale, root page and view restrictions (2), and the cache generation.

    The story's body, promises, topics and contacts come from its kept HTML; the site settings,
    language links, menu and footer from their own memos (pagecache memoize).
    """
    SiteSettings.for_site(news_index.get_site())  # made once on a running site
    clear_page_cache()
    one = count_queries(article_with(news_index, agreement, 1).url)
    twenty = count_queries(article_with(news_index, agreement, 20).url)
    assert twenty == one <= 6

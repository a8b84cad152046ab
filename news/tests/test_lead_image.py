"""Lead images: alt text or an explicit decorative choice, responsive renditions, teasers, and
the 1200 px sharing image in OpenGraph, Twitter cards and JSON-LD."""

import datetime
import json

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield
from wagtail_factories import ImageFactory

from home.models import SiteSettings
from news.factories import NewsArticlePageFactory
from news.models import NewsArticlePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def picture():
    return ImageFactory(title="Kvällsvandring", file__width=1600, file__height=900)


def soup_of(client, url: str) -> BeautifulSoup:
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser")


def article_form(picture, **image_fields) -> dict:
    data = {
        "title": "Trygghetsvandring",
        "slug": "trygghetsvandring",
        "lead": "Kommunen och polisen gick.",
        "body": streamfield([("text", rich_text("<p>Text.</p>"))]),
        "contacts": streamfield([]),
        "promise_links": inline_formset([]),
        "lead_image": picture.pk,
        **image_fields,
    }
    return {**nested_form_data(data), "action-publish": "action-publish"}


def test_lead_image_needs_alt_text_unless_marked_decorative(editor_client, news_index, picture):
    url = reverse("wagtailadmin_pages:add", args=("news", "newsarticlepage", news_index.pk))

    response = editor_client.post(url, article_form(picture, lead_image_alt="  "))
    assert response.status_code == 200
    assert "lead_image_alt" in response.context["form"].errors
    assert not NewsArticlePage.objects.filter(slug="trygghetsvandring").exists()

    response = editor_client.post(url, article_form(picture, lead_image_decorative="on"))
    assert response.status_code == 302, response.context["form"].errors
    article = NewsArticlePage.objects.get(slug="trygghetsvandring")
    assert article.lead_image == picture and article.lead_image_alt_text == ""


def test_story_shows_a_responsive_picture_with_alt_caption_and_credit(client, news_index, picture):
    article = NewsArticlePageFactory(
        parent=news_index,
        lead_image=picture,
        lead_image_alt="Fem personer i gula västar på en gata en kväll.",
        lead_image_caption="Vandringen gick genom centrum.",
        lead_image_credit="Kommunen",
    )
    figure = soup_of(client, article.url).find("figure", class_="lead-image")
    sources = figure.find_all("source")
    assert [s["type"] for s in sources] == ["image/webp"]
    assert len(sources[0]["srcset"].split(",")) == 3  # 480, 800 and 1200 px wide
    img = figure.find("img")
    assert img["alt"] == "Fem personer i gula västar på en gata en kväll."
    assert img["width"] and img["height"]  # the space is kept before the image loads
    assert img["src"].endswith(".jpg") and "sizes" in img.attrs
    assert "Vandringen gick genom centrum." in figure.figcaption.text
    assert "Kommunen" in figure.figcaption.text


def test_decorative_lead_image_has_empty_alt(client, news_index, picture):
    article = NewsArticlePageFactory(
        parent=news_index, lead_image=picture, lead_image_alt="ignored", lead_image_decorative=True
    )
    img = soup_of(client, article.url).select_one("figure.lead-image img")
    assert img["alt"] == ""


def test_teasers_show_the_picture_on_the_index_and_the_home_page(client, home, news_index, picture):
    NewsArticlePageFactory(
        parent=news_index, title="Med bild", lead_image=picture, lead_image_alt="x"
    )
    NewsArticlePageFactory(parent=news_index, title="Utan bild")
    for url in (news_index.url, home.url):
        teasers = soup_of(client, url).select("article.teaser")
        by_title = {t.find(class_="teaser__title").get_text(strip=True): t for t in teasers}
        image = by_title["Med bild"].select_one(".teaser__image img")
        assert image["alt"] == ""  # the headline beside it says what the story is
        assert image["loading"] == "lazy" and image["width"] and image["height"]
        assert by_title["Utan bild"].select_one(".teaser__image") is None


def test_news_index_queries_do_not_grow_with_illustrated_stories(
    news_index, count_queries, picture
):
    def add(count: int) -> None:
        for _ in range(count):
            NewsArticlePageFactory(parent=news_index, lead_image=picture, lead_image_alt="Bild")

    add(1)
    one = count_queries(news_index.url)
    add(9)
    assert count_queries(news_index.url) == one


def test_sharing_image_is_1200_px_in_opengraph_twitter_and_json_ld(client, news_index, picture):
    article = NewsArticlePageFactory(
        parent=news_index,
        lead_image=picture,
        lead_image_alt="Fem personer på en gata.",
        first_published_at=datetime.datetime(2026, 5, 20, 9, tzinfo=datetime.UTC),
    )
    soup = soup_of(client, article.url)
    meta = {
        m.get("property") or m.get("name"): m["content"]
        for m in soup.find_all("meta", content=True)
    }
    assert meta["og:image"].startswith("http://testserver/")
    assert (meta["og:image:width"], meta["og:image:height"]) == ("1200", "630")
    assert meta["og:image:alt"] == "Fem personer på en gata."
    assert meta["twitter:card"] == "summary_large_image"
    assert meta["article:published_time"] == "2026-05-20T11:00:00+02:00"
    (data,) = [json.loads(s.string) for s in soup.find_all("script", type="application/ld+json")]
    assert data["@type"] == "NewsArticle"
    assert data["image"] == [meta["og:image"]]


def test_pages_without_a_lead_image_share_the_site_default(client, home, news_index, picture):
    settings = SiteSettings.for_site(home.get_site())
    settings.share_image, settings.share_image_alt = picture, "Hässleholm en kväll."
    settings.save()
    article = NewsArticlePageFactory(parent=news_index)
    soup = soup_of(client, article.url)
    assert soup.find("meta", property="og:image:alt")["content"] == "Hässleholm en kväll."
    assert soup.find("meta", property="og:image:width")["content"] == "1200"


def test_without_any_image_there_is_no_sharing_image_and_a_small_card(client, news_index):
    soup = soup_of(client, NewsArticlePageFactory(parent=news_index).url)
    assert soup.find("meta", property="og:image") is None
    assert soup.find("meta", attrs={"name": "twitter:card"})["content"] == "summary"

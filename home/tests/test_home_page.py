import datetime

import pytest
from django.utils import timezone

from news.factories import NewsArticlePageFactory
from news.models import NewsArticlePage
from promises.factories import PromisePageFactory


@pytest.mark.django_db
def test_home_shows_latest_news_and_current_agreements(client, home, news_index):
    for i in range(7):
        article = NewsArticlePageFactory(parent=news_index, title=f"Nyhet {i}")
        moment = timezone.make_aware(datetime.datetime(2022, 1, 1 + i))
        NewsArticlePage.objects.filter(pk=article.pk).update(first_published_at=moment)
    NewsArticlePageFactory(parent=news_index, title="Opublicerad", live=False)
    PromisePageFactory(
        parent=home,
        title="Medborgarlöften 2022",
        period_start=datetime.date(2022, 1, 1),
        period_end=datetime.date(2022, 12, 31),
    )
    PromisePageFactory(parent=home, title="Medborgarlöften 2021")

    response = client.get(home.url)

    assert response.status_code == 200
    assert [a.title for a in response.context["latest_news"]] == [
        "Nyhet 6",
        "Nyhet 5",
        "Nyhet 4",
        "Nyhet 3",
        "Nyhet 2",
    ]
    # The newest agreement is shown at a glance; the others are listed after the news.
    assert response.context["current_agreement"].title == "Medborgarlöften 2022"
    assert [p.title for p in response.context["agreements"]] == ["Medborgarlöften 2021"]
    assert "Opublicerad" not in response.content.decode()


@pytest.mark.django_db
def test_root_redirects_to_the_default_language(client, home):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/sv/"


@pytest.mark.django_db
def test_english_home_is_served_under_en(client, home_en):
    response = client.get("/en/")
    assert response.status_code == 200
    assert response.context["page"] == home_en
    assert '<html lang="en"' in response.content.decode()


@pytest.mark.django_db
def test_locales_exist_from_the_first_migration(locales):
    assert [locale.language_code for locale in locales] == ["sv", "en"]

"""generate_content: a valid page tree, pages that render, searchable, repeatable with a seed."""

import pytest
from django.core.management import call_command
from wagtail.models import Page

from news.models import NewsArticlePage
from promises.models import Promise, PromiseFollowUp, PromisePage

pytestmark = pytest.mark.django_db

SMALL = ["--articles", "40", "--agreements", "2", "--promises-per-agreement", "5"]


def generate(*extra: str) -> None:
    call_command("generate_content", *SMALL, *extra, "--translated-share", "0.5")


def generated_titles() -> list[str]:
    return list(
        NewsArticlePage.objects.filter(slug__startswith="gen-")
        .order_by("path")
        .values_list("title", flat=True)
    )


def test_generates_a_valid_tree_of_pages_that_render(client, home, home_en):
    generate()
    articles = NewsArticlePage.objects.filter(slug__startswith="gen-")
    assert articles.filter(locale__language_code="sv").count() == 40
    assert articles.filter(locale__language_code="en").count() == 20
    assert Promise.objects.filter(
        agreement__slug__startswith="medborgarloften-omrade-"
    ).count() == (
        2 * 5 + 5  # one of the two agreements is translated
    )
    assert PromiseFollowUp.objects.exists()
    # treebeard's own consistency check: paths, depth and numchild are right.
    assert Page.find_problems() == ([], [], [], [], [])
    for article in articles.order_by("?")[:8]:
        assert article.live_revision_id is not None
        assert client.get(article.url).status_code == 200, article.url
    for agreement in PromisePage.objects.filter(slug__startswith="medborgarloften-omrade-"):
        assert client.get(agreement.url).status_code == 200
    assert client.get("/sv/nyheter/?page=3").status_code == 200
    # A page added the normal way after the bulk insert lands in the right place.
    index = articles.first().get_parent()
    index.add_child(instance=NewsArticlePage(title="Efteråt", slug="efterat", lead="x", body=[]))
    assert Page.find_problems() == ([], [], [], [], [])


def test_second_run_changes_nothing_and_the_seed_repeats(home, home_en):
    generate("--seed", "7")
    titles = generated_titles()
    generate("--seed", "7")
    assert generated_titles() == titles  # nothing added
    NewsArticlePage.objects.filter(slug__startswith="gen-").delete()
    generate("--seed", "7", "--force")
    assert generated_titles() == titles


def test_generated_content_is_searchable_with_swedish_stemming(home, home_en):
    generate()
    # The generated text says "trygghetsvandringar"; the stemmer finds it from another form.
    results = NewsArticlePage.objects.live().search("trygghetsvandringarna")
    assert len(results) > 0


def test_second_run_rebuilds_a_missing_search_index(home, home_en):
    from wagtail.search.models import IndexEntry

    generate()
    IndexEntry.objects.all().delete()  # as if the first run stopped before indexing
    assert not NewsArticlePage.objects.live().search("trygghetsvandringarna")
    generate()
    assert NewsArticlePage.objects.live().search("trygghetsvandringarna")

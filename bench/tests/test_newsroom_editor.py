"""The newsroom benchmark's editor publishes as the admin does, and says what it published."""

import json
from io import StringIO

from django.core.management import call_command

from news.factories import NewsArticlePageFactory
from news.models import NewsArticlePage


def test_the_editor_publishes_a_new_story_then_updates_the_newest(news_index):
    NewsArticlePageFactory(parent=news_index, slug="aldre", title="Äldre nyhet")
    out = StringIO()
    call_command("newsroom_editor", interval=0, duration=60, count=2, stdout=out)
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    assert len(records) == 2
    for record in records:
        page = NewsArticlePage.objects.get(pk=record["id"])
        assert page.live and record["marker"] in page.title
        assert page.url == record["path"]
        assert page.revisions.count() >= 1  # published through a revision, as the admin does
    assert records[0]["id"] != records[1]["id"]
    assert NewsArticlePage.objects.get(slug="aldre").title.endswith(records[1]["marker"])

"""How a story shows its topics in the pages API (`api_fields`)."""

from typing import Any

from ninja import Schema

from core.api import WholeObjectField
from core.localization import localize


class TopicOut(Schema):
    id: int
    name: str
    slug: str


class TopicsField(WholeObjectField):
    """The article's topics in the article's language."""

    def to_representation(self, page: Any) -> list[TopicOut]:
        topics = localize(list(page.topics.all()), page.locale)
        return [TopicOut(id=t.pk, name=t.name, slug=t.slug) for t in topics]

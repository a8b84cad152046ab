import factory
import wagtail_factories
from factory.django import DjangoModelFactory

from .models import ArticlePromise, NewsArticlePage, NewsIndexPage, Topic


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    title = "Nyheter"
    slug = "nyheter"

    class Meta:
        model = NewsIndexPage


class NewsArticlePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Nyhet {n}")
    lead = "Ingress om trygghet."
    body = factory.LazyFunction(lambda: [("text", "<p>Brödtext.</p>")])

    class Meta:
        model = NewsArticlePage


class TopicFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Ämne {n}")
    slug = factory.Sequence(lambda n: f"amne-{n}")

    class Meta:
        model = Topic


class ArticlePromiseFactory(DjangoModelFactory):
    class Meta:
        model = ArticlePromise

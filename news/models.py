"""News: the index of stories and the stories themselves, which can follow up promises."""

from django import forms
from django.core.paginator import Paginator
from django.db import models
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from contacts.schemas import ContactsField
from core.images import LeadImageMixin, with_images
from core.localization import localize
from core.public_url import PublicURLPageMixin
from core.review import ReviewByMixin
from promises.models import Promise, stories_cache_tag
from promises.schemas import PromiseLinksField

from .blocks import BodyBlock, ContactsBlock
from .schemas import TopicsField

NEWS_PER_PAGE = 10


class Topic(TranslatableMixin, models.Model):
    """A subject residents can filter news by. The slug is shared by every language."""

    name = models.CharField(_("namn"), max_length=100)
    slug = models.SlugField(_("adressnamn"), max_length=100)

    panels = [FieldPanel("name"), FieldPanel("slug")]
    translatable_fields = [TranslatableField("name"), SynchronizedField("slug")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("ämne")
        verbose_name_plural = _("ämnen")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["locale", "slug"], name="unique_topic_slug_per_locale")
        ]

    def __str__(self) -> str:
        return self.name


class NewsFilterForm(forms.Form):
    """Validates the index's query string; anything invalid is ignored rather than an error."""

    topic = forms.SlugField(required=False)
    year = forms.IntegerField(required=False, min_value=1900, max_value=2999)


class NewsIndexPage(PublicURLPageMixin, ReviewByMixin, Page):
    lead = models.TextField(_("ingress"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("lead")]
    settings_panels = Page.settings_panels + ReviewByMixin.review_panels
    api_fields = [APIField("lead")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["news.NewsArticlePage"]
    max_count_per_parent = 1
    lists_other_pages = True  # a CDN purges it after any change (pagecache/cdn.py)

    class Meta:
        verbose_name = _("nyhetsarkiv")

    def route(self, request, path_components):
        """A story in one query instead of Wagtail's two (the page, then its type): every
        child of the index is a story. Anything else is left to Wagtail."""
        if len(path_components) == 1:
            # With what every render reads: the language, and the image for sharing links.
            stories = NewsArticlePage.objects.child_of(self).select_related("locale", "lead_image")
            story = stories.filter(slug=path_components[0]).first()
            if story is not None:
                return story.route(request, [])
        return super().route(request, path_components)

    def articles(self):
        return (
            NewsArticlePage.objects.live()
            .public()
            .child_of(self)
            .defer_streamfields()
            .order_by("-first_published_at", "-pk")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        articles = self.articles()
        form = NewsFilterForm(request.GET)
        topic = year = None
        if form.is_valid():
            topic, year = form.cleaned_data["topic"], form.cleaned_data["year"]
        if topic:
            articles = articles.filter(topics__slug=topic).distinct()
        if year:
            articles = articles.filter(first_published_at__year=year)
        # get_page() turns ?page=abc into page 1 and ?page=999 into the last page.
        page_obj = Paginator(with_images(articles), NEWS_PER_PAGE).get_page(request.GET.get("page"))
        context.update(
            articles=page_obj,
            topics=Topic.objects.filter(locale_id=self.locale_id),
            years=[
                d.year for d in self.articles().dates("first_published_at", "year", order="DESC")
            ],
            selected_topic=topic,
            selected_year=year,
            # Keeps the filters on the pagination links.
            filter_query="".join(
                f"{key}={value}&" for key, value in (("topic", topic), ("year", year)) if value
            ),
        )
        return context


class NewsArticlePageForm(WagtailAdminPageForm):
    """Topics in the page's own language: a Swedish story is never offered English topics.

    A translated page may still hold the original's topics (wagtail-localize copies them): they
    show, and are saved, as their translations.
    """

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if "topics" not in self.fields or self.instance.locale_id is None:
            return
        locale = self.instance.locale
        self.fields["topics"].queryset = Topic.objects.filter(locale=locale)
        if self.instance.pk and not self.is_bound:
            chosen = localize(list(self.instance.topics.all()), locale)
            self.initial["topics"] = [t.pk for t in chosen if t.locale_id == locale.pk]


class NewsArticlePage(PublicURLPageMixin, LeadImageMixin, ReviewByMixin, Page):
    lead = models.TextField(
        _("ingress"), help_text=_("Sammanfattning som visas först och i listor.")
    )
    body = StreamField(BodyBlock(), verbose_name=_("brödtext"))
    topics = ParentalManyToManyField(Topic, blank=True, verbose_name=_("ämnen"))
    contacts = StreamField(
        ContactsBlock(),
        blank=True,
        verbose_name=_("kontakter"),
        help_text=_("Vem läsaren kan vända sig till med frågor."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("lead"),
        *LeadImageMixin.lead_image_panels,
        FieldPanel("body"),
        MultiFieldPanel(
            [
                InlinePanel("promise_links", label=_("Löfte som följs upp")),
            ],
            heading=_("Medborgarlöften som artikeln följer upp"),
        ),
        FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
        FieldPanel("contacts"),
    ]
    settings_panels = Page.settings_panels + ReviewByMixin.review_panels
    search_fields = Page.search_fields + [
        index.SearchField("lead", boost=2),
        index.SearchField("body"),
        index.FilterField("locale_id"),
    ]
    api_fields = [
        APIField("lead"),
        APIField("body"),
        APIField("last_published_at"),
        APIField("topics", serializer=TopicsField()),
        APIField("contacts", serializer=ContactsField()),
        APIField("followed_promises", serializer=PromiseLinksField("followed_promises")),
    ]

    parent_page_types = ["news.NewsIndexPage"]
    subpage_types: list[str] = []
    base_form_class = NewsArticlePageForm

    class Meta:
        verbose_name = _("nyhetsartikel")

    @property
    def was_updated(self) -> bool:
        """Show "Uppdaterad" only when a later publish changed the page on another day."""
        first, last = self.first_published_at, self.last_published_at
        return bool(first and last and last.date() > first.date())

    def followed_promises(self) -> list[Promise]:
        """The public promises this story follows up, in the story's language."""
        # promise_links.all() also holds unsaved links, so previews show them too.
        ids = [link.promise_id for link in self.promise_links.all()]
        if not ids:
            return []  # most stories: no query for the visibility check
        queryset = Promise.objects.select_related("agreement")
        promises = sorted(queryset.filter(pk__in=ids), key=lambda p: ids.index(p.pk))
        public = set(
            Promise.objects.public()
            .filter(translation_key__in=[p.translation_key for p in promises])
            .values_list("pk", flat=True)
        )
        return [p for p in localize(promises, self.locale, queryset) if p.pk in public]

    def cache_tags(self) -> list[str]:
        """For the page cache: a change shows on the pages of the promises it follows up."""
        keys = Promise.objects.filter(article_links__page=self).values_list("translation_key")
        return [stories_cache_tag(key) for (key,) in keys]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Read only when the template renders them: a kept fragment of the story needs neither.
        context["promises"] = SimpleLazyObject(self.followed_promises)
        context["topic_list"] = SimpleLazyObject(
            lambda: localize(list(self.topics.all()), self.locale)
        )
        return context


class ArticlePromise(Orderable):
    """Links a story to a promise it reports on; the promise page lists the story automatically."""

    page = ParentalKey(NewsArticlePage, on_delete=models.CASCADE, related_name="promise_links")
    promise = models.ForeignKey(
        "promises.Promise",
        verbose_name=_("löfte"),
        on_delete=models.CASCADE,
        related_name="article_links",
    )

    panels = [FieldPanel("promise")]

    class Meta(Orderable.Meta):
        verbose_name = _("uppföljt löfte")

    def cache_tags(self) -> list[str]:
        """For the page cache: a link added or removed changes its promise's list of stories."""
        keys = Promise.objects.filter(pk=self.promise_id).values_list("translation_key")
        return [stories_cache_tag(key) for (key,) in keys]

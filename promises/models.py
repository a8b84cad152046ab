"""Medborgarlöften: yearly promises made by the kommun and the police, and their follow-ups."""

import datetime
from collections import Counter, defaultdict
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, Window
from django.db.models.functions import RowNumber
from django.http import Http404
from django.utils import timezone, translation
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail import blocks
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    PublishingPanel,
)
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import (
    DraftStateMixin,
    Orderable,
    Page,
    RevisionMixin,
    TranslatableMixin,
)
from wagtail.query import PageQuerySet
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.facts import FactsAdminForm
from core.images import LeadImageMixin
from core.localization import SpecificPageForeignKey, choice_labels, default_locale, label_in
from core.public_url import PublicURLPageMixin
from core.review import ReviewByMixin

from .schemas import AgreementSummaryField, PromiseLinksField


class PromiseStatus(models.TextChoices):
    NOT_FOLLOWED_UP = "not_followed_up", _("ej uppföljt")
    PLANNED = "planned", _("planerat")
    IN_PROGRESS = "in_progress", _("pågår")
    FULFILLED = "fulfilled", _("uppfyllt")
    PARTLY_FULFILLED = "partly_fulfilled", _("delvis uppfyllt")
    NOT_FULFILLED = "not_fulfilled", _("ej uppfyllt")
    CANCELLED = "cancelled", _("inställt")
    POSTPONED = "postponed", _("framflyttat")


class PromiseParty(models.TextChoices):
    MUNICIPALITY = "municipality", _("Kommunen")
    POLICE = "police", _("Polisen")
    BOTH = "both", _("Kommunen och polisen")
    PARTNERS = "partners", _("Kommunen, polisen och partner")


RICH_TEXT_FEATURES = ["bold", "italic", "link", "ul", "ol"]


class EvidenceLinkBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Rubrik"))
    url = blocks.URLBlock(label=_("Adress"))

    class Meta:
        icon = "link"
        label = _("Länk")


def public_agreements() -> PageQuerySet:
    """Agreements anyone may read: published and not behind a view restriction."""
    return PromisePage.objects.live().public()


def current_agreement(agreements: list["PromisePage"]) -> "PromisePage | None":
    """The agreement residents ask about first: the newest in force today, else the newest."""
    today = timezone.localdate()
    newest_first = sorted(agreements, key=lambda a: (a.period_start, a.pk), reverse=True)
    in_force = [a for a in newest_first if a.period_start <= today <= a.period_end]
    return (in_force or newest_first or [None])[0]


class PromiseQuerySet(models.QuerySet):
    def live(self) -> "PromiseQuerySet":
        return self.filter(live=True)

    def public(self) -> "PromiseQuerySet":
        """Published promises of public agreements: what may leave the site on any channel.

        The row is the published version; drafts are revisions, so reading rows never shows one.
        """
        return self.live().filter(agreement__in=public_agreements())

    def with_last_follow_up(self) -> "PromiseQuerySet":
        """Annotates `last_follow_up`, the date of the newest follow-up (for ordering by it).

        A subquery rather than Max() over a join: grouping by every selected column made
        PostgreSQL plan the API's list for longer than it took to run it.
        """
        newest = PromiseFollowUp.objects.filter(promise=models.OuterRef("pk")).order_by("-date")
        return self.annotate(last_follow_up=models.Subquery(newest.values("date")[:1]))

    def due_for_review(self, today: datetime.date) -> "PromiseQuerySet":
        """Originals (translations follow them) whose review-by date has come."""
        return self.filter(locale=default_locale(), review_by__lte=today)

    def unreported(self, today: datetime.date) -> "PromiseQuerySet":
        """Live originals of agreements whose period has ended, with no follow-up or status."""
        return (
            self.live()
            .filter(locale=default_locale(), agreement__period_end__lt=today)
            .filter(
                models.Q(follow_ups__isnull=True) | models.Q(status=PromiseStatus.NOT_FOLLOWED_UP)
            )
            .distinct()
        )

    def for_agreement(self, page: Page) -> "PromiseQuerySet":
        """The live promises of an agreement, in that page's language, follow-ups prefetched."""
        return (
            self.live()
            .filter(agreement=page, locale_id=page.locale_id)
            .prefetch_related("follow_ups")
            .order_by("focus_area", "sort_order", "pk")
        )


# What a promise is in every language: changed in the Swedish original, copied to translations.
FACTS = ("agreement", "continues", "slug", "party", "status", "sort_order", "review_by")


class Promise(
    TranslatableMixin,
    DraftStateMixin,
    RevisionMixin,
    ReviewByMixin,
    index.Indexed,
    ClusterableModel,
):
    """One promise of an agreement. The row holds the published version; drafts live in revisions."""

    agreement = SpecificPageForeignKey(
        "promises.PromisePage",
        verbose_name=_("överenskommelse"),
        null=True,
        blank=False,
        on_delete=models.SET_NULL,
        related_name="promises",
    )
    title = models.CharField(_("löfte"), max_length=255)
    slug = models.SlugField(
        _("adressnamn"),
        max_length=100,
        allow_unicode=False,
        help_text=_("Del av löftets permanenta adress, t.ex. trygghetsvandringar."),
    )
    focus_area = models.CharField(_("fokusområde"), max_length=255)
    party = models.CharField(
        _("vem lovar"), max_length=20, choices=PromiseParty.choices, default=PromiseParty.BOTH
    )
    partners = models.CharField(
        _("partner"),
        max_length=255,
        blank=True,
        help_text=_("Övriga parter, t.ex. föreningar eller företag."),
    )
    description = RichTextField(_("beskrivning"), features=RICH_TEXT_FEATURES, blank=True)
    target = models.CharField(
        _("mätbart mål"), max_length=255, blank=True, help_text=_("T.ex. 2 trygghetsvandringar")
    )
    outcome = models.TextField(_("utfall"), blank=True)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=PromiseStatus.choices,
        default=PromiseStatus.NOT_FOLLOWED_UP,
    )
    status_reason = models.TextField(_("skäl till status"), blank=True)
    continues = models.ForeignKey(
        "self",
        verbose_name=_("fortsätter löftet"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="continued_by",
        help_text=_("Ett löfte från en tidigare period som detta löfte för vidare."),
    )
    sort_order = models.PositiveSmallIntegerField(_("ordning"), default=0)

    objects = PromiseQuerySet.as_manager()

    panels = [
        FieldPanel("agreement"),
        FieldPanel("title"),
        FieldPanel("slug"),
        FieldRowPanel([FieldPanel("focus_area"), FieldPanel("sort_order")]),
        FieldRowPanel([FieldPanel("party"), FieldPanel("partners")]),
        FieldPanel("description"),
        FieldPanel("target"),
        MultiFieldPanel(
            [FieldPanel("status"), FieldPanel("status_reason"), FieldPanel("outcome")],
            heading=_("Status och utfall"),
        ),
        FieldPanel("continues"),
        InlinePanel("follow_ups", heading=_("Uppföljningar"), label=_("Uppföljning")),
        *ReviewByMixin.review_panels,
        PublishingPanel(),  # go-live and expiry, done by `manage.py run_worker`
    ]
    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("focus_area"),
        TranslatableField("partners"),
        TranslatableField("description"),
        TranslatableField("target"),
        TranslatableField("outcome"),
        TranslatableField("status_reason"),
        TranslatableField("follow_ups"),
        # Facts: copied, never translated (core/facts.py keeps them in step). References stay
        # out of wagtail-localize's related objects, so translating a promise never writes to
        # its agreement page or to the promise it continues.
        *(SynchronizedField(name, overridable=False) for name in FACTS),
    ]
    fact_fields = FACTS
    base_form_class = FactsAdminForm
    search_fields = [
        index.SearchField("title", boost=2),
        index.SearchField("description"),
        index.SearchField("focus_area"),
        index.SearchField("target"),
        index.SearchField("outcome"),
        index.SearchField("status_reason"),
        index.AutocompleteField("title"),
        index.FilterField("live"),
        index.FilterField("status"),
        index.FilterField("locale_id"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("medborgarlöfte")
        verbose_name_plural = _("medborgarlöften")
        ordering = ["focus_area", "sort_order", "pk"]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        super().clean()
        if self.agreement_id and self.slug:
            clash = Promise.objects.filter(
                agreement_id=self.agreement_id, locale_id=self.locale_id, slug=self.slug
            ).exclude(pk=self.pk)
            if clash.exists():
                raise ValidationError(
                    {
                        "slug": _(
                            "Ett annat löfte i samma överenskommelse har redan detta adressnamn."
                        )
                    }
                )
        if self.continues_id and self.continues_id == self.pk:
            raise ValidationError({"continues": _("Ett löfte kan inte fortsätta sig självt.")})

    @property
    def admin_label(self) -> str:
        """The admin's name for a promise, whose title may repeat year after year."""
        if self.agreement is None:
            return f"{self.title} ({self.get_status_display()})"
        return f"{self.title} ({self.agreement.title}, {self.get_status_display()})"

    def get_url(self, request=None) -> str | None:
        """The promise's permalink: its slug under the agreement page."""
        if self.agreement is None:
            return None
        return PromisePage.permalink(self.agreement.get_url(request), self.slug)

    def get_full_url(self, request=None) -> str | None:
        if self.agreement is None:
            return None
        return PromisePage.permalink(self.agreement.get_full_url(request), self.slug)

    def status_label_in(self, language: str) -> str:
        return choice_labels(PromiseStatus, language).get(self.status, self.status)

    def party_label_in(self, language: str) -> str:
        return choice_labels(PromiseParty, language).get(self.party, self.party)

    @property
    def latest_follow_up(self) -> "PromiseFollowUp | None":
        """The newest follow-up (follow-ups are ordered by date): prefetch `follow_ups` in lists."""
        follow_ups = list(self.follow_ups.all())
        return follow_ups[-1] if follow_ups else None

    def stories(self, limit: int | None = None) -> list[Page]:
        """Live, public news stories that follow this promise up, newest first."""
        return stories_following([self], self.locale_id, limit).get(self.translation_key, [])

    def get_cache_purge_urls(self) -> set[str]:
        """Its permalink in every language, for a CDN purge (see pagecache/cdn.py)."""
        translations = Promise.objects.filter(translation_key=self.translation_key)
        return {url for t in translations.select_related("agreement") if (url := t.get_full_url())}

    def get_cache_purge_pages(self) -> list[Page]:
        keys = [self.translation_key]
        return list(
            Page.objects.live()
            .filter(newsarticlepage__promise_links__promise__translation_key__in=keys)
            .specific()
        )

    @property
    def is_fulfilled(self) -> bool:
        return self.status == PromiseStatus.FULFILLED


class PromiseFollowUp(TranslatableMixin, Orderable):
    """A dated check of a promise: what was done, and the status it reached."""

    promise = ParentalKey(Promise, on_delete=models.CASCADE, related_name="follow_ups")
    date = models.DateField(_("datum"))
    status = models.CharField(_("status"), max_length=20, choices=PromiseStatus.choices)
    note = models.TextField(_("anteckning"))
    evidence = StreamField([("link", EvidenceLinkBlock())], blank=True, verbose_name=_("underlag"))

    panels = [
        FieldRowPanel([FieldPanel("date"), FieldPanel("status")]),
        FieldPanel("note"),
        FieldPanel("evidence"),
    ]
    translatable_fields = [
        TranslatableField("note"),
        TranslatableField("evidence"),
        SynchronizedField("date", overridable=False),
        SynchronizedField("status", overridable=False),
    ]
    fact_fields = ("date", "status")

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("uppföljning")
        verbose_name_plural = _("uppföljningar")
        ordering = ["date", "sort_order"]

    def status_label_in(self, language: str) -> str:
        return choice_labels(PromiseStatus, language).get(self.status, self.status)


STORIES_PER_PROMISE = 3


def stories_cache_tag(translation_key) -> str:
    """The page cache's tag for the stories following a promise (pagecache/tags.py): the
    agreement page lists it, and a story that follows the promise up bumps it."""
    return f"promise-stories:{translation_key}"


def stories_following(
    promises: list[Promise], locale_id: int, limit: int | None = None
) -> dict[str, list[Page]]:
    """Live, public news stories per promise translation_key, newest first, in one language.

    One query for all promises; stories in another language that link the Swedish promise are
    matched through the shared translation_key. With `limit`, only the newest `limit` stories of
    each promise are fetched. Each story carries `lead` and `story_total` (its promise's count).
    Read through `Page` so that promises need not import the news app that links to them.
    """
    key = models.F("newsarticlepage__promise_links__promise__translation_key")
    stories = (
        Page.objects.live()
        .public()
        .filter(
            locale_id=locale_id,
            newsarticlepage__promise_links__promise__translation_key__in=[
                p.translation_key for p in promises
            ],
        )
        .annotate(
            promise_key=key,
            lead=models.F("newsarticlepage__lead"),
            story_total=Window(Count("pk"), partition_by=key),
            story_rank=Window(
                RowNumber(),
                partition_by=key,
                order_by=[models.F("first_published_at").desc(), models.F("pk").desc()],
            ),
        )
        .order_by("-first_published_at", "-pk")
    )
    if limit is not None:
        stories = stories.filter(story_rank__lte=limit)
    # Specific pages (one more query), so that their URLs follow core.public_url; the
    # annotations are kept.
    stories = stories.specific(defer=True)
    grouped: dict[str, list[Page]] = defaultdict(list)
    for story in stories:
        grouped[story.promise_key].append(story)
    return grouped


@dataclass
class PromiseEntry:
    """A promise as the agreement page shows it: with (some of) the stories that follow it up."""

    promise: Promise
    stories: list[Page]

    @property
    def story_total(self) -> int:
        return self.stories[0].story_total if self.stories else 0


class StatusSummary:
    """Counts of promises per status, in the fixed order of PromiseStatus: the one place that
    counts them, for the page, the chart, the API, the export and the embed."""

    def __init__(self, promises: list[Promise], language: str | None = None) -> None:
        counts = Counter(p.status for p in promises)
        self.language = language or translation.get_language()
        self.total = len(promises)
        self.fulfilled = counts[PromiseStatus.FULFILLED]
        self.rows = [
            {
                "status": status,
                "label": label_in(label, self.language),
                "count": counts[status],
                "percent": round(100 * counts[status] / self.total) if self.total else 0,
                "share": 100 * counts[status] / self.total if self.total else 0,
            }
            for status, label in PromiseStatus.choices
            if counts[status]
        ]
        # Where each status starts on a bar of all promises (the home page's stacked bar).
        offset = 0.0
        for row in self.rows:
            row["offset"] = offset
            offset += row["share"]

    @property
    def headline(self) -> str:
        with translation.override(self.language):
            return ngettext(
                "%(fulfilled)s av %(total)s uppfyllt",
                "%(fulfilled)s av %(total)s uppfyllda",
                self.total,
            ) % {"fulfilled": self.fulfilled, "total": self.total}

    def as_dict(self) -> dict:
        return {
            "total": self.total,
            "fulfilled": self.fulfilled,
            "headline": self.headline,
            "by_status": [
                {"status": r["status"], "label": r["label"], "count": r["count"]} for r in self.rows
            ],
        }


class PromisePage(PublicURLPageMixin, LeadImageMixin, RoutablePageMixin, ReviewByMixin, Page):
    """One agreement (e.g. "Medborgarlöften 2021"): its promises, their status and the news about them."""

    lead = models.TextField(_("ingress"), blank=True)
    period_start = models.DateField(_("gäller från"))
    period_end = models.DateField(_("gäller till"))
    parties = models.CharField(
        _("parter"), max_length=255, help_text=_("T.ex. Hässleholms kommun och Polisen")
    )
    problem_picture = RichTextField(
        _("lägesbild"),
        blank=True,
        features=["h2", "h3", *RICH_TEXT_FEATURES],
        help_text=_("Den gemensamma lägesbild som löftena bygger på."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("lead"),
        *LeadImageMixin.lead_image_panels,
        FieldRowPanel([FieldPanel("period_start"), FieldPanel("period_end")]),
        FieldPanel("parties"),
        FieldPanel("problem_picture"),
    ]
    settings_panels = Page.settings_panels + ReviewByMixin.review_panels
    search_fields = Page.search_fields + [
        index.SearchField("lead"),
        index.SearchField("problem_picture"),
        index.SearchField("parties"),
    ]
    api_fields = [
        APIField("lead"),
        APIField("period_start"),
        APIField("period_end"),
        APIField("parties"),
        APIField("problem_picture"),
        APIField("summary", serializer=AgreementSummaryField()),
        APIField("promises", serializer=PromiseLinksField("live_promises")),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types: list[str] = []
    lists_other_pages = True  # a CDN purges it after any change (pagecache/cdn.py)

    class Meta:
        verbose_name = _("medborgarlöftessida")

    @staticmethod
    def permalink_suffix(slug: str) -> str:
        """What a promise's permalink adds to its agreement's URL (served by `promise_detail`)."""
        return f"{slug}/"

    @classmethod
    def permalink(cls, agreement_url: str | None, slug: str) -> str | None:
        """A promise's permanent address under its agreement page."""
        return agreement_url + cls.permalink_suffix(slug) if agreement_url else None

    def clean(self) -> None:
        super().clean()
        if self.period_start and self.period_end and self.period_end < self.period_start:
            raise ValidationError({"period_end": _("Slutdatum kan inte ligga före startdatum.")})

    @property
    def year_label(self) -> str:
        start, end = self.period_start.year, self.period_end.year
        return str(start) if start == end else f"{start}–{end}"

    @cached_property
    def live_promises(self) -> list[Promise]:
        promises = list(Promise.objects.for_agreement(self))
        for promise in promises:
            promise.agreement = self  # permalinks need the page; don't fetch it again
        return promises

    def summary(self) -> StatusSummary:
        """How the live promises stand, in this agreement's language."""
        return StatusSummary(self.live_promises, self.locale.language_code)

    def cache_list_tags(self) -> list[str]:
        """What this page and its permalinks list of other pages, for the page cache: only the
        stories following its promises (their changes bump these tags), not every story."""
        return [stories_cache_tag(p.translation_key) for p in self.live_promises]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        promises = self.live_promises
        # The newest few stories per promise; its permalink lists them all.
        stories = stories_following(promises, self.locale_id, STORIES_PER_PROMISE)
        groups: dict[str, list[PromiseEntry]] = defaultdict(list)
        for promise in promises:
            entry = PromiseEntry(promise, stories.get(promise.translation_key, []))
            groups[promise.focus_area].append(entry)
        context["focus_areas"] = dict(groups)
        context["summary"] = StatusSummary(promises)
        return context

    @path("")
    def index(self, request):
        return self.render(request)

    @path("<slug:slug>/")
    def promise_detail(self, request, slug: str):
        """The permalink of one promise."""
        promise = next((p for p in self.live_promises if p.slug == slug), None)
        if promise is None:
            raise Http404
        return self.render(
            request,
            template="promises/promise_detail.html",
            context_overrides={
                "promise": promise,
                "entry": PromiseEntry(promise, promise.stories()),
            },
        )

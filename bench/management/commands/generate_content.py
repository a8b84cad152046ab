"""Generate a large, realistic kommun site for benchmarks: thousands of stories, hundreds of promises.

Deterministic with --seed. Fast because pages are written in bulk: the tree paths, depth, numchild
and url_path that treebeard and Wagtail would compute one insert at a time are computed here, and
each table gets one multi-row INSERT per batch. Then `update_index` makes the content searchable.

Runs on top of the demo content (load_demo), which it loads first; running it again when the
content is already there changes nothing unless --force is given (which adds another set).
"""

from __future__ import annotations

import random
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from datetime import time as dtime
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Locale, Page, Revision, Site
from wagtail.search.models import IndexEntry

from contacts.models import ContactPerson
from news.models import ArticlePromise, NewsArticlePage, NewsIndexPage, Topic
from pagecache.generation import clear_page_cache
from promises.models import Promise, PromiseFollowUp, PromisePage, PromiseParty, PromiseStatus

BATCH = 500
SLUG_PREFIX = "gen-"
AGREEMENT_SLUG_PREFIX = "medborgarloften-omrade-"

PLACES = [
    "Hässleholm", "Tyringe", "Vinslöv", "Sösdala", "Bjärnum", "Hästveda", "Vittsjö",
    "Ignaberga", "Stoby", "Norra Sandby", "Ballingslöv", "Emmaljunga", "Finja", "Mala",
    "Röke", "Farstorp", "Ljungbyhed", "centrum", "Västerås-området", "stationsområdet",
]  # fmt: skip
SUBJECTS = [
    "Kommunen", "Polisen", "Kommunpolisen", "Räddningstjänsten", "Fritidsgården",
    "Socialtjänsten", "Skolan", "Föreningslivet", "Trygghetssamordnaren", "Fältassistenterna",
    "Nattvandrarna", "Grannsamverkan", "Biblioteket", "Hyresvärden", "Länsstyrelsen",
]  # fmt: skip
VERBS = [
    "bjuder in till", "genomför", "planerar", "utvärderar", "startar", "avslutar", "följer upp",
    "förstärker", "presenterar", "samordnar", "satsar på", "informerar om", "utökar",
]  # fmt: skip
OBJECTS = [
    "trygghetsvandringar", "en trygghetsvandring", "nattvandringar", "utbildning i grannsamverkan",
    "tillsyn av krogar", "föräldramöten om droger", "belysning i parkerna", "medborgarlöften",
    "ett nytt medborgarlöfte", "dialogmöten med invånarna", "kameraövervakning vid stationen",
    "sommarlovsaktiviteter för unga", "insatser mot klotter", "trafikkontroller vid skolorna",
    "samarbetet med polisen", "en lägesbild över otryggheten", "brottsförebyggande arbete",
]  # fmt: skip
TIMES = [
    "under våren", "i höst", "i sommar", "under året", "nästa vecka", "i december",
    "efter sommarlovet", "under kvällstid", "varje fredag", "från och med januari",
]  # fmt: skip
SENTENCE_TAILS = [
    "Syftet är att öka tryggheten för alla som bor och vistas i området.",
    "Invånarna har lyft frågan i medborgardialogen och i enkäten om trygghet.",
    "Arbetet är en del av de medborgarlöften som kommunen och polisen har tecknat.",
    "Resultatet följs upp i slutet av året och redovisas öppet.",
    "Alla är välkomna, och ingen föranmälan behövs.",
    "Polisen ser en minskning av anmälda brott sedan insatsen startade.",
    "Föräldrar och vårdnadshavare uppmanas att prata med sina barn om riskerna.",
    "Fastighetsägare och företag deltar också i samarbetet.",
    "Löftet bygger på den gemensamma lägesbilden från polisen och kommunen.",
    "Tidigare år har vandringarna lett till bättre belysning och färre skymda platser.",
    "Frågor om insatsen besvaras av kommunens trygghetssamordnare.",
    "Ungdomarna har själva fått vara med och påverka vilka aktiviteter som erbjuds.",
]  # fmt: skip
QUOTES = [
    "Det är tillsammans med invånarna som vi kan göra skillnad på riktigt.",
    "Vi vill att alla ska känna sig trygga när de rör sig i centrum på kvällen.",
    "Medborgarlöftena gör vårt samarbete konkret och möjligt att följa upp.",
    "Varje trygghetsvandring ger oss ny kunskap om vad som behöver förbättras.",
]  # fmt: skip
PEOPLE = [
    ("Anna Lindqvist", "trygghetssamordnare, Hässleholms kommun"),
    ("Erik Johansson", "kommunpolis, Polisen"),
    ("Maria Svensson", "ordförande i kommunstyrelsen"),
    ("Johan Nilsson", "fältassistent, Hässleholms kommun"),
]  # fmt: skip
FOCUS_AREAS = [
    "Trygghet i offentlig miljö", "Grannsamverkan", "Unga och tidiga insatser",
    "Alkohol och droger", "Trafiksäkerhet",
]  # fmt: skip
EN_SUBJECTS = ["The municipality", "The police", "The youth centre", "The school", "Volunteers"]
EN_VERBS = ["invites residents to", "holds", "plans", "evaluates", "follows up"]
EN_OBJECTS = [
    "safety walks", "night walks", "neighbourhood-watch training", "inspections of bars",
    "meetings for parents", "better lighting in parks", "citizen promises",
]  # fmt: skip
EN_TAILS = [
    "The aim is that everyone who lives in the area feels safe.",
    "The work is part of the citizen promises signed by the municipality and the police.",
    "The results are followed up at the end of the year.",
    "Everyone is welcome and no registration is needed.",
]  # fmt: skip
STATUS_WEIGHTS = [
    (PromiseStatus.FULFILLED, 40), (PromiseStatus.PARTLY_FULFILLED, 15),
    (PromiseStatus.IN_PROGRESS, 15), (PromiseStatus.PLANNED, 8), (PromiseStatus.NOT_FULFILLED, 8),
    (PromiseStatus.NOT_FOLLOWED_UP, 6), (PromiseStatus.CANCELLED, 4), (PromiseStatus.POSTPONED, 4),
]  # fmt: skip


class Progress:
    """A one-line progress bar on stderr; no dependency, quiet when not on a terminal."""

    def __init__(self, label: str, total: int, stream=sys.stderr) -> None:
        self.label, self.total, self.stream = label, max(total, 1), stream
        self.done = 0
        self.started = time.monotonic()
        self.tty = stream.isatty()

    def advance(self, count: int = 1) -> None:
        self.done += count
        if self.tty or self.done >= self.total:
            self.draw()

    def draw(self) -> None:
        share = min(self.done / self.total, 1.0)
        bar = "#" * int(share * 30)
        elapsed = time.monotonic() - self.started
        end = "\n" if self.done >= self.total else ""
        self.stream.write(
            f"\r{self.label:<22} [{bar:<30}] {self.done:>6}/{self.total} {elapsed:6.1f} s{end}"
        )
        self.stream.flush()


@dataclass
class Texts:
    """Swedish (and a little English) text from a seeded generator."""

    rng: random.Random

    def title(self) -> str:
        r = self.rng
        return f"{r.choice(SUBJECTS)} {r.choice(VERBS)} {r.choice(OBJECTS)} i {r.choice(PLACES)}"

    def sentence(self) -> str:
        r = self.rng
        if r.random() < 0.5:
            return r.choice(SENTENCE_TAILS)
        return (
            f"{r.choice(SUBJECTS)} {r.choice(VERBS)} {r.choice(OBJECTS)} "
            f"i {r.choice(PLACES)} {r.choice(TIMES)}."
        )

    def paragraph(self) -> str:
        return " ".join(self.sentence() for _ in range(self.rng.randint(2, 6)))

    def en_title(self) -> str:
        r = self.rng
        return f"{r.choice(EN_SUBJECTS)} {r.choice(EN_VERBS)} {r.choice(EN_OBJECTS)} in {r.choice(PLACES)}"

    def en_paragraph(self) -> str:
        return " ".join(self.rng.choice(EN_TAILS) for _ in range(self.rng.randint(2, 5)))


def chunks(items: list, size: int = BATCH) -> Iterator[list]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def block(kind: str, value: Any) -> dict:
    return {"type": kind, "value": value, "id": str(uuid.uuid4())}


class Command(BaseCommand):
    help = "Generates a large site for benchmarks (default: 10 000 news stories, 300 promises)."

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=2026)
        parser.add_argument("--articles", type=int, default=10_000)
        parser.add_argument("--agreements", type=int, default=10)
        parser.add_argument("--promises-per-agreement", type=int, default=30)
        parser.add_argument(
            "--translated-share",
            type=float,
            default=0.1,
            help="Share of the stories and agreements that also get an English version.",
        )
        parser.add_argument("--force", action="store_true", help="Generate even if done before.")
        parser.add_argument("--no-index", action="store_true", help="Skip update_index.")

    def handle(self, *args, **options) -> None:
        started = time.monotonic()
        call_command("load_demo", stdout=self.stdout)
        existing = NewsArticlePage.objects.filter(slug__startswith=SLUG_PREFIX).count()
        if existing and not options["force"]:
            self.stdout.write(f"{existing} generated stories exist already; nothing to do.")
            if not options["no_index"] and not self.indexed():
                # An earlier run stopped before its search index was built.
                self.index()
            return
        # random.Random is the right tool for reproducible test data, not for secrets.
        self.rng = random.Random(options["seed"])  # noqa: S311
        self.texts = Texts(self.rng)
        # Slugs carry the seed and the number of earlier runs, so --force never clashes.
        runs = PromisePage.objects.filter(slug__startswith=AGREEMENT_SLUG_PREFIX).count()
        self.run = f"{options['seed']}-{runs}"
        self.namespace = uuid.uuid5(uuid.NAMESPACE_URL, f"nytorget-generate-{self.run}")
        with transaction.atomic():
            self.generate(options)
        clear_page_cache()
        self.stdout.write(f"Content generated in {time.monotonic() - started:.0f} s.")
        if not options["no_index"]:
            self.index()
        self.stdout.write(self.style.SUCCESS("Done."))

    def index(self) -> None:
        started = time.monotonic()
        call_command("update_index", stdout=self.stdout)
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:  # fresh planner statistics for the new rows
                cursor.execute("ANALYZE")
        self.stdout.write(f"Search index built in {time.monotonic() - started:.0f} s.")

    @staticmethod
    def indexed() -> bool:
        """Whether the search index holds (about) every story."""
        content_type = ContentType.objects.get_for_model(NewsArticlePage)
        entries = IndexEntry.objects.filter(content_type=content_type).count()
        return entries >= NewsArticlePage.objects.count()

    def key(self) -> uuid.UUID:
        """A translation key: repeatable for a seed, new for each run."""
        return uuid.uuid5(self.namespace, str(self.rng.getrandbits(64)))

    def generate(self, options: dict) -> None:
        self.sv = Locale.objects.get(language_code="sv")
        self.en = Locale.objects.get(language_code="en")
        site = Site.objects.get(is_default_site=True)
        home_sv = site.root_page.specific
        home_en = home_sv.get_translation(self.en)
        index_sv = NewsIndexPage.objects.child_of(home_sv).get()
        index_en = NewsIndexPage.objects.child_of(home_en).get()
        self.topics = {
            locale.pk: list(Topic.objects.filter(locale=locale).order_by("slug"))
            for locale in (self.sv, self.en)
        }
        self.people = {
            locale.pk: list(ContactPerson.objects.filter(locale=locale, is_active=True))
            for locale in (self.sv, self.en)
        }
        share = options["translated_share"]
        promises = self.agreements(
            home_sv, home_en, options["agreements"], options["promises_per_agreement"], share
        )
        self.articles(index_sv, index_en, options["articles"], share, promises)

    # Agreements and promises ------------------------------------------------------------------

    def agreements(
        self, home_sv: Page, home_en: Page, count: int, per_agreement: int, share: float
    ) -> dict[int, list[Promise]]:
        """Agreement pages (few: made the normal way) and their promises (many: in bulk)."""
        progress = Progress("Överenskommelser", count)
        translated = max(1, round(count * share)) if share else 0
        by_locale: dict[int, list[Promise]] = {self.sv.pk: [], self.en.pk: []}
        previous: list[Promise] = []
        for number in range(count):
            year = 2017 + number % 10
            area = self.rng.choice(PLACES)
            slug = f"{AGREEMENT_SLUG_PREFIX}{self.run}-{number + 1}"
            page_sv = PromisePage(
                title=f"Medborgarlöften {year} – {area}",
                slug=slug,
                locale=self.sv,
                lead=self.texts.paragraph(),
                period_start=date(year, 1, 1),
                period_end=date(year, 12, 31),
                parties="Hässleholms kommun och Polisen",
                problem_picture="".join(f"<p>{self.texts.paragraph()}</p>" for _ in range(3)),
            )
            home_sv.add_child(instance=page_sv)
            page_sv.save_revision().publish()
            pages = [page_sv]
            if number < translated:
                page_en = PromisePage(
                    title=f"Citizen promises {year} – {area}",
                    slug=slug,
                    locale=self.en,
                    translation_key=page_sv.translation_key,
                    lead=self.texts.en_paragraph(),
                    period_start=page_sv.period_start,
                    period_end=page_sv.period_end,
                    parties="Hässleholm Municipality and the Police",
                )
                home_en.add_child(instance=page_en)
                page_en.save_revision().publish()
                pages.append(page_en)
            previous = self.promises(pages, year, per_agreement, previous)
            for promise in previous:
                by_locale[promise.locale_id].append(promise)
            progress.advance()
        return by_locale

    def promises(
        self, pages: list[PromisePage], year: int, count: int, previous: list[Promise]
    ) -> list[Promise]:
        statuses, weights = zip(*STATUS_WEIGHTS, strict=True)
        previous_sv = [p for p in previous if p.locale_id == self.sv.pk]
        rows: list[Promise] = []
        specs = []
        for number in range(count):
            focus = FOCUS_AREAS[number % len(FOCUS_AREAS)]
            target_count = self.rng.randint(2, 12)
            obj = self.rng.choice(OBJECTS)
            specs.append(
                {
                    "key": self.key(),
                    "slug": f"lofte-{number + 1}-{slugify(obj)[:40]}",
                    "title": f"Vi genomför {target_count} {obj} i {self.rng.choice(PLACES)}",
                    "en_title": f"We hold {target_count} {self.rng.choice(EN_OBJECTS)}",
                    "focus": focus,
                    "target": f"{target_count} {obj}",
                    "status": self.rng.choices(statuses, weights)[0],
                    "reason": self.texts.paragraph(),
                    "description": f"<p>{self.texts.paragraph()}</p>",
                    "party": self.rng.choice(PromiseParty.values),
                    "continues": previous_sv[number]
                    if number < len(previous_sv) and self.rng.random() < 0.3
                    else None,
                    "follow_ups": [
                        (
                            date(year, 1, 1) + timedelta(days=self.rng.randint(30, 360)),
                            self.rng.choices(statuses, weights)[0],
                            self.texts.paragraph(),
                        )
                        for _ in range(self.rng.randint(1, 4))
                    ],
                }
            )
        for page in pages:
            english = page.locale_id == self.en.pk
            for order, spec in enumerate(specs):
                rows.append(
                    Promise(
                        locale_id=page.locale_id,
                        translation_key=spec["key"],
                        agreement=page,
                        slug=spec["slug"],
                        title=spec["en_title"] if english else spec["title"],
                        focus_area=spec["focus"],
                        party=spec["party"],
                        target=spec["target"],
                        description=spec["description"],
                        status=spec["status"],
                        status_reason=spec["reason"],
                        continues=None if english else spec["continues"],
                        sort_order=order,
                        live=True,
                        first_published_at=timezone.make_aware(
                            datetime(page.period_start.year, 1, 15)
                        ),
                        last_published_at=timezone.make_aware(
                            datetime(page.period_start.year, 1, 15)
                        ),
                    )
                )
        Promise.objects.bulk_create(rows)
        follow_ups = []
        for promise, spec in zip(rows, specs * len(pages), strict=True):
            for day, status, note in sorted(spec["follow_ups"]):
                follow_ups.append(
                    PromiseFollowUp(
                        promise=promise,
                        locale_id=promise.locale_id,
                        date=day,
                        status=status,
                        note=note,
                    )
                )
        PromiseFollowUp.objects.bulk_create(follow_ups)
        self.revisions(rows)
        return rows

    def revisions(self, objects: list) -> None:
        """One published revision per object, as if each had been published from the admin."""
        if not objects:
            return
        model = type(objects[0])
        base_ct = objects[0].get_base_content_type()
        ct = ContentType.objects.get_for_model(model)
        now = timezone.now()
        revisions = [
            Revision(
                base_content_type=base_ct,
                content_type=ct,
                object_id=str(obj.pk),
                content=obj.serializable_data(),
                created_at=getattr(obj, "last_published_at", None) or now,
                object_str=str(obj)[:255],
            )
            for obj in objects
        ]
        Revision.objects.bulk_create(revisions, batch_size=BATCH)
        for obj, revision in zip(objects, revisions, strict=True):
            obj.latest_revision_id = revision.pk
            obj.live_revision_id = revision.pk
        model._base_manager.bulk_update(
            objects, ["latest_revision", "live_revision"], batch_size=BATCH
        )

    # Stories ----------------------------------------------------------------------------------

    def articles(
        self,
        index_sv: NewsIndexPage,
        index_en: NewsIndexPage,
        count: int,
        share: float,
        promises: dict[int, list[Promise]],
    ) -> None:
        translated_every = round(1 / share) if share else 0
        first_day = date(2016, 1, 1)
        days = (date(2026, 11, 1) - first_day).days
        specs = []
        for number in range(count):
            day = first_day + timedelta(days=days * number // count)
            moment = timezone.make_aware(
                datetime.combine(day, dtime(self.rng.randint(7, 17), self.rng.randint(0, 59)))
            )
            specs.append(
                {
                    "key": self.key(),
                    "number": number,
                    "published": moment,
                    "translate": bool(translated_every) and number % translated_every == 0,
                    # One story in ten follows up a promise: three or four per promise.
                    "promise_indexes": self.rng.sample(
                        range(len(promises[self.sv.pk])),
                        k=self.rng.choices((0, 1, 2), (90, 8, 2))[0],
                    )
                    if promises[self.sv.pk]
                    else [],
                    "topic_indexes": self.rng.sample(
                        range(len(self.topics[self.sv.pk])),
                        k=min(len(self.topics[self.sv.pk]), self.rng.randint(0, 2)),
                    ),
                }
            )
        self.write_articles(index_sv, self.sv, specs, promises)
        self.write_articles(
            index_en, self.en, [s for s in specs if s["translate"]], promises, english=True
        )

    def write_articles(
        self,
        parent: NewsIndexPage,
        locale: Locale,
        specs: list[dict],
        promises: dict[int, list[Promise]],
        english: bool = False,
    ) -> None:
        progress = Progress(f"Nyheter ({locale.language_code})", len(specs))
        parent = Page.objects.get(pk=parent.pk)  # fresh path and numchild
        last = parent.get_last_child()
        position = last._get_lastpos_in_path() if last else 0
        content_type = ContentType.objects.get_for_model(NewsArticlePage)
        promises_sv = promises[self.sv.pk]
        by_key_in_locale = {p.translation_key: p for p in promises[locale.pk]}
        topics = self.topics[locale.pk]
        people = self.people[locale.pk]
        for batch in chunks(specs):
            pages = []
            links = []
            topic_rows = []
            for spec in batch:
                position += 1
                title = self.texts.en_title() if english else self.texts.title()
                slug = f"{SLUG_PREFIX}{self.run}-{spec['number'] + 1}-{slugify(title)[:50]}"
                linked = [
                    by_key_in_locale.get(promises_sv[i].translation_key, promises_sv[i])
                    for i in spec["promise_indexes"]
                ]
                page = NewsArticlePage(
                    title=title,
                    draft_title=title,
                    slug=slug,
                    content_type=content_type,
                    locale=locale,
                    translation_key=spec["key"],
                    path=Page._get_path(parent.path, parent.depth + 1, position),
                    depth=parent.depth + 1,
                    numchild=0,
                    url_path=f"{parent.url_path}{slug}/",
                    live=True,
                    has_unpublished_changes=False,
                    first_published_at=spec["published"],
                    last_published_at=spec["published"],
                    latest_revision_created_at=spec["published"],
                    lead=self.texts.en_paragraph() if english else self.texts.paragraph(),
                    body=self.body(english, linked),
                    contacts=[
                        block("contact", {"person": person.pk, "organisation": None})
                        for person in self.rng.sample(people, k=min(len(people), 1))
                    ],
                )
                pages.append(page)
                links.extend(
                    ArticlePromise(page=page, promise=promise, sort_order=order)
                    for order, promise in enumerate(linked)
                )
                topic_rows.extend((page, topics[i]) for i in spec["topic_indexes"])
            self.insert_pages(pages)
            ArticlePromise.objects.bulk_create(links)
            through = NewsArticlePage.topics.through
            through.objects.bulk_create(
                [
                    through(newsarticlepage_id=page.pk, topic_id=topic.pk)
                    for page, topic in topic_rows
                ]
            )
            self.revisions(pages)
            progress.advance(len(batch))
        Page.objects.filter(pk=parent.pk).update(numchild=position)

    def body(self, english: bool, linked: list[Promise]) -> list[dict]:
        r = self.rng
        paragraph = self.texts.en_paragraph if english else self.texts.paragraph
        blocks = [block("text", f"<p>{paragraph()}</p>")]
        for _ in range(r.randint(1, 8)):
            kind = r.choices(("text", "heading", "quote"), (6, 2, 1))[0]
            if kind == "text":
                blocks.append(
                    block("text", "".join(f"<p>{paragraph()}</p>" for _ in range(r.randint(1, 3))))
                )
            elif kind == "heading":
                blocks.append(block("heading", {"text": self.texts.title(), "level": "h2"}))
            else:
                name, role = r.choice(PEOPLE)
                blocks.append(
                    block("quote", {"text": r.choice(QUOTES), "attribution": name, "role": role})
                )
        if linked and r.random() < 0.5:
            blocks.append(block("promise", linked[0].pk))
        return blocks

    @staticmethod
    def insert_pages(pages: list[NewsArticlePage]) -> None:
        """Multi-table inheritance defeats bulk_create: insert the two tables' rows ourselves."""
        parent_fields = [f for f in Page._meta.local_concrete_fields if not f.primary_key]
        rows = Page._base_manager._insert(
            pages, fields=parent_fields, returning_fields=[Page._meta.pk], using=connection.alias
        )
        for page, (pk,) in zip(pages, rows, strict=True):
            page.pk = page.id = page.page_ptr_id = pk
            page._state.adding = False
        NewsArticlePage._base_manager._insert(
            pages,
            fields=list(NewsArticlePage._meta.local_concrete_fields),
            using=connection.alias,
        )

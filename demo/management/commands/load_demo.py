"""Load the demo kommun site. Idempotent: running it again changes nothing that exists."""

import uuid
from datetime import date, datetime, time
from io import BytesIO
from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model
from django.core.files.images import ImageFile
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from PIL import Image as PillowImage
from PIL import ImageDraw
from wagtail.images.models import Image
from wagtail.models import Locale, Page, Site

from contacts.models import ContactPerson, Organisation
from demo import content as demo
from home.models import (
    AccessibilityStatementPage,
    AssessmentMethod,
    ComplianceLevel,
    HomePage,
    SiteSettings,
    StandardPage,
)
from news.models import ArticlePromise, NewsArticlePage, NewsIndexPage, Topic
from promises.models import Promise, PromiseFollowUp, PromisePage

SV, EN = 0, 1
PICTURE_FOLDER = Path(demo.__file__).resolve().parent / "images"


def publish_at(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(9, 0)))


class Command(BaseCommand):
    help = "Loads the demo content (Hässleholm's medborgarlöften 2021 and 2022) in Swedish and English."

    def add_arguments(self, parser):
        parser.add_argument(
            "--admin-password",
            help="Also create the superuser 'admin' with this password (development only).",
        )
        parser.add_argument(
            "--site-address",
            metavar="HOST:PORT",
            help="Give the default Wagtail Site this host and port (`make run`'s address), so the "
            "URLs Wagtail builds from the Site (the API's page list) name it too.",
        )

    @transaction.atomic
    def handle(
        self,
        *args,
        admin_password: str | None = None,
        site_address: str | None = None,
        **options,
    ):
        self.sv = Locale.objects.get(language_code="sv")
        self.en = Locale.objects.get(language_code="en")
        self.locales = (self.sv, self.en)

        kommun = self.organisation(demo.KOMMUN)
        self.organisation(demo.POLICE)
        coordinator = self.coordinator(kommun[SV])
        topics = self.topics()

        site = Site.objects.get(is_default_site=True)
        if site_address:
            self.move_site(site, site_address)
        homes = self.homes(site)
        settings = SiteSettings.for_site(site)
        if settings.organisation_id is None:
            settings.organisation = kommun[SV]
            settings.save()
        if settings.logo_id is None:
            settings.logo = self.logo()
            settings.save()
        pictures = {key: self.picture(data) for key, data in demo.PICTURES.items()}
        if settings.share_image_id is None:
            settings.share_image = pictures[demo.SHARE_PICTURE]
            settings.share_image_alt = demo.PICTURES[demo.SHARE_PICTURE].alt[SV]
            settings.save()

        news_index = self.page_pair(
            homes,
            NewsIndexPage,
            "nyheter",
            title=("Nyheter", "News"),
            show_in_menus=True,
            lead=(
                "Nyheter från kommunen och polisen.",
                "News from the municipality and the police.",
            ),
        )
        agreements = {}
        for data in (demo.PROMISES_2021, demo.PROMISES_2022):
            agreements[data.slug] = self.agreement(homes, data, agreements)
        self.page_pair(
            homes,
            StandardPage,
            "om-medborgarloften",
            title=("Om medborgarlöften", "About citizen promises"),
            show_in_menus=True,
            lead=(
                "Medborgarlöften är konkreta löften som kommunen och polisen ger invånarna varje år.",
                "Citizen promises are concrete promises the municipality and the police make to residents every year.",
            ),
        )
        statement = demo.ACCESSIBILITY_STATEMENT
        self.page_pair(
            homes,
            AccessibilityStatementPage,
            statement["slug"],
            title=statement["title"],
            organisation_name=statement["organisation_name"],
            site_name=statement["site_name"],
            site_url="https://www.hassleholm.se",
            intro=statement["intro"],
            compliance=ComplianceLevel.PARTIAL,
            known_gaps=statement["known_gaps"],
            assessment_date=date(2026, 11, 1),
            assessment_method=AssessmentMethod.SELF,
            assessment_description=statement["assessment_description"],
            statement_updated=date(2026, 11, 27),
            feedback_text=statement["feedback_text"],
            feedback_email="kommunen@hassleholm.se",
            feedback_phone=demo.KOMMUN["switchboard"],
            response_time=statement["response_time"],
        )
        promises_2021 = agreements[demo.PROMISES_2021.slug]
        for article in demo.ARTICLES:
            self.article(news_index, article, topics, promises_2021, coordinator, kommun)

        self.lead_pictures(pictures)

        if admin_password:
            self.admin(admin_password)
        self.stdout.write(self.style.SUCCESS("Demo content is loaded."))

    # Snippets -----------------------------------------------------------------

    def translated(self, model, existing, fields_per_locale: list[dict]) -> list:
        """Create `model` in sv and en sharing a translation_key, unless it exists already."""
        if existing is not None:
            return [existing.get_translation(locale) for locale in self.locales]
        key = uuid.uuid4()
        return [
            model.objects.create(locale=locale, translation_key=key, **fields)
            for locale, fields in zip(self.locales, fields_per_locale, strict=True)
        ]

    def organisation(self, data: dict) -> list[Organisation]:
        existing = Organisation.objects.filter(locale=self.sv, name=data["name"][SV]).first()
        return self.translated(
            Organisation,
            existing,
            [
                {
                    "name": data["name"][i],
                    "visiting_address": data["visiting_address"],
                    "postal_address": data["postal_address"],
                    "switchboard": data["switchboard"],
                    "website": data["website"],
                }
                for i in (SV, EN)
            ],
        )

    def coordinator(self, kommun: Organisation) -> list[ContactPerson]:
        data = demo.COORDINATOR
        existing = ContactPerson.objects.filter(locale=self.sv, name=data["name"]).first()
        people = self.translated(
            ContactPerson,
            existing,
            [
                {
                    "name": data["name"],
                    "role_title": data["role_title"][i],
                    "organisation": kommun,
                    "phone": data["phone"],
                    "review_by": date(2027, 6, 30),
                }
                for i in (SV, EN)
            ],
        )
        # A former contact, kept for history: it must never show on the site.
        ContactPerson.objects.get_or_create(
            locale=self.sv,
            name="Tidigare kommunpolis",
            defaults={"role_title": "Kommunpolis", "is_active": False},
        )
        return people

    def topics(self) -> dict[str, Topic]:
        topics = {}
        for slug, name_sv, name_en in demo.TOPICS:
            existing = Topic.objects.filter(locale=self.sv, slug=slug).first()
            pair = self.translated(
                Topic, existing, [{"name": name_sv, "slug": slug}, {"name": name_en, "slug": slug}]
            )
            topics[slug] = pair
        return topics

    # Pages --------------------------------------------------------------------

    def move_site(self, site: Site, address: str) -> None:
        hostname, _colon, port = address.rpartition(":")
        if not hostname or not port.isdigit():
            raise CommandError(f"--site-address takes HOST:PORT, not {address!r}.")
        if (site.hostname, site.port) != (hostname, int(port)):
            site.hostname, site.port = hostname, int(port)
            site.save()

    def homes(self, site: Site) -> list[HomePage]:
        home_sv = site.root_page.specific
        if home_sv.title == "Välkommen":
            home_sv.title = "Hässleholms kommun"
            home_sv.lead = "Nyheter och medborgarlöften från kommunen och polisen."
            home_sv.save_revision().publish()
        home_en = home_sv.get_translation_or_none(self.en)
        if home_en is None:
            home_en = HomePage(
                title="Hässleholm Municipality",
                slug="home",
                lead="News and citizen promises from the municipality and the police.",
                locale=self.en,
                translation_key=home_sv.translation_key,
            )
            Page.get_first_root_node().add_child(instance=home_en)
            home_en.save_revision().publish()
        return [home_sv, home_en.specific]

    def page_pair(
        self, parents: list[Page], model, slug: str, translate: bool = True, **fields: Any
    ):
        """A page under the Swedish parent and its translation under the English one."""
        pages = []
        key = None
        for i, (parent, locale) in enumerate(zip(parents, self.locales, strict=True)):
            if i == EN and not translate:
                break
            page = model.objects.child_of(parent).filter(slug=slug).first()
            if page is None:
                values = {
                    name: value[i] if isinstance(value, tuple) else value
                    for name, value in fields.items()
                }
                page = model(slug=slug, locale=locale, **values)
                if key is not None:
                    page.translation_key = key
                parent.add_child(instance=page)
                page.save_revision().publish()
            key = page.translation_key
            pages.append(page)
        return pages

    def agreement(self, homes, data: demo.AgreementData, earlier: dict) -> list[PromisePage]:
        pages = self.page_pair(
            homes,
            PromisePage,
            data.slug,
            title=data.title,
            lead=data.lead,
            period_start=data.period[0],
            period_end=data.period[1],
            parties=data.parties,
            problem_picture=data.problem_picture,
            show_in_menus=True,
        )
        previous = earlier.get(demo.PROMISES_2021.slug)
        for order, promise in enumerate(data.promises):
            self.promise(pages, promise, order, previous)
        return pages

    def promise(self, pages, data: demo.PromiseData, order: int, previous) -> None:
        existing = Promise.objects.filter(agreement=pages[SV], slug=data.slug).first()
        if existing is not None:
            return
        key = uuid.uuid4()
        for i, (page, locale) in enumerate(zip(pages, self.locales, strict=True)):
            continues = None
            if data.continues and previous:
                continues = Promise.objects.filter(
                    agreement=previous[i], slug=data.continues
                ).first()
            promise = Promise.objects.create(
                locale=locale,
                translation_key=key,
                agreement=page,
                slug=data.slug,
                title=data.title[i],
                focus_area=data.focus_area[i],
                party=data.party,
                partners=data.partners[i],
                target=data.target[i],
                outcome=data.outcome[i],
                status=data.status,
                status_reason=data.reason[i],
                continues=continues,
                sort_order=order,
                live=True,
            )
            for follow_up in data.follow_ups:
                PromiseFollowUp.objects.create(
                    promise=promise,
                    locale=locale,
                    date=follow_up.date,
                    status=follow_up.status,
                    note=follow_up.note[i],
                )
            revision = promise.save_revision()
            Promise.objects.filter(pk=promise.pk).update(
                live_revision=revision, latest_revision=revision
            )

    def article(self, news_index, data: demo.ArticleData, topics, agreement, coordinator, kommun):
        languages = (SV, EN) if data.translate else (SV,)
        key = None
        for i in languages:
            parent = news_index[i]
            if NewsArticlePage.objects.child_of(parent).filter(slug=data.slug).exists():
                key = NewsArticlePage.objects.child_of(parent).get(slug=data.slug).translation_key
                continue
            page = NewsArticlePage(
                title=data.title[i],
                slug=data.slug,
                lead=data.lead[i],
                locale=self.locales[i],
                body=[self.block(kind, value[i]) for kind, value in data.body],
                contacts=[
                    ("contact", {"person": coordinator[i], "organisation": None}),
                    ("contact", {"person": None, "organisation": kommun[i]}),
                ],
            )
            if key is not None:
                page.translation_key = key
            page.topics = [topics[slug][i] for slug in data.topics]
            promises = Promise.objects.filter(agreement=agreement[i], slug__in=data.promises)
            page.promise_links = [ArticlePromise(promise=p) for p in promises]
            parent.add_child(instance=page)
            page.save_revision().publish()
            moment = publish_at(data.published)
            NewsArticlePage.objects.filter(pk=page.pk).update(
                first_published_at=moment, last_published_at=moment
            )
            key = page.translation_key

    @staticmethod
    def block(kind: str, value) -> tuple[str, Any]:
        if kind == "heading":
            return ("heading", {"text": value, "level": "h2"})
        if kind == "quote":
            text, attribution, role = value
            return ("quote", {"text": text, "attribution": attribution, "role": role})
        return ("text", value)

    def picture(self, data: demo.PictureData) -> Image:
        existing = Image.objects.filter(title=data.title).first()
        if existing is not None:
            return existing
        with open(PICTURE_FOLDER / data.file, "rb") as file:
            return Image.objects.create(title=data.title, file=ImageFile(file, name=data.file))

    def lead_pictures(self, pictures: dict) -> None:
        """Give the pages of demo.LEAD_PICTURES their lead image, where they have none yet."""
        for model in (NewsArticlePage, StandardPage, PromisePage):
            pages = model.objects.filter(slug__in=demo.LEAD_PICTURES, lead_image__isnull=True)
            for page in pages.select_related("locale"):
                key = demo.LEAD_PICTURES[page.slug]
                data = demo.PICTURES[key]
                i = EN if page.locale.language_code == "en" else SV
                page.lead_image = pictures[key]
                page.lead_image_alt = data.alt[i]
                page.lead_image_caption = data.caption[i]
                page.lead_image_credit = data.credit
                published = (page.first_published_at, page.last_published_at)
                page.save_revision().publish()
                # Adding a picture is not news: keep the dates readers see.
                model.objects.filter(pk=page.pk).update(
                    first_published_at=published[0], last_published_at=published[1]
                )

    def logo(self):
        """A small made-up coat of arms, drawn here so that the demo needs no image file."""

        existing = Image.objects.filter(title="Kommunvapen (demo)").first()
        if existing is not None:
            return existing
        size = 192
        canvas = PillowImage.new("RGBA", (size, size), (0, 0, 0, 0))
        draw = ImageDraw.Draw(canvas)
        shield = [(16, 12), (176, 12), (176, 100), (96, 182), (16, 100)]
        draw.polygon(shield, fill=(255, 255, 255, 255), outline=(0, 58, 110, 255), width=8)
        draw.polygon([(40, 36), (152, 36), (152, 92), (96, 150), (40, 92)], fill=(0, 82, 155, 255))
        for y in (70, 96):
            draw.line(
                [(52, y), (76, y - 10), (100, y), (124, y - 10), (148, y)], fill="white", width=8
            )
        buffer = BytesIO()
        canvas.save(buffer, "PNG")
        return Image.objects.create(
            title="Kommunvapen (demo)", file=ImageFile(buffer, name="kommunvapen.png")
        )

    def admin(self, password: str) -> None:
        User = get_user_model()
        if not User.objects.filter(username="admin").exists():
            User.objects.create_superuser("admin", "admin@example.com", password)

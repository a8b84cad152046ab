"""The shared test site (the `world` fixture in conftest.py): what may leave it, and what may not.

`public` things must come out; everything named `hidden_*` must never: a draft promise, a draft
change only in a revision, promises of an unpublished and of a private agreement, a draft and a
private story, an inactive contact.
"""

import datetime
from dataclasses import dataclass, field

from wagtail.models import Page, PageViewRestriction

from contacts.factories import ContactPersonFactory, OrganisationFactory
from contacts.models import ContactPerson, Organisation
from news.factories import NewsArticlePageFactory, NewsIndexPageFactory, TopicFactory
from news.models import ArticlePromise, NewsArticlePage, Topic
from promises.factories import PromiseFactory, PromiseFollowUpFactory, PromisePageFactory
from promises.models import Promise, PromisePage, PromiseParty, PromiseStatus

DRAFT_TITLE = "Ändrad bara i ett utkast"
HIDDEN_TITLES = {
    "Löfte i utkast",
    "Löfte i opublicerad överenskommelse",
    "Löfte i skyddad överenskommelse",
    "Nyhet i utkast",
    "Skyddad nyhet",
    "Inaktiv Person",
    DRAFT_TITLE,
}


@dataclass
class World:
    home: Page
    agreement: PromisePage
    walks: Promise  # fulfilled, two follow-ups, followed up by `story`
    parents: Promise  # in progress, no follow-ups
    index: Page
    story: NewsArticlePage
    topic: Topic
    organisation: Organisation
    person: ContactPerson
    inactive: ContactPerson
    hidden: dict = field(default_factory=dict)


def restrict(page: Page) -> None:
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="hemligt"
    )


def link(story: NewsArticlePage, promise: Promise) -> None:
    ArticlePromise.objects.create(page=story, promise=promise)


def build_world(home: Page) -> World:
    agreement = PromisePageFactory(
        parent=home,
        title="Medborgarlöften 2021",
        slug="medborgarloften-2021",
        lead="Kommunen och polisen lovar.",
        problem_picture='<p>Otrygghet i <a href="https://example.org/">centrum</a>.</p>',
    )
    walks = PromiseFactory(
        agreement=agreement,
        title="Två trygghetsvandringar",
        slug="trygghetsvandringar",
        focus_area="Trygghet i centrum",
        party=PromiseParty.BOTH,
        target="2 trygghetsvandringar",
        description="<p>Vi går <b>tillsammans</b>.</p>",
        status=PromiseStatus.FULFILLED,
        sort_order=1,
    )
    PromiseFollowUpFactory(
        promise=walks, date=datetime.date(2021, 12, 15), status=PromiseStatus.FULFILLED,
        note="Båda vandringarna genomförda.",
        evidence=[("link", {"title": "Protokoll", "url": "https://example.org/protokoll"})],
    )  # fmt: skip
    PromiseFollowUpFactory(
        promise=walks, date=datetime.date(2021, 6, 1), status=PromiseStatus.IN_PROGRESS,
        note="Första vandringen genomförd.",
    )  # fmt: skip
    parents = PromiseFactory(
        agreement=agreement,
        title="Information till föräldrar",
        slug="foraldrar",
        focus_area="Droger",
        party=PromiseParty.POLICE,
        status=PromiseStatus.IN_PROGRESS,
        status_reason="Pågår under hösten.",
        sort_order=2,
    )
    draft = PromiseFactory(agreement=agreement, title="Löfte i utkast", slug="utkast", live=False)

    # A published promise whose draft change lives only in a revision.
    parents.title = DRAFT_TITLE
    parents.save_revision()
    parents.refresh_from_db()

    unpublished = PromisePageFactory(
        parent=home, title="Medborgarlöften 2022", slug="medborgarloften-2022", live=False
    )
    in_unpublished = PromiseFactory(
        agreement=unpublished, title="Löfte i opublicerad överenskommelse", slug="opublicerad"
    )
    private = PromisePageFactory(parent=home, title="Skyddade löften", slug="skyddade")
    restrict(private)
    in_private = PromiseFactory(
        agreement=private, title="Löfte i skyddad överenskommelse", slug="skyddad"
    )

    organisation = OrganisationFactory(name="Hässleholms kommun", locale=home.locale)
    person = ContactPersonFactory(
        name="Aktiv Person", organisation=organisation, locale=home.locale
    )
    inactive = ContactPersonFactory(
        name="Inaktiv Person", organisation=organisation, is_active=False, locale=home.locale
    )
    topic = TopicFactory(name="Trygghet", slug="trygghet", locale=home.locale)
    index = NewsIndexPageFactory(parent=home)
    story = NewsArticlePageFactory(
        parent=index,
        title="Nästan alla löften uppfyllda",
        lead="Så gick det 2021.",
        body=[
            ("text", f'<p>Läs om <a linktype="page" id="{agreement.pk}">löftena</a>.</p>'),
            ("contact", {"person": inactive, "organisation": organisation}),
        ],
        contacts=[
            ("contact", {"person": person, "organisation": None}),
            ("contact", {"person": inactive, "organisation": organisation}),
        ],
    )
    story.topics.add(topic)
    story.save_revision().publish()
    link(story, walks)
    link(story, draft)
    link(story, in_private)

    draft_story = NewsArticlePageFactory(parent=index, title="Nyhet i utkast", live=False)
    link(draft_story, walks)
    private_story = NewsArticlePageFactory(parent=index, title="Skyddad nyhet")
    private_story.topics.add(topic)
    restrict(private_story)
    link(private_story, walks)

    # Follow-ups of promises that must stay hidden.
    for hidden_promise in (draft, in_unpublished, in_private):
        PromiseFollowUpFactory(promise=hidden_promise, note="Hemlig uppföljning")

    return World(
        home=home,
        agreement=agreement,
        walks=walks,
        parents=parents,
        index=index,
        story=story,
        topic=topic,
        organisation=organisation,
        person=person,
        inactive=inactive,
        hidden={
            "draft": draft,
            "unpublished_agreement": unpublished,
            "in_unpublished": in_unpublished,
            "private_agreement": private,
            "in_private": in_private,
            "draft_story": draft_story,
            "private_story": private_story,
        },
    )


def assert_nothing_hidden(text: str) -> None:
    leaked = [title for title in HIDDEN_TITLES if title in text]
    assert leaked == [], f"leaked: {leaked}"

"""Roles out of the box, in Swedish: each logs in and can do its work, and nothing more."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Workflow
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from contacts.factories import ContactPersonFactory, OrganisationFactory
from contacts.models import ContactPerson, Organisation
from news.factories import NewsArticlePageFactory, NewsIndexPageFactory
from news.models import NewsArticlePage, Topic
from promises.factories import PromiseFactory
from promises.models import Promise, PromiseStatus
from tests.admin_forms import promise_edit_url, promise_form, publish

EDITOR, REVIEWER, PROMISE_OWNER = "Redaktörer", "Granskare", "Löftesansvariga"


@pytest.fixture
def login(client, django_user_model):
    def login_as(group: str, username: str | None = None):
        user = django_user_model.objects.create_user(username or group, password="pw")
        user.groups.add(Group.objects.get(name=group))
        client.force_login(user)
        return user

    return login_as


def denied(response) -> bool:
    """Wagtail's answer to a missing permission: back to the dashboard (or a plain 403)."""
    return response.status_code == 403 or (
        response.status_code == 302 and response.url == reverse("wagtailadmin_home")
    )


def article_data(title: str, action: str) -> dict:
    return {
        **nested_form_data(
            {
                "title": title,
                "slug": "trygghetsvandring",
                "lead": "Kommunen och polisen gick genom centrum.",
                "body": streamfield([("text", rich_text("<p>Ett trettiotal deltog.</p>"))]),
                "contacts": streamfield([]),
                "promise_links": inline_formset([]),
            }
        ),
        action: action,
    }


@pytest.mark.django_db
def test_roles_and_review_workflow_are_in_swedish():
    names = set(Group.objects.values_list("name", flat=True))
    assert {EDITOR, REVIEWER, PROMISE_OWNER} <= names
    assert not names & {"Editors", "Moderators"}
    workflow = Workflow.objects.get(name="Granskning")
    assert workflow.active
    [task] = [t.specific for t in workflow.tasks]
    assert [g.name for g in task.groups.all()] == [REVIEWER]


@pytest.mark.django_db
def test_an_editor_writes_and_submits_and_a_reviewer_approves(client, login, home):
    index = NewsIndexPageFactory(parent=home)
    add_url = reverse("wagtailadmin_pages:add", args=("news", "newsarticlepage", index.pk))
    login(EDITOR)
    # Publishing is not the editor's: the page does not go live.
    client.post(add_url, article_data("Trygghetsvandring", "action-publish"))
    assert not NewsArticlePage.objects.filter(live=True).exists()
    NewsArticlePage.objects.all().delete()

    response = client.post(add_url, article_data("Trygghetsvandring", "action-submit"))
    assert response.status_code == 302
    article = NewsArticlePage.objects.get(slug="trygghetsvandring")
    assert not article.live
    assert article.current_workflow_state.workflow.name == "Granskning"

    login(REVIEWER)
    task_state = article.current_workflow_task_state
    response = client.post(
        reverse("wagtailadmin_pages:workflow_action", args=(article.pk, "approve", task_state.pk))
    )
    assert response.status_code in (200, 302)
    article.refresh_from_db()
    assert article.live


@pytest.mark.django_db
def test_an_editor_keeps_topics_and_contacts_but_not_promises(client, login, home, agreement):
    promise = PromiseFactory(agreement=agreement, status=PromiseStatus.PLANNED)
    person = ContactPersonFactory(locale=home.locale)
    organisation = OrganisationFactory(locale=home.locale)
    login(EDITOR)

    assert client.get(reverse("wagtailsnippets_promises_promise:list")).status_code == 200
    assert denied(client.get(promise_edit_url(promise)))
    client.post(
        promise_edit_url(promise), publish(promise_form(promise, status=PromiseStatus.FULFILLED))
    )
    promise.refresh_from_db()
    assert promise.status == PromiseStatus.PLANNED

    response = client.post(
        reverse("wagtailsnippets_news_topic:add") + "?locale=sv",
        {"name": "Trygghet", "slug": "trygghet"},
    )
    assert response.status_code == 302
    assert Topic.objects.filter(slug="trygghet").exists()
    response = client.post(
        reverse("wagtailsnippets_contacts_contactperson:add") + "?locale=sv",
        {"name": "Ny Kontakt", "role_title": "Samordnare", "is_active": "on"},
    )
    assert response.status_code == 302
    assert ContactPerson.objects.filter(name="Ny Kontakt").exists()
    assert denied(
        client.post(reverse("wagtailsnippets_contacts_contactperson:delete", args=[person.pk]))
    )
    assert ContactPerson.objects.filter(pk=person.pk).exists()
    assert denied(client.get(reverse("wagtailsnippets_contacts_organisation:add")))
    assert denied(
        client.get(reverse("wagtailsnippets_contacts_organisation:edit", args=[organisation.pk]))
    )


@pytest.mark.django_db
def test_a_reviewer_publishes_and_keeps_organisations(client, login, home):
    index = NewsIndexPageFactory(parent=home)
    story = NewsArticlePageFactory(parent=index, title="Utkast", live=False)
    login(REVIEWER)
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[story.pk]),
        article_data("Publicerad av granskare", "action-publish"),
    )
    assert response.status_code == 302
    story.refresh_from_db()
    assert story.live and story.title == "Publicerad av granskare"

    response = client.post(
        reverse("wagtailsnippets_contacts_organisation:add") + "?locale=sv",
        {"name": "Polisen", "email": "polisen@example.org"},
    )
    assert response.status_code == 302
    assert Organisation.objects.filter(name="Polisen").exists()
    promise = PromiseFactory(agreement__parent=home)
    assert denied(client.get(promise_edit_url(promise)))


@pytest.mark.django_db
def test_a_promise_owner_keeps_promises_and_follow_ups_current(client, login, home, agreement):
    promise = PromiseFactory(agreement=agreement, status=PromiseStatus.PLANNED)
    story = NewsArticlePageFactory(parent=NewsIndexPageFactory(parent=home))
    login(PROMISE_OWNER)

    data = promise_form(
        promise,
        status=PromiseStatus.FULFILLED,
        new_follow_ups=[
            {"date": "2021-12-15", "status": PromiseStatus.FULFILLED, "note": "Genomfört."}
        ],
    )
    response = client.post(promise_edit_url(promise), publish(data))
    assert response.status_code == 302, response.content.decode()[:2000]
    promise.refresh_from_db()
    assert promise.live and promise.status == PromiseStatus.FULFILLED
    assert [f.note for f in promise.follow_ups.all()] == ["Genomfört."]

    response = client.post(
        reverse("wagtailsnippets_promises_promise:add") + "?locale=sv",
        publish(
            {
                **promise_form(promise, title="Nytt löfte", slug="nytt"),
                "follow_ups-TOTAL_FORMS": 0,
                "follow_ups-INITIAL_FORMS": 0,
            }
        ),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Promise.objects.filter(slug="nytt", live=True).exists()

    assert denied(client.get(reverse("wagtailadmin_pages:edit", args=[story.pk])))
    assert denied(client.get(reverse("wagtailsnippets_news_topic:add")))
    assert denied(
        client.post(reverse("wagtailsnippets_promises_promise:delete", args=[promise.pk]))
    )
    assert Promise.objects.filter(pk=promise.pk).exists()


@pytest.mark.django_db
def test_images_editors_add_reviewers_tidy_promise_owners_need_none(client, login, admin_user):
    image = Image.objects.create(
        title="Stadshuset", file=get_test_image_file(), uploaded_by_user=admin_user
    )
    login(EDITOR, "redaktor")
    assert client.get(reverse("wagtailimages:index")).status_code == 200
    assert denied(client.post(reverse("wagtailimages:delete", args=[image.pk])))
    login(REVIEWER, "granskare")
    assert client.post(reverse("wagtailimages:delete", args=[image.pk])).status_code == 302
    assert not Image.objects.filter(pk=image.pk).exists()
    login(PROMISE_OWNER, "loftesansvarig")
    assert denied(client.get(reverse("wagtailimages:index")))

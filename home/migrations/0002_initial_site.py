"""Swedish and English exist from the start; the Swedish home page is the site root."""

import uuid

from django.db import migrations


def create_site(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Locale = apps.get_model("wagtailcore.Locale")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    HomePage = apps.get_model("home.HomePage")

    swedish, _ = Locale.objects.get_or_create(language_code="sv")
    Locale.objects.get_or_create(language_code="en")

    # Replace the placeholder page that wagtailcore's initial migration makes.
    page_type = ContentType.objects.get(model="page", app_label="wagtailcore")
    Page.objects.filter(content_type=page_type, depth=2).delete()
    # The placeholder may have been made in a locale created from another LANGUAGE_CODE.
    Page.objects.filter(depth=1).update(locale=swedish)

    home_type, _ = ContentType.objects.get_or_create(model="homepage", app_label="home")
    home = HomePage.objects.create(
        title="Välkommen",
        draft_title="Välkommen",
        slug="start",
        content_type=home_type,
        path="00010001",
        depth=2,
        numchild=0,
        url_path="/start/",
        locale=swedish,
        translation_key=uuid.uuid4(),
        live=True,
        has_unpublished_changes=False,
    )
    Site.objects.create(
        hostname="localhost",
        port=80,
        root_page_id=home.pk,
        is_default_site=True,
        site_name="Nytorget",
    )


class Migration(migrations.Migration):
    dependencies = [("home", "0001_initial")]

    operations = [migrations.RunPython(create_site, migrations.RunPython.noop)]
